import { describe, expect, it } from 'vitest';
import {
  canonicalReportText,
  computeMonthlyReport,
  MonthlyReport,
  type ReportCardFacts,
} from '../../../shared/report/monthly';
import { at, fact, GENERATED, ORG_A, ORG_B, ORG_LOWER_B, ORGANISATIONS } from './fixtures';

const report = (month: string, cards: ReportCardFacts[]) =>
  computeMonthlyReport(month, cards, ORGANISATIONS, GENERATED);

/** The figures of ORG_A, or undefined when it has no row. */
const rowA = (month: string, cards: ReportCardFacts[]) =>
  report(month, cards).organisations.find((o) => o.organisationHsaId === ORG_A);

const newlyIn = (month: string, card: ReportCardFacts) => report(month, [card]).totals.newlyIssued.level2;
const activeAtEndOf = (month: string, card: ReportCardFacts) =>
  report(month, [card]).totals.activeAtEnd.level2;

describe('the month is local Stockholm time, not UTC', () => {
  it.each([
    // [issuedAt, month it is newly issued in, month it is not]
    ['2026-01-31T23:30:00+01:00', '2026-01', '2026-02'], // 22:30 UTC
    ['2026-02-01T00:30:00+01:00', '2026-02', '2026-01'], // 2026-01-31 23:30 UTC
    ['2026-01-01T00:00:00+01:00', '2026-01', '2025-12'], // exactly S
    ['2025-12-31T23:59:59+01:00', '2025-12', '2026-01'], // December → January
    ['2026-03-31T23:30:00+02:00', '2026-03', '2026-04'], // summer time: E is 22:00 UTC
    ['2026-04-01T00:30:00+02:00', '2026-04', '2026-03'], // 2026-03-31 22:30 UTC
    ['2026-03-01T00:00:00+01:00', '2026-03', '2026-02'], // S of the spring DST month
    ['2026-10-01T00:30:00+02:00', '2026-10', '2026-09'], // 2026-09-30 22:30 UTC
    ['2026-10-31T23:30:00+01:00', '2026-10', '2026-11'], // autumn: E is back to +01:00
    ['2026-10-25T02:30:00+01:00', '2026-10', '2026-11'], // the repeated hour, second time
  ])('a card issued %s is newly issued in %s and not in %s', (issued, inMonth, notInMonth) => {
    const card = fact({ issuedAt: at(issued), expiresAt: at(issued) + 3_600_000 });
    expect(newlyIn(inMonth, card)).toBe(1);
    expect(newlyIn(notInMonth, card)).toBe(0);
  });

  it.each([
    ['2026-01', '2026-01-01T00:00:00+01:00', '2026-02-01T00:00:00+01:00'],
    ['2026-03', '2026-03-01T00:00:00+01:00', '2026-04-01T00:00:00+02:00'],
    ['2026-06', '2026-06-01T00:00:00+02:00', '2026-07-01T00:00:00+02:00'],
    ['2026-10', '2026-10-01T00:00:00+02:00', '2026-11-01T00:00:00+01:00'],
    ['2026-12', '2026-12-01T00:00:00+01:00', '2027-01-01T00:00:00+01:00'],
  ])('writes the period of %s with the offset of each instant', (month, start, end) => {
    expect(report(month, [])).toMatchObject({ periodStart: start, periodEnd: end });
  });
});

describe('active at the end of the month', () => {
  const E = at('2026-03-01T00:00:00+01:00');
  it.each([
    ['expires exactly at E', { expiresAt: E }, 1],
    ['expires 1 ms before E', { expiresAt: E - 1 }, 0],
    ['expires after E', { expiresAt: E + 86_400_000 }, 1],
    ['ended exactly at E', { expiresAt: E + 86_400_000, endedAt: E }, 1],
    ['returned 2026-02-28 23:00', { expiresAt: E + 86_400_000, endedAt: at('2026-02-28T23:00:00+01:00') }, 0],
    ['ended after E', { expiresAt: E + 86_400_000, endedAt: E + 1 }, 1],
    ['issued exactly at E', { issuedAt: E, expiresAt: E + 86_400_000 }, 0],
    ['issued in January, valid over E', { issuedAt: at('2026-01-20T20:00:00+01:00'), expiresAt: E + 1 }, 1],
  ])('%s', (_name, overrides: Partial<ReportCardFacts>, expected) => {
    expect(activeAtEndOf('2026-02', fact(overrides))).toBe(expected);
  });

  it('counts a card issued in an earlier month that is still valid, but not as newly issued', () => {
    const card = fact({
      issuedAt: at('2026-01-25T20:00:00+01:00'),
      expiresAt: at('2026-02-05T20:00:00+01:00'),
    });
    expect(report('2026-01', [card]).totals).toMatchObject({
      activeAtEnd: { level2: 1, level3: 0 },
      newlyIssued: { level2: 1, level3: 0 },
    });
    expect(report('2026-02', [card]).organisations).toEqual([]);
  });
});

