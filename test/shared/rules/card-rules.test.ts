import { normaliseCardNumber } from '../../../shared/domain/card';
import { evaluateCard } from '../../../shared/rules/engine';
import { checkFrequentReissue, checkPlannedPersonnel } from '../../../shared/rules/level2-rules';
import { checkTwoAdministrators, countDistinctAdministrators } from '../../../shared/rules/level3-rules';
import { checkActiveCard, checkCardNumberFormat, checkCardReuse } from '../../../shared/rules/register-rules';
import type { RuleCard } from '../../../shared/rules/types';
import { at, codesOf, contextFromRegister, HOUR, makeCard, makeContext } from './fixtures';

const DAY_MS = 24 * HOUR;
const HOLDER = 'SE2321000016-ABC1';

describe('l3-needs-two-id-administrators: distinct names, trimmed and case-insensitive', () => {
  it.each([
    [['Anna ', 'anna'], true],
    [['ANNA', ' anna '], true],
    [['Åsa', 'ÅSA'], true],
    [['Anna'], true],
    [['Anna', '   '], true],
    [['Anna', 'Bertil'], false],
    [['Anna Andersson', 'Anna  Andersson'], false], // inner spaces are not collapsed (SPEC: trim only)
    [['SE2321000016-AB12', 'se2321000016-ab12'], true],
  ])('%j → violation %s', (issuedBy, violation) => {
    const card = makeCard({ assuranceLevel: 3, unplannedPersonnel: null, issuedBy });
    expect(checkTwoAdministrators(card, makeContext()).length > 0).toBe(violation);
  });

  it('counts as documented', () => {
    expect(countDistinctAdministrators(['Anna ', 'anna', 'Bertil'])).toBe(2);
  });

  it('a level-2 card may be issued by one administrator', () => {
    expect(checkTwoAdministrators(makeCard({ issuedBy: ['Anna'] }), makeContext())).toEqual([]);
  });
});

describe('l3-requires-personnummer', () => {
  it.each([
    ['personnummer', []],
    ['samordningsnummer', ['l3-requires-personnummer']],
    ['other', ['l3-requires-personnummer']],
  ] as const)('%s holder → %j', (holderIdType, codes) => {
    const card = makeCard({
      assuranceLevel: 3,
      holderIdType,
      unplannedPersonnel: null,
      issuedBy: ['A', 'B'],
    });
    expect(codesOf(evaluateCard(card, makeContext()))).toEqual(codes);
  });
});

describe('l2-planned-personnel', () => {
  it.each([
    [2, false, true],
    [2, true, false],
    [2, null, false],
    [3, false, false],
  ] as const)(
    'level %i, unplannedPersonnel %s → violation %s',
    (assuranceLevel, unplannedPersonnel, violation) => {
      const card = makeCard({ assuranceLevel, unplannedPersonnel });
      expect(checkPlannedPersonnel(card, makeContext()).length > 0).toBe(violation);
    },
  );
});

describe('card-number-unusual-format', () => {
  it.each([
    ['9752123456789012345', false], // 19 digits, 9752…
    ['975212345678901234', true], // 18 digits
    ['97521234567890123456', true], // 20 digits
    ['9753123456789012345', true], // wrong prefix
    ['1234567890', true],
  ])('%s → warning %s', (cardNumber, warning) => {
    const findings = checkCardNumberFormat(makeCard({ cardNumber }), makeContext());
    expect(findings.map((f) => f.severity)).toEqual(warning ? ['warning'] : []);
  });

  it('a number typed with spaces and hyphens is judged after normalising', () => {
    const typed = '9752 1234-5678 9012 345';
    expect(normaliseCardNumber(typed)).toBe('9752123456789012345');
    expect(
      checkCardNumberFormat(makeCard({ cardNumber: normaliseCardNumber(typed) }), makeContext()),
    ).toEqual([]);
    expect(
      checkCardNumberFormat(makeCard({ cardNumber: '9752 1234-5678 9012 34' }), makeContext()),
    ).toHaveLength(1);
  });
});

