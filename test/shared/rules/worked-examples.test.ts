import { Temporal } from 'temporal-polyfill';
import { evaluateCard } from '../../../shared/rules/engine';
import type { FindingCode, RuleCard } from '../../../shared/rules/types';
import { addLocalDays, localClock } from '../../../shared/time/stockholm';
import { at, codesOf, EXTENSION_2026H2, makeCard, makeContext } from './fixtures';

interface Example {
  n: number;
  weekday: number; // ISO, 1 = Monday: guards the table against a mistyped date
  card: () => RuleCard;
  expected: FindingCode[];
}

function level2(issued: string, expires: string | { days: number }, extra: Partial<RuleCard> = {}): RuleCard {
  const issuedAt = at(issued);
  const expiresAt = typeof expires === 'string' ? at(expires) : addLocalDays(issuedAt, expires.days);
  return makeCard({ issuedAt, expiresAt, ...extra });
}

// SPEC §7, one row each.
const examples: Example[] = [
  { n: 1, weekday: 3, card: () => level2('2026-02-11 19:40', '2026-02-25 19:40'), expected: [] },
  {
    n: 2,
    weekday: 3,
    card: () => level2('2026-02-11 16:59', { days: 3 }),
    expected: ['l2-issued-in-office-hours'],
  },
  { n: 3, weekday: 5, card: () => level2('2026-04-03 11:00', { days: 3 }), expected: [] },
  { n: 4, weekday: 6, card: () => level2('2026-03-21 21:00', '2026-04-04 21:00'), expected: [] },
  {
    n: 5,
    weekday: 6,
    card: () => level2('2026-03-21 21:00', '2026-04-04 21:01'),
    expected: ['l2-validity-over-two-weeks'],
  },
  {
    n: 6,
    weekday: 6,
    card: () => level2('2026-06-27 20:00', '2026-07-03 20:00'),
    expected: ['l2-valid-beyond-dispensation'],
  },
  {
    n: 7,
    weekday: 3,
    card: () => level2('2026-07-01 20:00', { days: 2 }),
    expected: ['l2-outside-dispensation-period'],
  },
  {
    n: 8,
    weekday: 4,
    card: () => level2('2026-04-02 20:00', { days: 2 }, { holderIdType: 'samordningsnummer' }),
    expected: ['l2-outside-dispensation-period'],
  },
  {
    n: 9,
    weekday: 7,
    card: () => level2('2026-01-18 10:00', { days: 2 }, { unplannedPersonnel: false }),
    expected: ['l2-planned-personnel'],
  },
  {
    n: 10,
    weekday: 3,
    card: () =>
      level2(
        '2026-02-11 10:00',
        { days: 2 },
        {
          assuranceLevel: 3,
          unplannedPersonnel: null,
          holderIdType: 'samordningsnummer',
          issuedBy: ['Anna'],
        },
      ),
    expected: ['l3-needs-two-id-administrators', 'l3-requires-personnummer'],
  },
];

describe('SPEC §7 worked examples', () => {
  it.each(examples)('example $n gives exactly $expected', ({ card, expected, weekday }) => {
    const c = card();
    expect(localClock(c.issuedAt).weekday).toBe(weekday);
    expect(codesOf(evaluateCard(c, makeContext()))).toEqual(expected);
  });

  it('example 4 spans the spring DST change: 14 calendar days are one hour short of 14×24 h', () => {
    const c = examples[3]!.card();
    expect(c.expiresAt - c.issuedAt).toBe(14 * 24 * 3_600_000 - 3_600_000);
  });

  it('example 7 is clean once an extension decision is added as data', () => {
    const c = examples[6]!.card();
    expect(codesOf(evaluateCard(c, makeContext()))).toEqual(['l2-outside-dispensation-period']);
    expect(
      evaluateCard(c, makeContext({ decisions: [EXTENSION_2026H2, ...makeContext().decisions] })),
    ).toEqual([]);
  });

  it('example 5 offers to shorten the card to exactly 14 days', () => {
    const [finding] = evaluateCard(examples[4]!.card(), makeContext());
    expect(finding?.fix).toEqual({
      field: 'expiresAt',
      value: Temporal.Instant.from('2026-04-04T21:00+02:00').epochMilliseconds,
      labelKey: 'findings:fix.shortenToMaxValidity',
      labelParams: { days: 14 },
    });
  });
});
