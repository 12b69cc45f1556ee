import { DEFAULT_DECISION, type Decision } from '../../../shared/domain/decision';
import { describeDecisionCoverage, findCoverage } from '../../../shared/rules/decisions';
import { evaluateCard } from '../../../shared/rules/engine';
import {
  checkDispensationPeriod,
  checkMaxValidity,
  checkValidBeyondDispensation,
} from '../../../shared/rules/level2-rules';
import type { RuleCard } from '../../../shared/rules/types';
import { parseInstant } from '../../../shared/time/stockholm';
import { at, codesOf, EXTENSION_2026H2, HOUR, makeCard, makeContext, MINUTE } from './fixtures';

function instant(iso: string): number {
  const ms = parseInstant(iso);
  if (ms === null) throw new Error(iso);
  return ms;
}

const AUTUMN_CONTEXT = makeContext({ decisions: [DEFAULT_DECISION, EXTENSION_2026H2] });

function overMax(card: RuleCard, ctx = AUTUMN_CONTEXT): boolean {
  return checkMaxValidity(card, ctx).length > 0;
}

describe('l2-validity-over-two-weeks across DST changes', () => {
  it.each([
    // [issued, limit as an explicit instant, the limit's length in hours]
    ['2026-03-20 22:00', '2026-04-03T22:00+02:00', 14 * 24 - 1], // spring forward 2026-03-29
    ['2026-10-20 22:00', '2026-11-03T22:00+01:00', 14 * 24 + 1], // fall back 2026-10-25
    ['2026-02-01 22:00', '2026-02-15T22:00+01:00', 14 * 24], // no change
  ])('issued %s: limit %s (%i h)', (issued, limit, hours) => {
    const issuedAt = at(issued);
    expect(instant(limit) - issuedAt).toBe(hours * HOUR);
    expect(overMax(makeCard({ issuedAt, expiresAt: instant(limit) - MINUTE }))).toBe(false);
    expect(overMax(makeCard({ issuedAt, expiresAt: instant(limit) }))).toBe(false);
    expect(overMax(makeCard({ issuedAt, expiresAt: instant(limit) + MINUTE }))).toBe(true);
  });

  it('02:30 fourteen days before spring-forward: the limit 02:30 does not exist, so it is 03:30 CEST', () => {
    const issuedAt = at('2026-03-15 02:30');
    const [finding] = checkMaxValidity(
      makeCard({ issuedAt, expiresAt: instant('2026-03-29T03:31+02:00') }),
      AUTUMN_CONTEXT,
    );
    expect(finding?.fix?.value).toBe(instant('2026-03-29T03:30+02:00'));
    expect(finding?.params).toMatchObject({ limit: '2026-03-29 03:30', expiresAt: '2026-03-29 03:31' });
    expect(overMax(makeCard({ issuedAt, expiresAt: instant('2026-03-29T03:30+02:00') }))).toBe(false);
  });

  it('02:30 on the day before spring-forward with a one-day decision: limit is 03:30 the next day', () => {
    const oneDay: Decision = { ...DEFAULT_DECISION, id: 'one-day', maxValidityDays: 1 };
    const ctx = makeContext({ decisions: [oneDay] });
    const issuedAt = at('2026-03-28 02:30');
    expect(overMax(makeCard({ issuedAt, expiresAt: instant('2026-03-29T03:30+02:00') }), ctx)).toBe(false);
    expect(overMax(makeCard({ issuedAt, expiresAt: instant('2026-03-29T03:31+02:00') }), ctx)).toBe(true);
    expect(instant('2026-03-29T03:30+02:00') - issuedAt).toBe(24 * HOUR);
  });

  it('02:30 fourteen days before fall-back: the limit is the earlier 02:30 (compatible)', () => {
    const issuedAt = at('2026-10-11 02:30');
    expect(overMax(makeCard({ issuedAt, expiresAt: instant('2026-10-25T02:30+02:00') }))).toBe(false);
    expect(overMax(makeCard({ issuedAt, expiresAt: instant('2026-10-25T02:30+01:00') }))).toBe(true);
  });

  it('uses the covering decision’s own maximum', () => {
    const seven: Decision = { ...DEFAULT_DECISION, id: 'seven', maxValidityDays: 7 };
    const card = makeCard({ issuedAt: at('2026-02-02 20:00'), expiresAt: at('2026-02-10 20:00') });
    expect(overMax(card, makeContext({ decisions: [seven] }))).toBe(true);
    expect(overMax(card, makeContext())).toBe(false);
  });
});