describe('l2-frequent-reissue: window (issuedAt − 30×24 h, issuedAt]', () => {
  const T = at('2026-04-20 20:00'); // the window reaches back across the spring DST change
  const level2At = (issuedAt: number, extra: Partial<RuleCard> = {}) =>
    makeCard({ holderHsaId: HOLDER, issuedAt, ...extra });

  function reissueCount(card: RuleCard, others: RuleCard[]): number | null {
    const [finding] = checkFrequentReissue(card, makeContext({ others }));
    return finding ? Number(finding.params?.count) : null;
  }

  it('exactly 3 in the window → warning with count 3', () => {
    const card = level2At(T);
    expect(reissueCount(card, [level2At(T - 29 * DAY_MS), level2At(T - 10 * DAY_MS)])).toBe(3);
    const findings = evaluateCard(
      card,
      makeContext({ others: [level2At(T - 29 * DAY_MS), level2At(T - 5 * DAY_MS)] }),
    );
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['l2-frequent-reissue', 'warning']]);
  });

  it('one at exactly issuedAt − 30×24 h is outside; one millisecond later is inside', () => {
    const recent = level2At(T - DAY_MS);
    expect(reissueCount(level2At(T), [level2At(T - 30 * DAY_MS), recent])).toBeNull();
    expect(reissueCount(level2At(T), [level2At(T - 30 * DAY_MS + 1), recent])).toBe(3);
  });

  it('a registration at the very same instant counts (closed upper end)', () => {
    expect(reissueCount(level2At(T), [level2At(T), level2At(T - DAY_MS)])).toBe(3);
  });

  it('later cards, level-3 cards, other holders and the card itself do not count', () => {
    const card = level2At(T);
    const others = [
      level2At(T + 1),
      level2At(T - DAY_MS, { assuranceLevel: 3 }),
      level2At(T - DAY_MS, { holderHsaId: 'SE2321000016-OTHER' }),
      card,
      { ...card },
      level2At(T - 2 * DAY_MS),
    ];
    expect(reissueCount(card, others)).toBeNull();
    expect(reissueCount(card, [...others, level2At(T - 3 * DAY_MS)])).toBe(3);
  });

  it('a level-3 card never gets the warning', () => {
    const card = level2At(T, { assuranceLevel: 3 });
    expect(
      reissueCount(card, [level2At(T - DAY_MS), level2At(T - 2 * DAY_MS), level2At(T - 3 * DAY_MS)]),
    ).toBeNull();
  });
});

describe('holder-has-active-card: other.issuedAt ≤ issuedAt < other.expiresAt, not ended at or before', () => {
  const T = at('2026-02-11 19:40');
  const card = makeCard({ holderHsaId: HOLDER, issuedAt: T });
  const other = (o: Partial<RuleCard>) =>
    makeCard({ holderHsaId: HOLDER, issuedAt: T - DAY_MS, expiresAt: T + DAY_MS, ...o });
  const active = (o: RuleCard) => checkActiveCard(card, makeContext({ others: [o] })).length > 0;

  it.each([
    ['expires exactly at issuedAt', { expiresAt: T }, false],
    ['expires a millisecond later', { expiresAt: T + 1 }, true],
    ['ended exactly at issuedAt', { endedAt: T }, false],
    ['ended a millisecond later', { endedAt: T + 1 }, true],
    ['ended before', { endedAt: T - HOUR }, false],
    ['issued at the same instant', { issuedAt: T }, true],
    ['issued a millisecond later', { issuedAt: T + 1 }, false],
    ['a level-3 card', { assuranceLevel: 3 as const }, true],
    ['another holder', { holderHsaId: 'SE2321000016-OTHER' }, false],
  ])('%s → %s', (_label, overrides, expected) => {
    expect(active(other(overrides))).toBe(expected);
  });

  it('ignores a history entry with the card’s own id', () => {
    expect(checkActiveCard(card, makeContext({ others: [{ ...card, issuedAt: T - HOUR }] }))).toEqual([]);
  });

  it('names the earliest active card and counts them all', () => {
    const first = other({ issuedAt: T - 2 * DAY_MS });
    const [finding] = checkActiveCard(card, makeContext({ others: [other({}), first] }));
    expect(finding?.params).toMatchObject({ otherCardId: first.id, count: 2 });
    expect(finding?.severity).toBe('warning');
  });
});

describe('card-reused-for-other-holder', () => {
  const first = makeCard({ cardNumber: '9752000000000000042', issuedAt: at('2026-01-10 20:00') });
  const second = makeCard({ cardNumber: '9752000000000000042', issuedAt: at('2026-02-10 20:00') });

  it('flags both the earlier and the later registration', () => {
    const register = [first, second];
    for (const card of register) {
      const findings = checkCardReuse(card, contextFromRegister(card, register));
      expect(findings.map((f) => [f.code, f.severity])).toEqual([
        ['card-reused-for-other-holder', 'violation'],
      ]);
    }
    const [finding] = checkCardReuse(first, contextFromRegister(first, register));
    expect(finding?.params).toMatchObject({ otherCardId: second.id, otherHolderHsaId: second.holderHsaId });
  });

  it('the same holder getting the same card again is fine', () => {
    const again = { ...second, holderHsaId: first.holderHsaId };
    expect(checkCardReuse(again, makeContext({ others: [first] }))).toEqual([]);
  });

  it('compares normalised numbers and ignores other numbers and the card itself', () => {
    expect(
      checkCardReuse(second, makeContext({ others: [{ ...first, cardNumber: '9752-0000 0000 0000 042' }] })),
    ).toHaveLength(1);
    expect(
      checkCardReuse(second, makeContext({ others: [{ ...first, cardNumber: '9752000000000000043' }] })),
    ).toEqual([]);
    expect(
      checkCardReuse(second, makeContext({ others: [{ ...second, holderHsaId: 'SE2321000016-X' }] })),
    ).toEqual([]);
  });
});
