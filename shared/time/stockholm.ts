import { Temporal } from 'temporal-polyfill';

/** The one time zone every local date, month and office-hour rule is evaluated in. */
export const ZONE = 'Europe/Stockholm';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_RE = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})$/;
// An instant must carry its own offset or Z: a bare local time would be a guess.
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

/** Parses an ISO-8601 instant with offset or Z into epoch milliseconds, or null. */
export function parseInstant(text: string): number | null {
  if (!INSTANT_RE.test(text)) return null;
  try {
    return Temporal.Instant.from(text).epochMilliseconds;
  } catch {
    return null;
  }
}

/** Tells whether text is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  if (!DATE_RE.test(text)) return false;
  try {
    Temporal.PlainDate.from(text, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

/** Converts epoch milliseconds to a wall-clock date-time in Stockholm. */
export function toZoned(epochMs: number): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(ZONE);
}

/** Formats an instant as ISO-8601 with the Stockholm offset of that instant (no zone name). */
export function formatInstant(epochMs: number): string {
  return toZoned(epochMs).toString({ timeZoneName: 'never', smallestUnit: 'second' });
}

/** The local calendar date (YYYY-MM-DD) of an instant in Stockholm. */
export function localDate(epochMs: number): string {
  return toZoned(epochMs).toPlainDate().toString();
}

/** Formats an instant for people: `YYYY-MM-DD HH:MM`, 24-hour, Stockholm time. */
export function formatLocal(epochMs: number): string {
  const z = toZoned(epochMs);
  return `${z.toPlainDate().toString()} ${pad(z.hour)}:${pad(z.minute)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export type LocalParse =
  { ok: true; epochMs: number } | { ok: false; reason: 'format' | 'nonexistent' | 'ambiguous' };

/**
 * Reads a local Stockholm time `YYYY-MM-DD HH:MM`. A time that falls in the spring gap
 * or the autumn overlap is refused rather than guessed.
 */
export function parseLocalDateTime(text: string): LocalParse {
  const m = LOCAL_RE.exec(text.trim());
  if (!m) return { ok: false, reason: 'format' };
  let plain: Temporal.PlainDateTime;
  try {
    plain = Temporal.PlainDateTime.from(`${m[1]}T${m[2]}:${m[3]}`, { overflow: 'reject' });
  } catch {
    return { ok: false, reason: 'format' };
  }
  const zone = ZONE;
  const candidates = [
    plain.toZonedDateTime(zone, { disambiguation: 'earlier' }),
    plain.toZonedDateTime(zone, { disambiguation: 'later' }),
  ];
  const exact = candidates.filter((z) => z.toPlainDateTime().equals(plain));
  if (exact.length === 0) return { ok: false, reason: 'nonexistent' };
  const [first, second] = exact;
  if (first && second && first.epochMilliseconds !== second.epochMilliseconds) {
    return { ok: false, reason: 'ambiguous' };
  }
  return { ok: true, epochMs: exact[0]!.epochMilliseconds };
}

/** Adds calendar days in Stockholm wall-clock time (Temporal's `compatible` disambiguation). */
export function addLocalDays(epochMs: number, days: number): number {
  return toZoned(epochMs).add({ days }).epochMilliseconds;
}

/** 00:00 local time at the start of a local date, as epoch milliseconds. */
export function startOfLocalDate(date: string): number {
  return Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: ZONE }).epochMilliseconds;
}

/** The next calendar date after a YYYY-MM-DD date. */
export function nextDate(date: string): string {
  return Temporal.PlainDate.from(date).add({ days: 1 }).toString();
}

/** Bounds of a month `YYYY-MM`: S = 00:00 local on the 1st, E = 00:00 local on the next 1st. */
export function monthBounds(month: string): { start: number; end: number } {
  const first = Temporal.PlainYearMonth.from(month).toPlainDate({ day: 1 });
  return {
    start: startOfLocalDate(first.toString()),
    end: startOfLocalDate(first.add({ months: 1 }).toString()),
  };
}

/** Minutes since local midnight and ISO weekday (1 = Monday) of an instant in Stockholm. */
export function localClock(epochMs: number): { minutes: number; weekday: number; date: string } {
  const z = toZoned(epochMs);
  return { minutes: z.hour * 60 + z.minute, weekday: z.dayOfWeek, date: z.toPlainDate().toString() };
}
