import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DECISION, type Decision } from '../../../shared/domain/decision';
import { REASON_CODES } from '../../../shared/domain/reason-codes';
import { compareReports } from '../../../shared/report/changes';
import { computeMonthlyReport, type ReportCardFacts } from '../../../shared/report/monthly';
import { decisionsInForce, monthDates, monthsEnding } from '../../../shared/report/months';
import { aboutTable, reasonsTable, statisticsTable } from '../../../shared/report/tables';
import { monthBounds } from '../../../shared/time/stockholm';
import { at, cardId, fact, GENERATED, ORG_A, ORG_B, ORGANISATIONS } from './fixtures';

const DAY = 86_400_000;
const FEBRUARY = monthBounds('2026-02');

// Cards around February 2026, with instants biased to the month's edges.
const edge = fc.constantFrom(
  FEBRUARY.start,
  FEBRUARY.end,
  FEBRUARY.start - 1,
  FEBRUARY.end - 1,
  FEBRUARY.end + 1,
);
const instant = fc.oneof(edge, fc.integer({ min: FEBRUARY.start - 40 * DAY, max: FEBRUARY.end + 40 * DAY }));
const cardArb = fc
  .record({
    n: fc.integer({ min: 1, max: 1_000_000 }),
    org: fc.constantFrom(...ORGANISATIONS.map((o) => o.hsaId)),
    level: fc.constantFrom(2 as const, 3 as const),
    issuedAt: instant,
    validity: fc.oneof(fc.integer({ min: 1, max: 20 * DAY }), fc.constant(0)),
    endAfter: fc.option(fc.integer({ min: 0, max: 20 * DAY })),
    extension: fc.boolean(),
    voided: fc.boolean(),
    reason: fc.constantFrom(...REASON_CODES),
  })
  .map((c): ReportCardFacts => ({
    id: cardId(c.n),
    organisationHsaId: c.org,
    assuranceLevel: c.level,
    cardNumber: `9752${String(c.n).padStart(15, '0')}`,
    issuedAt: c.issuedAt,
    // A validity of 0 lands the expiry exactly on E when the card was issued before it.
    expiresAt: c.validity === 0 ? Math.max(FEBRUARY.end, c.issuedAt + 1) : c.issuedAt + c.validity,
    endedAt: c.endAfter === null ? null : c.issuedAt + c.endAfter,
    extendsCardId: c.extension ? cardId(0) : null,
    reasonCode: c.reason,
    reasonText: '',
    voided: c.voided,
  }));
const register = fc.uniqueArray(cardArb, { selector: (c) => c.id, maxLength: 30 });

