/**
 * Stockholm wall-clock arithmetic for the generator only: the EU summer-time rule (since
 * 1996) in plain arithmetic, because building a million cards through Temporal would take
 * longer than the measurements themselves. The app never uses this; its rules go through
 * shared/time/stockholm.ts, and the seeded register is judged by them.
 */
const HOUR = 3_600_000;

// The last Sunday of a month (0-based), as a UTC day number.
function lastSunday(year: number, month: number): number {
  const lastDay = Date.UTC(year, month + 1, 0);
  const weekday = new Date(lastDay).getUTCDay();
  return lastDay - weekday * 24 * HOUR;
}

/** The Stockholm offset from UTC at an instant: +1 h in winter, +2 h in summer. */
export function stockholmOffsetMs(epochMs: number): number {
  const year = new Date(epochMs).getUTCFullYear();
  const summerStart = lastSunday(year, 2) + HOUR; // 01:00 UTC
  const summerEnd = lastSunday(year, 9) + HOUR;
  return epochMs >= summerStart && epochMs < summerEnd ? 2 * HOUR : HOUR;
}

/** The instant of a Stockholm wall-clock time (the earlier one in the autumn overlap). */
export function fromLocal(year: number, month: number, day: number, secondOfDay: number): number {
  const local = Date.UTC(year, month - 1, day) + secondOfDay * 1000;
  const summer = local - 2 * HOUR;
  return stockholmOffsetMs(summer) === 2 * HOUR ? summer : local - HOUR;
}

/** Adds calendar days keeping the wall-clock time, as the validity rule counts them. */
export function addLocalDaysFast(epochMs: number, days: number): number {
  const plain = epochMs + stockholmOffsetMs(epochMs) + days * 24 * HOUR;
  const d = new Date(plain);
  return (
    fromLocal(
      d.getUTCFullYear(),
      d.getUTCMonth() + 1,
      d.getUTCDate(),
      d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds(),
    ) + d.getUTCMilliseconds()
  );
}

/** `YYYY-MM-DD` of a UTC day number (the calendar only, no zone). */
export function isoDate(utcDay: number): string {
  return new Date(utcDay).toISOString().slice(0, 10);
}
