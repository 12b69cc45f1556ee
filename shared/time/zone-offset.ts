import { Temporal } from 'temporal-polyfill';

/**
 * Fast Europe/Stockholm arithmetic. temporal-polyfill spends 10–100 µs on each conversion
 * between an instant and a wall-clock time, and a national register makes millions of
 * them (every rule check, register row and report line). So the zone's offset changes are
 * asked of Temporal once per calendar year and kept; the rest is plain arithmetic.
 * Anything outside 1970–2199, or an offset that is not whole minutes, goes back to
 * Temporal, which stays the definition; test/shared/time compares the two.
 */
const ZONE = 'Europe/Stockholm';
const DAY_MS = 86_400_000;
const FIRST_YEAR = 1970;
const LAST_YEAR = 2199;

/** A year's offsets: `offsets[i]` holds from `starts[i]` (the first is the year's start). */
interface YearOffsets {
  starts: number[];
  offsets: number[];
}
const years = new Map<number, YearOffsets | null>();

function offsetsOf(year: number): YearOffsets | null {
  let table = years.get(year);
  if (table === undefined) {
    const from = Date.UTC(year, 0, 1);
    const to = Date.UTC(year + 1, 0, 1);
    let zoned = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(ZONE);
    table = { starts: [from], offsets: [zoned.offsetNanoseconds / 1e6] };
    for (;;) {
      const next = zoned.getTimeZoneTransition('next');
      if (!next || next.epochMilliseconds >= to) break;
      table.starts.push(next.epochMilliseconds);
      table.offsets.push(next.offsetNanoseconds / 1e6);
      zoned = next;
    }
    if (table.offsets.some((offset) => offset % 60_000 !== 0)) table = null;
    years.set(year, table);
  }
  return table;
}

/** The Stockholm offset from UTC at an instant, in milliseconds, or null outside the fast range. */
export function zoneOffsetMs(epochMs: number): number | null {
  if (!Number.isFinite(epochMs)) return null;
  const year = new Date(epochMs).getUTCFullYear();
  if (year < FIRST_YEAR || year > LAST_YEAR) return null;
  const table = offsetsOf(year);
  if (!table) return null;
  let i = table.starts.length - 1;
  while (i > 0 && table.starts[i]! > epochMs) i--;
  return table.offsets[i]!;
}

/** The wall-clock fields of an instant in Stockholm. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  offsetMs: number;
}

/** The Stockholm wall clock at an instant, or null when Temporal must answer. */
export function fastWallClock(epochMs: number): WallClock | null {
  const offsetMs = zoneOffsetMs(epochMs);
  if (offsetMs === null) return null;
  const d = new Date(epochMs + offsetMs);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: ((d.getUTCDay() + 6) % 7) + 1,
    offsetMs,
  };
}

/**
 * The instant of a wall-clock time given as milliseconds since 1970-01-01T00:00 *local*.
 * `unique` when the time exists exactly once; `gap` (spring) and `overlap` (autumn) tell
 * the caller to decide; null when Temporal must answer.
 */
export function resolveWallTime(
  wallMs: number,
): { kind: 'unique'; epochMs: number } | { kind: 'gap' | 'overlap' } | null {
  // The offsets a day either side bracket any DST change near this wall time.
  const before = zoneOffsetMs(wallMs - DAY_MS);
  const after = zoneOffsetMs(wallMs + DAY_MS);
  if (before === null || after === null) return null;
  const valid = [before, after].filter(
    (offset, i, all) => all.indexOf(offset) === i && zoneOffsetMs(wallMs - offset) === offset,
  );
  if (valid.length === 1) return { kind: 'unique', epochMs: wallMs - valid[0]! };
  return { kind: valid.length === 0 ? 'gap' : 'overlap' };
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `YYYY-MM-DD` of a wall clock. */
export function wallDate(w: WallClock): string {
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** `HH:MM` of a wall clock. */
export function wallHourMinute(w: WallClock): string {
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/** `+HH:MM` of an offset in whole minutes. */
export function offsetText(offsetMs: number): string {
  const minutes = Math.abs(offsetMs) / 60_000;
  return `${offsetMs < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** Memoises a pure function of a string (dates and months repeat endlessly in a register). */
export function memoiseByText<T>(compute: (text: string) => T, limit = 5_000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    if (cache.has(text)) return cache.get(text)!;
    const value = compute(text);
    if (cache.size >= limit) cache.clear();
    cache.set(text, value);
    return value;
  };
}
