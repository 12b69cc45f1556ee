import { DEFAULT_SETTINGS, parseOfficeHours, type RuleSettings } from '../../../shared/domain/settings';
import { evaluateCard } from '../../../shared/rules/engine';
import { checkOfficeHours } from '../../../shared/rules/level2-rules';
import { isWorkingDay } from '../../../shared/rules/working-days';
import { Temporal } from 'temporal-polyfill';
import { at, codesOf, makeCard, makeContext } from './fixtures';
import { HAND_WRITTEN_HOLIDAYS } from './holidays';

function officeHoursAt(local: string, settings: RuleSettings = DEFAULT_SETTINGS): boolean {
  const findings = checkOfficeHours(makeCard({ issuedAt: at(local) }), makeContext({ settings }));
  return findings.some((f) => f.code === 'l2-issued-in-office-hours');
}

function withHours(text: string, closedDays: string[] = []): RuleSettings {
  const officeHours = parseOfficeHours(text);
  if (!officeHours) throw new Error(`bad office hours ${text}`);
  return { ...DEFAULT_SETTINGS, officeHours, closedDays };
}

describe('office hours on an ordinary Tuesday (2026-02-10), default 08:00–17:00', () => {
  it.each([
    ['07:59', false],
    ['08:00', true],
    ['12:00', true],
    ['16:59', true],
    ['17:00', false],
    ['23:30', false],
    ['00:00', false],
  ])('%s → violation %s', (time, expected) => {
    expect(officeHoursAt(`2026-02-10 ${time}`)).toBe(expected);
  });

  it('the finding names the time and the hours, and the engine reports it', () => {
    const findings = evaluateCard(makeCard({ issuedAt: at('2026-02-10 08:00') }), makeContext());
    expect(codesOf(findings)).toEqual(['l2-issued-in-office-hours']);
    expect(findings[0]?.params).toEqual({ issuedAt: '2026-02-10 08:00', start: '08:00', end: '17:00' });
    expect(findings[0]?.message).toContain('2026-02-10 08:00');
  });

  it('a level-3 card is never an office-hours violation', () => {
    const card = makeCard({ issuedAt: at('2026-02-10 10:00'), assuranceLevel: 3 });
    expect(checkOfficeHours(card, makeContext())).toEqual([]);
  });
});

describe('configured office hours 09:00–15:01 (Västra Götaland)', () => {
  const vg = withHours('09:00-15:01');
  it.each([
    ['08:59', false],
    ['09:00', true],
    ['15:00', true],
    ['15:01', false],
    ['16:30', false],
  ])('%s → violation %s', (time, expected) => {
    expect(officeHoursAt(`2026-02-10 ${time}`, vg)).toBe(expected);
  });
});

describe('days that are not working days', () => {
  it('a Saturday and a Sunday at 10:00 are fine', () => {
    expect(officeHoursAt('2026-02-14 10:00')).toBe(false);
    expect(officeHoursAt('2026-02-15 10:00')).toBe(false);
    expect(officeHoursAt('2026-02-13 10:00')).toBe(true); // the Friday before
    expect(officeHoursAt('2026-02-16 10:00')).toBe(true); // the Monday after
  });

  it("a desk's own closed day is not a working day, the days around it are", () => {
    const settings = withHours('08:00-17:00', ['2026-02-10']);
    expect(officeHoursAt('2026-02-10 10:00', settings)).toBe(false);
    expect(officeHoursAt('2026-02-09 10:00', settings)).toBe(true);
    expect(officeHoursAt('2026-02-11 10:00', settings)).toBe(true);
  });

  // The list is written out by hand so that a misused holiday library is caught.
  describe.each(HAND_WRITTEN_HOLIDAYS)('$date $name', ({ date }) => {
    it('is not a working day: 10:00 is no office-hours violation', () => {
      expect(isWorkingDay(date)).toBe(false);
      expect(officeHoursAt(`${date} 10:00`)).toBe(false);
    });

    it('the nearest ordinary working days before and after are violations at 10:00', () => {
      for (const step of [-1, 1]) {
        const neighbour = nearestOrdinaryWorkingDay(date, step);
        expect(officeHoursAt(`${neighbour} 10:00`), neighbour).toBe(true);
      }
    });
  });
});

describe('Swedish eves and observances that are ordinary working days', () => {
  // date-holidays knows these as 'optional' or 'observance'; they must not close the desk.
  it.each([
    ['2026-01-05', 'trettondagsafton'],
    ['2026-04-02', 'skärtorsdagen'],
    ['2026-04-30', 'valborgsmässoafton'],
    ['2026-05-25', 'annandag pingst (abolished 2005)'],
    ['2026-10-30', 'allhelgonaafton'],
    ['2026-11-06', 'Gustav Adolfsdagen'],
    ['2025-10-31', 'allhelgonaafton 2025'],
    ['2027-03-25', 'skärtorsdagen 2027'],
  ])('%s (%s) at 10:00 is a violation', (date) => {
    expect(officeHoursAt(`${date} 10:00`)).toBe(true);
  });
});

function nearestOrdinaryWorkingDay(date: string, step: number): string {
  // 2024's nyårsafton is the day before the first listed holiday.
  const holidays = new Set([...HAND_WRITTEN_HOLIDAYS.map((h) => h.date), '2024-12-31']);
  let day = Temporal.PlainDate.from(date);
  do day = day.add({ days: step });
  while (day.dayOfWeek >= 6 || holidays.has(day.toString()));
  return day.toString();
}
