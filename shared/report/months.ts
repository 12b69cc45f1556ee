import { Temporal } from 'temporal-polyfill';
import type { Decision } from '../domain/decision';

/** The first and last local calendar dates (YYYY-MM-DD) of a month `YYYY-MM`. */
export function monthDates(month: string): { first: string; last: string } {
  const ym = Temporal.PlainYearMonth.from(month);
  return {
    first: ym.toPlainDate({ day: 1 }).toString(),
    last: ym.toPlainDate({ day: ym.daysInMonth }).toString(),
  };
}

/** The `count` months up to and including `endMonth`, oldest first. */
export function monthsEnding(endMonth: string, count: number): string[] {
  const end = Temporal.PlainYearMonth.from(endMonth);
  return Array.from({ length: count }, (_, i) => end.subtract({ months: count - 1 - i }).toString());
}

/**
 * The decisions in force on at least one day of the month (their `from`–`to` overlaps
 * it), for the "Om rapporten" sheet. ISO dates compare correctly as strings.
 */
export function decisionsInForce(month: string, decisions: readonly Decision[]): Decision[] {
  const { first, last } = monthDates(month);
  return decisions.filter((d) => d.from <= last && d.to >= first);
}