describe('dispensation period 2025-12-01 – 2026-06-30', () => {
  it.each([
    ['2025-11-30 23:59', true],
    ['2025-12-01 00:00', false],
    ['2026-06-30 23:59', false],
    ['2026-07-01 00:00', true],
  ])('personnummer holder issued %s → outside %s', (issued, outside) => {
    const card = makeCard({ issuedAt: at(issued), expiresAt: at(issued) + MINUTE });
    expect(checkDispensationPeriod(card, makeContext()).length > 0).toBe(outside);
  });

  it('outside the period the two validity rules are not evaluated', () => {
    const card = makeCard({ issuedAt: at('2025-11-30 23:59'), expiresAt: at('2026-07-31 00:00') });
    expect(codesOf(evaluateCard(card, makeContext()))).toEqual(['l2-outside-dispensation-period']);
  });

  it('a level-3 card is never outside the dispensation', () => {
    const card = makeCard({ issuedAt: at('2027-01-10 20:00'), assuranceLevel: 3, issuedBy: ['A', 'B'] });
    expect(evaluateCard(card, makeContext())).toEqual([]);
  });

  it('the last minute of the period may not be valid past 2026-07-01 00:00', () => {
    const issuedAt = at('2026-06-30 23:59');
    const end = at('2026-07-01 00:00');
    expect(checkValidBeyondDispensation(makeCard({ issuedAt, expiresAt: end }), makeContext())).toEqual([]);
    const [finding] = checkValidBeyondDispensation(
      makeCard({ issuedAt, expiresAt: end + MINUTE }),
      makeContext(),
    );
    expect(finding?.severity).toBe('warning');
    expect(finding?.fix).toEqual({
      field: 'expiresAt',
      value: end,
      labelKey: 'findings:fix.shortenToDispensationEnd',
    });
    expect(finding?.params).toMatchObject({ lastDay: '2026-06-30' });
  });
});

describe('holders without a personnummer: last day 2026-03-31', () => {
  it.each([
    ['samordningsnummer', '2026-03-31 23:59', false],
    ['samordningsnummer', '2026-04-01 00:00', true],
    ['other', '2026-03-31 23:59', false],
    ['other', '2026-04-01 00:00', true],
    ['personnummer', '2026-04-01 00:00', false],
  ] as const)('%s holder issued %s → outside %s', (holderIdType, issued, outside) => {
    const card = makeCard({ holderIdType, issuedAt: at(issued), expiresAt: at(issued) + HOUR });
    expect(checkDispensationPeriod(card, makeContext()).length > 0).toBe(outside);
  });

  it('a samordningsnummer card issued 2026-03-25 warns when valid past 2026-04-01 00:00', () => {
    const issuedAt = at('2026-03-25 20:00');
    const cutOff = at('2026-04-01 00:00');
    const card = (holderIdType: RuleCard['holderIdType'], expiresAt: number) =>
      makeCard({ holderIdType, issuedAt, expiresAt });
    expect(codesOf(evaluateCard(card('samordningsnummer', cutOff), makeContext()))).toEqual([]);
    const findings = evaluateCard(card('samordningsnummer', cutOff + MINUTE), makeContext());
    expect(codesOf(findings)).toEqual(['l2-valid-beyond-dispensation']);
    expect(findings[0]?.fix?.value).toBe(cutOff);
    expect(findings[0]?.params).toMatchObject({ lastDay: '2026-03-31' });
    expect(evaluateCard(card('personnummer', at('2026-04-02 20:00')), makeContext())).toEqual([]);
  });

  it('without withoutPersonnummerUntil, or with one after `to`, the last day is `to`', () => {
    for (const until of [null, '2026-12-31']) {
      const decision: Decision = { ...DEFAULT_DECISION, withoutPersonnummerUntil: until };
      expect(findCoverage('2026-06-30', 'samordningsnummer', [decision])?.lastDay).toBe('2026-06-30');
      expect(findCoverage('2026-07-01', 'samordningsnummer', [decision])).toBeNull();
    }
  });
});

