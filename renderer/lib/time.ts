import { formatLocal, parseInstant, toZoned } from '../../shared/time/stockholm';

/** Now, rounded down to the whole minute: the form's default issue time. */
export function nowToMinute(now: number = Date.now()): number {
  return Math.floor(now / 60_000) * 60_000;
}

/**
 * Shows an ISO instant from the back end as `YYYY-MM-DD HH:MM` in Stockholm time; text
 * that is not an instant is shown as it is rather than hidden.
 */
export function formatIsoLocal(iso: string | null | undefined): string {
  if (!iso) return '';
  const ms = parseInstant(iso);
  return ms === null ? iso : formatLocal(ms);
}

/** The Stockholm month `YYYY-MM` of an instant and the `count - 1` months before it, newest first. */
export function listRecentMonths(now: number, count: number): string[] {
  const start = toZoned(now).toPlainDate().toPlainYearMonth();
  const months: string[] = [];
  for (let i = 0; i < count; i++) months.push(start.subtract({ months: i }).toString());
  return months;
}

/** The date part `YYYY-MM-DD` of a local date-time text, if it starts with one. */
export function datePartOf(text: string): string | null {
  const m = /^\s*(\d{4}-\d{2}-\d{2})/.exec(text);
  return m ? m[1]! : null;
}

/** The time part `HH:MM` of a local date-time text, if it has one. */
export function timePartOf(text: string): string | null {
  const m = /(\d{2}:\d{2})\s*$/.exec(text);
  return m ? m[1]! : null;
}