describe('report invariants (property)', () => {
  it('totals are the sums of the rows, every row has activity, reasons match level-2 newly issued', () => {
    fc.assert(
      fc.property(register, (cards) => {
        const r = computeMonthlyReport('2026-02', cards, ORGANISATIONS, GENERATED);
        for (const figure of ['activeAtEnd', 'newlyIssued', 'ofWhichExtensions'] as const) {
          for (const level of ['level2', 'level3'] as const) {
            const sum = r.organisations.reduce((s, o) => s + o[figure][level], 0);
            expect(r.totals[figure][level]).toBe(sum);
          }
        }
        for (const o of r.organisations) {
          expect(
            o.activeAtEnd.level2 + o.activeAtEnd.level3 + o.newlyIssued.level2 + o.newlyIssued.level3,
          ).toBeGreaterThan(0);
          expect(o.ofWhichExtensions.level2).toBeLessThanOrEqual(o.newlyIssued.level2);
          expect(o.ofWhichExtensions.level3).toBeLessThanOrEqual(o.newlyIssued.level3);
        }
        expect(r.level2Reasons).toHaveLength(r.totals.newlyIssued.level2);
        const live = cards.filter((c) => !c.voided).length;
        expect(r.totals.newlyIssued.level2 + r.totals.newlyIssued.level3).toBeLessThanOrEqual(live);
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order of the cards, and voided cards change nothing', () => {
    fc.assert(
      fc.property(register, fc.integer(), (cards, seed) => {
        const base = computeMonthlyReport('2026-02', cards, ORGANISATIONS, GENERATED);
        const shuffled = [...cards].sort((a, b) => ((a.issuedAt ^ seed) % 7) - ((b.issuedAt ^ seed) % 7));
        expect(computeMonthlyReport('2026-02', shuffled, ORGANISATIONS, GENERATED)).toEqual(base);
        const live = cards.filter((c) => !c.voided);
        expect(computeMonthlyReport('2026-02', live, ORGANISATIONS, GENERATED)).toEqual(base);
      }),
      { numRuns: 200 },
    );
  });
});

describe('compareReports', () => {
  const cards = [fact(), fact({ organisationHsaId: ORG_B, assuranceLevel: 3 })];
  const exported = computeMonthlyReport('2026-02', cards, ORGANISATIONS, GENERATED);
  const then = { report: exported, contentHash: 'h1', exportedAt: '2026-03-02T09:12:44+01:00' };

  it('is null when the hashes agree', () => {
    expect(compareReports(then, { report: exported, contentHash: 'h1' })).toBeNull();
  });

  it('lists only the organisations whose figures changed, with both sets of figures', () => {
    const late = fact({
      issuedAt: at('2026-02-20T20:00:00+01:00'),
      expiresAt: at('2026-03-03T20:00:00+01:00'),
    });
    const now = computeMonthlyReport('2026-02', [...cards, late], ORGANISATIONS, GENERATED + DAY);
    const changes = compareReports(then, { report: now, contentHash: 'h2' });
    expect(changes).toMatchObject({ exportedContentHash: 'h1', currentContentHash: 'h2' });
    expect(changes?.organisations).toEqual([
      {
        organisationHsaId: ORG_A,
        organisationName: 'Region Exempel',
        exported: {
          activeAtEnd: { level2: 0, level3: 0 },
          newlyIssued: { level2: 1, level3: 0 },
          ofWhichExtensions: { level2: 0, level3: 0 },
        },
        current: {
          activeAtEnd: { level2: 1, level3: 0 },
          newlyIssued: { level2: 2, level3: 0 },
          ofWhichExtensions: { level2: 0, level3: 0 },
        },
      },
    ]);
    expect(changes?.totals?.current.newlyIssued).toEqual({ level2: 2, level3: 1 });
    expect(changes?.level2Reasons).toEqual({ added: [late.id], removed: [], changed: [] });
  });

  it('shows an organisation that disappeared with current null, and a changed reason', () => {
    const edited = [{ ...cards[0]!, reasonCode: 'lost-or-stolen' as const }];
    const now = computeMonthlyReport('2026-02', edited, ORGANISATIONS, GENERATED);
    const changes = compareReports(then, { report: now, contentHash: 'h3' });
    expect(changes?.organisations).toEqual([
      expect.objectContaining({ organisationHsaId: ORG_B, current: null }),
    ]);
    expect(changes?.level2Reasons.changed).toEqual([cards[0]!.id]);
  });
});

describe('tables of the exported report', () => {
  const r = computeMonthlyReport(
    '2026-02',
    [fact({ reasonCode: 'short-notice-staff', reasonText: 'Inhyrd' }), fact({ assuranceLevel: 3 })],
    ORGANISATIONS,
    GENERATED,
  );

  it('gives Statistik Swedish headers, number cells and a Totalt row', () => {
    const t = statisticsTable(r);
    expect(t.headers).toEqual([
      'Organisationens HSA-id',
      'Organisation',
      'Aktiva vid periodens slut nivå 2',
      'Aktiva vid periodens slut nivå 3',
      'Nyutfärdade nivå 2',
      'Nyutfärdade nivå 3',
      'Varav förlängningar nivå 2',
      'Varav förlängningar nivå 3',
    ]);
    expect(t.rows).toEqual([
      [ORG_A, 'Region Exempel', 0, 0, 1, 1, 0, 0],
      ['Totalt', '', 0, 0, 1, 1, 0, 0],
    ]);
  });

  it('gives the reasons with the Swedish label', () => {
    expect(reasonsTable(r).rows).toEqual([
      [
        r.level2Reasons[0]!.cardId,
        r.level2Reasons[0]!.cardNumber,
        ORG_A,
        '2026-02-11T19:40:00+01:00',
        'short-notice-staff',
        'Inhyrd eller nyanställd med kort varsel',
        'Inhyrd',
      ],
    ]);
  });

  it('names desk, period, decisions, version and hash in Om rapporten', () => {
    const rows = aboutTable(r, {
      deskName: 'Kortdesken VGR',
      decisions: [DEFAULT_DECISION],
      appVersion: '1.2.3',
      contentHash: 'abc',
    }).rows;
    expect(rows).toEqual(
      expect.arrayContaining([
        ['Region eller kortdesk', 'Kortdesken VGR'],
        ['Period', '2026-02 (2026-02-01T00:00:00+01:00 – 2026-03-01T00:00:00+01:00)'],
        ['Beslut som gällde under perioden', `ehm-2025-11-04 (${DEFAULT_DECISION.title})`],
        ['Skapad', '2026-03-02T09:12:44+01:00'],
        ['Programversion', 'Kortliggaren 1.2.3'],
        ['Kontrollsumma för innehållet (SHA-256)', 'abc'],
      ]),
    );
  });
});

describe('months', () => {
  it('lists the months up to an end month, across a year boundary', () => {
    expect(monthsEnding('2026-02', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsEnding('2026-02', 12)).toHaveLength(12);
    expect(monthDates('2028-02')).toEqual({ first: '2028-02-01', last: '2028-02-29' });
  });

  it('finds the decisions in force on any day of a month', () => {
    const later: Decision = { ...DEFAULT_DECISION, id: 'later', from: '2026-07-01', to: '2026-12-31' };
    const ids = (month: string) => decisionsInForce(month, [DEFAULT_DECISION, later]).map((d) => d.id);
    expect(ids('2025-11')).toEqual([]);
    expect(ids('2025-12')).toEqual(['ehm-2025-11-04']);
    expect(ids('2026-06')).toEqual(['ehm-2025-11-04']);
    expect(ids('2026-07')).toEqual(['later']);
  });
});