describe('choosing between decisions', () => {
  const seven: Decision = { ...DEFAULT_DECISION, id: 'amendment', from: '2026-03-01', maxValidityDays: 7 };

  it('the decision with the latest `from` wins, whatever the list order', () => {
    for (const decisions of [
      [DEFAULT_DECISION, seven],
      [seven, DEFAULT_DECISION],
    ]) {
      expect(findCoverage('2026-03-10', 'personnummer', decisions)?.decision.id).toBe('amendment');
      expect(findCoverage('2026-02-28', 'personnummer', decisions)?.decision.id).toBe('ehm-2025-11-04');
    }
  });

  it('with the same `from`, the greatest id wins', () => {
    const a: Decision = { ...DEFAULT_DECISION, id: 'a' };
    const b: Decision = { ...DEFAULT_DECISION, id: 'b' };
    expect(findCoverage('2026-01-10', 'personnummer', [b, a])?.decision.id).toBe('b');
    expect(findCoverage('2026-01-10', 'personnummer', [a, b])?.decision.id).toBe('b');
  });

  it('a decision ended for this holder leaves room for an older one that still covers', () => {
    const later: Decision = { ...seven, id: 'later', withoutPersonnummerUntil: '2026-03-05' };
    const older: Decision = { ...DEFAULT_DECISION, withoutPersonnummerUntil: null };
    expect(findCoverage('2026-03-10', 'samordningsnummer', [later, older])?.decision.id).toBe(
      'ehm-2025-11-04',
    );
  });

  it('no decisions at all: every level-2 card is outside', () => {
    const card = makeCard({ issuedAt: at('2026-02-11 19:40') });
    expect(codesOf(evaluateCard(card, makeContext({ decisions: [] })))).toEqual([
      'l2-outside-dispensation-period',
    ]);
  });

  it('an extension does not lengthen a card issued under the earlier decision (SPEC: that decision’s last day)', () => {
    const card = makeCard({ issuedAt: at('2026-06-27 20:00'), expiresAt: at('2026-07-03 20:00') });
    expect(codesOf(evaluateCard(card, AUTUMN_CONTEXT))).toEqual(['l2-valid-beyond-dispensation']);
  });
});

describe('describeDecisionCoverage (the "no decision covers today" banner)', () => {
  it.each([
    [at('2025-11-30 23:59'), null],
    [at('2025-12-01 00:00'), 'ehm-2025-11-04'],
    [at('2026-05-01 12:00'), 'ehm-2025-11-04'], // after the samordningsnummer cut-off: still covered
    [at('2026-06-30 23:59'), 'ehm-2025-11-04'],
    [at('2026-07-01 00:00'), null],
    ['2026-06-30', 'ehm-2025-11-04'],
    ['2026-07-01', null],
  ])('%s → %s', (when, id) => {
    expect(describeDecisionCoverage(when, [DEFAULT_DECISION])?.id ?? null).toBe(id);
  });

  it('reads an instant in Stockholm time, not UTC', () => {
    // 2026-06-30T22:30Z is 2026-07-01 00:30 in Stockholm.
    expect(describeDecisionCoverage(instant('2026-06-30T22:30Z'), [DEFAULT_DECISION])).toBeNull();
    expect(describeDecisionCoverage(instant('2025-11-30T23:30Z'), [DEFAULT_DECISION])?.id).toBe(
      'ehm-2025-11-04',
    );
  });

  it('shows an extension once it is added', () => {
    expect(describeDecisionCoverage('2026-08-01', [DEFAULT_DECISION, EXTENSION_2026H2])?.id).toBe(
      'ehm-extension-2026h2',
    );
  });
});
