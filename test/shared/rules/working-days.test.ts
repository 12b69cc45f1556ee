import { isSwedishHoliday, isWorkingDay, listSwedishHolidays } from '../../../shared/rules/working-days';
import { HAND_WRITTEN_HOLIDAYS } from './holidays';

describe('Swedish holidays from date-holidays (public + bank)', () => {
  it.each([2025, 2026, 2027])('%i: exactly the hand-written list, nothing more', (year) => {
    const expected = HAND_WRITTEN_HOLIDAYS.filter((h) => h.date.startsWith(`${year}-`));
    expect(listSwedishHolidays(year)).toEqual(expected);
  });

  it.each([
    ['2026-04-04', 'påskafton'],
    ['2026-05-23', 'pingstafton'],
    ['2026-10-30', 'allhelgonaafton'],
    ['2026-01-05', 'trettondagsafton'],
    ['2026-04-30', 'valborgsmässoafton'],
    ['2026-04-02', 'skärtorsdagen'],
    ['2026-05-25', 'annandag pingst'],
    ['2026-01-13', 'tjugondag Knut'],
    ['2026-12-13', 'Luciadagen'],
  ])('%s (%s) is not a holiday', (date) => {
    expect(isSwedishHoliday(date)).toBe(false);
  });

  it('the three de facto holidays are holidays', () => {
    expect(['2026-06-19', '2026-12-24', '2026-12-31'].map(isSwedishHoliday)).toEqual([true, true, true]);
  });

  it('is stable across repeated and out-of-order years (per-year cache)', () => {
    const first = listSwedishHolidays(2030);
    listSwedishHolidays(2029);
    expect(listSwedishHolidays(2030)).toEqual(first);
    expect(first.map((h) => h.date)).toContain('2030-04-19'); // långfredagen 2030
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-02-09', true], // Monday
    ['2026-02-13', true], // Friday
    ['2026-02-14', false], // Saturday
    ['2026-02-15', false], // Sunday
    ['2026-06-19', false], // midsommarafton, a Friday
    ['2026-12-24', false], // julafton, a Thursday
  ])('%s → %s', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it("honours the desk's closed days and only those", () => {
    expect(isWorkingDay('2026-02-10', ['2026-02-10'])).toBe(false);
    expect(isWorkingDay('2026-02-11', ['2026-02-10'])).toBe(true);
  });
});