describe('what counts', () => {
  it('never counts voided cards, in any figure or the reasons', () => {
    const voided = fact({ voided: true, expiresAt: at('2026-03-05T00:00:00+01:00') });
    const r = report('2026-02', [voided]);
    expect(r.organisations).toEqual([]);
    expect(r.level2Reasons).toEqual([]);
    expect(r.totals.newlyIssued).toEqual({ level2: 0, level3: 0 });
  });

  it('counts an extension as newly issued and among the extensions; the extended card ends', () => {
    const first = fact({
      issuedAt: at('2026-02-01T20:00:00+01:00'),
      expiresAt: at('2026-02-15T20:00:00+01:00'),
      endedAt: at('2026-02-14T20:00:00+01:00'),
    });
    const extension = fact({
      issuedAt: at('2026-02-14T20:00:00+01:00'),
      expiresAt: at('2026-03-10T20:00:00+01:00'),
      extendsCardId: first.id,
    });
    const level3 = fact({ assuranceLevel: 3, extendsCardId: first.id, organisationHsaId: ORG_B });
    const r = report('2026-02', [first, extension, level3]);
    expect(r.organisations.find((o) => o.organisationHsaId === ORG_A)).toEqual({
      organisationHsaId: ORG_A,
      organisationName: 'Region Exempel',
      activeAtEnd: { level2: 1, level3: 0 },
      newlyIssued: { level2: 2, level3: 0 },
      ofWhichExtensions: { level2: 1, level3: 0 },
    });
    expect(r.totals.ofWhichExtensions).toEqual({ level2: 1, level3: 1 });
    expect(r.level2Reasons.map((x) => x.cardId)).toEqual([first.id, extension.id]);
  });

  it('omits organisations without activity in the month and sorts the rest by HSA-id code units', () => {
    const cards = [
      fact({ organisationHsaId: ORG_LOWER_B }),
      fact({ organisationHsaId: ORG_B, assuranceLevel: 3 }),
      fact({ organisationHsaId: ORG_A }),
      // Activity in another month only:
      fact({
        organisationHsaId: 'SE2321000016-C',
        issuedAt: at('2026-04-01T20:00:00+02:00'),
        expiresAt: at('2026-04-02T20:00:00+02:00'),
      }),
    ];
    const ids = report('2026-02', cards).organisations.map((o) => o.organisationHsaId);
    // Upper-case B (0x42) before lower-case b (0x62), whatever a locale would say.
    expect(ids).toEqual([ORG_A, ORG_B, ORG_LOWER_B]);
  });

  it('lists level-2 reasons by issue time then id, with Stockholm offsets and no level-3 cards', () => {
    const sameTime = at('2026-06-10T21:00:00+02:00');
    const cards = [
      fact({
        id: 'ffffffff-0000-4000-8000-000000000000',
        issuedAt: sameTime,
        expiresAt: sameTime + 1,
        reasonCode: 'other',
        reasonText: 'Annat',
      }),
      fact({ id: '00000000-ffff-4000-8000-000000000000', issuedAt: sameTime, expiresAt: sameTime + 1 }),
      fact({ issuedAt: at('2026-06-01T22:00:00+02:00'), expiresAt: sameTime }),
      fact({ assuranceLevel: 3, issuedAt: at('2026-06-02T10:00:00+02:00'), expiresAt: sameTime }),
    ];
    const reasons = report('2026-06', cards).level2Reasons;
    expect(reasons.map((r) => [r.cardId.slice(0, 8), r.issuedAt])).toEqual([
      [cards[2]!.id.slice(0, 8), '2026-06-01T22:00:00+02:00'],
      ['00000000', '2026-06-10T21:00:00+02:00'],
      ['ffffffff', '2026-06-10T21:00:00+02:00'],
    ]);
    expect(reasons[2]).toMatchObject({ reasonCode: 'other', reasonText: 'Annat', organisationHsaId: ORG_A });
  });

  it('counts levels 2 and 3 apart', () => {
    const row = rowA('2026-02', [fact(), fact({ assuranceLevel: 3 }), fact({ assuranceLevel: 3 })]);
    expect(row?.newlyIssued).toEqual({ level2: 1, level3: 2 });
  });
});

describe('the canonical report', () => {
  it('is exactly the format of SPEC §5 and passes its strict schema', () => {
    const r = report('2026-02', [fact()]);
    expect(Object.keys(r)).toEqual([
      'format',
      'month',
      'periodStart',
      'periodEnd',
      'generatedAt',
      'organisations',
      'totals',
      'level2Reasons',
    ]);
    expect(r.format).toBe('kortliggaren/monthly-report@1');
    expect(r.generatedAt).toBe('2026-03-02T09:12:44+01:00');
    expect(MonthlyReport.parse(r)).toEqual(r);
    const leaky = { ...r, level2Reasons: [{ ...r.level2Reasons[0], holderName: 'Anna' }] };
    expect(MonthlyReport.safeParse(leaky).success).toBe(false);
  });

  it('hashes the same text whenever it was generated, and another text when content differs', () => {
    const cards = [fact()];
    const a = computeMonthlyReport('2026-02', cards, ORGANISATIONS, GENERATED);
    const b = computeMonthlyReport('2026-02', cards, ORGANISATIONS, GENERATED + 86_400_000);
    expect(a.generatedAt).not.toBe(b.generatedAt);
    expect(canonicalReportText(a)).toBe(canonicalReportText(b));
    expect(canonicalReportText(a)).not.toContain('generatedAt');
    const renamed = computeMonthlyReport('2026-02', cards, [{ hsaId: ORG_A, name: 'Nytt namn' }], GENERATED);
    expect(canonicalReportText(renamed)).not.toBe(canonicalReportText(a));
  });
});
