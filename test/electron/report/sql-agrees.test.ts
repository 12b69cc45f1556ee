import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/app/backend';
import { REPORT_SQL } from '../../../electron/db/repositories/report';
import { buildMonthlyReport } from '../../../electron/services/report';
import { REASON_CODES } from '../../../shared/domain/reason-codes';
import { computeMonthlyReport, type ReportCardFacts } from '../../../shared/report/monthly';
import { monthBounds } from '../../../shared/time/stockholm';
import { tempDir } from '../../fixtures/cards';
import { openBackend, storeFacts } from './support';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// SQLite compares HSA-ids by UTF-8 bytes, the report by UTF-16 code units; the ids here
// differ in case and length so the order is exercised.
const ORGANISATIONS = [
  { hsaId: 'SE2321000016-A1B2', name: 'Region Exempel' },
  { hsaId: 'SE2321000016-B', name: 'Vårdbolaget' },
  { hsaId: 'SE2321000016-b', name: '=Äldreboendet' },
  { hsaId: 'SE5565594230-Z', name: 'Tandvården' },
];
// DST changes in 2026: 03-29 01:00 UTC and 10-25 01:00 UTC.
const DST = [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1)];
const MONTHS = [
  '2025-12',
  '2026-01',
  '2026-02',
  '2026-03',
  '2026-04',
  '2026-10',
  '2026-11',
  '2026-12',
  '2027-01',
];

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Instants a month's figures are sensitive to: S, E, one off either side, the last local hour, DST. */
function edgesOf(month: string): number[] {
  const { start, end } = monthBounds(month);
  return [
    start,
    end,
    start - 1,
    start + 1,
    end - 1,
    end + 1,
    end - HOUR,
    start - HOUR,
    ...DST,
    ...DST.map((d) => d - 1),
  ];
}

const pick = <T>(items: readonly T[], k: number): T => items[k % items.length]!;

/** A random register around a random month: voided, ended, extended, level 2 and 3 cards. */
const scenario = fc.constantFrom(...MONTHS).chain((month) => {
  const { start, end } = monthBounds(month);
  const edges = edgesOf(month);
  const instant = fc.oneof(
    fc.nat().map((k) => pick(edges, k)),
    fc.integer({ min: start - 45 * DAY, max: end + 45 * DAY }),
  );
  const card = fc.record({
    org: fc.nat(),
    level: fc.constantFrom(2 as const, 3 as const),
    issuedAt: instant,
    expiry: fc.oneof(instant, fc.integer({ min: 1, max: 30 * DAY })),
    end: fc.option(fc.oneof(instant, fc.integer({ min: 0, max: 30 * DAY }))),
    extendsPrevious: fc.nat({ max: 40 }),
    voided: fc.boolean(),
    reason: fc.constantFrom(...REASON_CODES),
  });
  return fc.record({ month: fc.constant(month), cards: fc.array(card, { maxLength: 30 }) });
});

function toFacts(
  cards: {
    org: number;
    level: 2 | 3;
    issuedAt: number;
    expiry: number;
    end: number | null;
    extendsPrevious: number;
    voided: boolean;
    reason: (typeof REASON_CODES)[number];
  }[],
): ReportCardFacts[] {
  return cards.map((c, i) => {
    // An instant at or before issuedAt is taken as a duration instead, keeping the schema's checks.
    const expiresAt =
      c.expiry > c.issuedAt ? c.expiry : c.issuedAt + Math.max(1, Math.abs(c.expiry) % (30 * DAY));
    const endedAt =
      c.end === null ? null : c.end >= c.issuedAt ? c.end : c.issuedAt + (Math.abs(c.end) % (30 * DAY));
    return {
      id: id(i + 1),
      organisationHsaId: pick(ORGANISATIONS, c.org).hsaId,
      assuranceLevel: c.level,
      cardNumber: `9752${String(i + 1).padStart(15, '0')}`,
      issuedAt: c.issuedAt,
      expiresAt,
      endedAt,
      // Extends an earlier card now and then (a reference must point at a stored card).
      extendsCardId:
        i > 0 && c.extendsPrevious < i && c.extendsPrevious % 3 === 0 ? id(c.extendsPrevious + 1) : null,
      reasonCode: c.reason,
      reasonText: c.reason === 'other' ? `Skäl ${i}` : '',
      voided: c.voided,
    };
  });
}

let backend: Backend;
let cleanup: () => void;
const clock = { now: Date.UTC(2027, 1, 1) };
beforeAll(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  backend = openBackend(t.dir, clock);
});
afterAll(() => {
  backend.close();
  cleanup();
});

describe('the database report agrees with the pure definition', () => {
  it('on random registers, month edges, DST months and year ends (property)', () => {
    const { services, db } = backend;
    fc.assert(
      fc.property(scenario, ({ month, cards }) => {
        const facts = toFacts(cards);
        db.exec('DELETE FROM cards; DELETE FROM organisations;');
        storeFacts(services, facts, ORGANISATIONS);
        const fromSql = buildMonthlyReport(services, month, clock.now);
        const reference = computeMonthlyReport(month, facts, ORGANISATIONS, clock.now);
        expect(fromSql).toEqual(reference);
      }),
      { numRuns: 200 },
    );
  });

  it('reads only index ranges of the cards table, never a full scan', () => {
    for (const [name, sql] of Object.entries(REPORT_SQL)) {
      const plan = backend.db
        .prepare<[{ start: number; end: number }], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all({ start: 1, end: 2 })
        .map((r) => r.detail);
      const onCards = plan.filter((d) => /\bcards\b/.test(d));
      expect(onCards.length, name).toBeGreaterThan(0);
      for (const step of onCards)
        expect(step, `${name}: ${plan.join(' | ')}`).toMatch(
          /^SEARCH cards USING (COVERING )?INDEX cards_(issued_at|expires_at) /,
        );
    }
  });
});
