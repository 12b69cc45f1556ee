import { Temporal } from 'temporal-polyfill';
import {
  fastWallClock,
  memoiseByText,
  offsetText,
  resolveWallTime,
  wallDate,
  wallHourMinute,
} from './zone-offset';

/** The one time zone every local date, month and office-hour rule is evaluated in. */
export const ZONE = 'Europe/Stockholm';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_RE = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})$/;
// An instant must carry its own offset or Z: a bare local time would be a guess.
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;
// The everyday shape, read without Temporal: upper-case T and Z, seconds 00–59.
const PLAIN_INSTANT_RE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// Date.UTC for a calendar date-time whose fields are all in range, else null (the caller
// then lets Temporal decide). Years before 1970 go to Temporal too.
function plainUtc(y: string, mo: string, d: string, h: string, mi: string, s = '00'): number | null {
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (year < 1970 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

function parsePlainInstant(text: string): number | null {
  const m = PLAIN_INSTANT_RE.exec(text);
  if (!m) return null;
  const utc = plainUtc(m[1]!, m[2]!, m[3]!, m[4]!, m[5]!, m[6]);
  if (utc === null) return null;
  const millis = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  if (!m[8]) return utc + millis;
  const offsetHours = Number(m[9]);
  const offsetMinutes = Number(m[10]);
  if (offsetHours > 23 || offsetMinutes > 59) return null;
  const offsetMs = (offsetHours * 60 + offsetMinutes) * 60_000 * (m[8] === '-' ? -1 : 1);
  const epochMs = utc + millis - offsetMs;
  return epochMs >= 0 ? epochMs : null;
}

/** Parses an ISO-8601 instant with offset or Z into epoch milliseconds, or null. */
export function parseInstant(text: string): number | null {
  if (!INSTANT_RE.test(text)) return null;
  const fast = parsePlainInstant(text);
  if (fast !== null) return fast;
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
  const w = fastWallClock(epochMs);
  if (w) return `${wallDate(w)}T${wallHourMinute(w)}:${pad(w.second)}${offsetText(w.offsetMs)}`;
  return toZoned(epochMs).toString({ timeZoneName: 'never', smallestUnit: 'second' });
}

/** The local calendar date (YYYY-MM-DD) of an instant in Stockholm. */
export function localDate(epochMs: number): string {
  const w = fastWallClock(epochMs);
  if (w) return wallDate(w);
  return toZoned(epochMs).toPlainDate().toString();
}

/** Formats an instant for people: `YYYY-MM-DD HH:MM`, 24-hour, Stockholm time. */
export function formatLocal(epochMs: number): string {
  const w = fastWallClock(epochMs);
  if (w) return `${wallDate(w)} ${wallHourMinute(w)}`;
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
  const wallMs = plainUtc(m[1]!.slice(0, 4), m[1]!.slice(5, 7), m[1]!.slice(8, 10), m[2]!, m[3]!);
  const fast = wallMs === null ? null : resolveWallTime(wallMs);
  if (fast) {
    if (fast.kind === 'unique') return { ok: true, epochMs: fast.epochMs };
    return { ok: false, reason: fast.kind === 'gap' ? 'nonexistent' : 'ambiguous' };
  }
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
  const w = fastWallClock(epochMs);
  // Only a wall time that exists exactly once is certain; Temporal settles gaps and overlaps.
  const resolved = w ? resolveWallTime(epochMs + w.offsetMs + days * 86_400_000) : null;
  if (resolved?.kind === 'unique') return resolved.epochMs;
  return toZoned(epochMs).add({ days }).epochMilliseconds;
}

/** 00:00 local time at the start of a local date, as epoch milliseconds. */
export const startOfLocalDate: (date: string) => number = memoiseByText(
  (date) => Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: ZONE }).epochMilliseconds,
);

/** The next calendar date after a YYYY-MM-DD date. */
export const nextDate: (date: string) => string = memoiseByText((date) =>
  Temporal.PlainDate.from(date).add({ days: 1 }).toString(),
);

const monthBoundsOf = memoiseByText((month) => {
  const first = Temporal.PlainYearMonth.from(month).toPlainDate({ day: 1 });
  return {
    start: startOfLocalDate(first.toString()),
    end: startOfLocalDate(first.add({ months: 1 }).toString()),
  };
});

/** Bounds of a month `YYYY-MM`: S = 00:00 local on the 1st, E = 00:00 local on the next 1st. */
export function monthBounds(month: string): { start: number; end: number } {
  // A copy: the memoised value must not be changed by a caller.
  return { ...monthBoundsOf(month) };
}

/** Minutes since local midnight and ISO weekday (1 = Monday) of an instant in Stockholm. */
export function localClock(epochMs: number): { minutes: number; weekday: number; date: string } {
  const w = fastWallClock(epochMs);
  if (w) return { minutes: w.hour * 60 + w.minute, weekday: w.weekday, date: wallDate(w) };
  const z = toZoned(epochMs);
  return { minutes: z.hour * 60 + z.minute, weekday: z.dayOfWeek, date: z.toPlainDate().toString() };
}
