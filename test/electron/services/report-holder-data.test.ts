import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../../electron/app/backend';
import { buildMonthlyReport } from '../../../electron/services/report';
import { exportMonthlyReport } from '../../../electron/services/report-export';
import { formatReportJson } from '../../../shared/report/monthly';
import { formatInstant } from '../../../shared/time/stockholm';
import { tempDir, validCard } from '../../fixtures/cards';
import { hsaIdArb } from '../support/generators';

// Random holders on random days across the dispensation period, at both levels.
const cardArb = fc.record({
  holderHsaId: hsaIdArb('H'),
  holderName: fc.stringMatching(/^[A-ZÅÄÖ][a-zåäö]{5,9} [A-ZÅÄÖ][a-zåäö]{5,9}$/),
  level: fc.constantFrom(2 as const, 3 as const),
  issuedAt: fc.integer({ min: Date.parse('2025-12-01T00:00:00Z'), max: Date.parse('2026-06-20T00:00:00Z') }),
  days: fc.integer({ min: 1, max: 20 }),
  cardNumber: fc.stringMatching(/^9752\d{15}$/),
});

let dir: string;
let cleanup: () => void;
let backend: Backend;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  backend = createBackend({ databasePath: join(dir, 'k.db'), mode: 'web', version: 'test' });
});
afterEach(() => {
  backend.close();
  cleanup();
});

describe('the monthly report', () => {
  it('never contains a holder name or holder HSA-id, in any month or file format', async () => {
    const cards = fc.sample(cardArb, { numRuns: 40, seed: 20260101 });
    for (const c of cards) {
      const result = await backend.router.invoke(
        'cards:register',
        validCard({
          holderHsaId: c.holderHsaId,
          holderName: c.holderName,
          assuranceLevel: c.level,
          cardNumber: c.cardNumber,
          issuedAt: formatInstant(c.issuedAt),
          expiresAt: formatInstant(c.issuedAt + c.days * 86_400_000),
          issuedBy: ['Kim Karlsson', 'Lo Lind'],
          violationJustification: 'Godkänt av chef',
          ...(c.level === 3 ? { unplannedPersonnel: undefined } : {}),
        }),
        { trustedSender: true },
      );
      expect(result.ok, JSON.stringify(result)).toBe(true);
    }
    const secrets = cards.flatMap((c) => [c.holderName, c.holderHsaId]).map((s) => s.toLowerCase());
    const texts: string[] = [];
    for (const month of [
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
    ]) {
      const report = buildMonthlyReport(backend.services, month);
      texts.push(formatReportJson(report));
      for (const format of ['json', 'csv'] as const) {
        const written = await exportMonthlyReport(
          backend.services,
          { month, format, path: join(dir, `rapport-${month}.${format}`) },
          'test',
        );
        for (const file of written.files) texts.push(readFileSync(file, 'utf8'));
      }
    }
    expect(texts.join('\n')).toContain('level2Reasons');
    const all = texts.join('\n').toLowerCase();
    expect(secrets.filter((s) => all.includes(s))).toEqual([]);
  });
});
