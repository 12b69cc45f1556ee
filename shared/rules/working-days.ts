import Holidays from 'date-holidays';
import { Temporal } from 'temporal-polyfill';

/** A Swedish holiday on which a card desk's regular office is closed. */
export interface SwedishHoliday {
  /** YYYY-MM-DD */
  date: string;
  /** The library's Swedish name, e.g. `långfredagen`. */
  name: string;
}

// date-holidays files the public holidays as 'public' and midsommarafton, julafton and
// nyårsafton as 'bank'; every other Swedish day it knows (påskafton, pingstafton,
// allhelgonaafton, …) is 'observance' or 'optional' and must not close the office.
const HOLIDAY_TYPES = ['public', 'bank'] as const;

let calendar: Holidays | null = null;
const byYear = new Map<number, ReadonlyMap<string, string>>();

function holidaysOf(year: number): ReadonlyMap<string, string> {
  let days = byYear.get(year);
  if (!days) {
    calendar ??= new Holidays('SE', { types: [...HOLIDAY_TYPES] });
    const map = new Map<string, string>();
    for (const h of calendar.getHolidays(year)) {
      // Checked again so that a library update widening `types` cannot close the office.
      if (!(HOLIDAY_TYPES as readonly string[]).includes(h.type)) continue;
      // `date` is the local calendar date ("2026-06-19 00:00:00"); `start` would be a UTC
      // instant and depend on the library's zone handling.
      map.set(h.date.slice(0, 10), h.name);
    }
    days = map;
    byYear.set(year, days);
  }
  return days;
}

/** Lists the Swedish public and de facto holidays of a year, in date order (SPEC §4). */
export function listSwedishHolidays(year: number): SwedishHoliday[] {
  return [...holidaysOf(year)]
    .map(([date, name]) => ({ date, name }))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** Tells whether a YYYY-MM-DD date is a Swedish public or de facto holiday. */
export function isSwedishHoliday(date: string): boolean {
  return holidaysOf(Temporal.PlainDate.from(date).year).has(date);
}

/**
 * Tells whether a YYYY-MM-DD date is a working day: Monday–Friday, not a Swedish
 * holiday and not one of the desk's own closed days.
 */
export function isWorkingDay(date: string, closedDays: readonly string[] = []): boolean {
  const day = Temporal.PlainDate.from(date);
  if (day.dayOfWeek >= 6) return false;
  if (closedDays.includes(date)) return false;
  return !holidaysOf(day.year).has(date);
}
