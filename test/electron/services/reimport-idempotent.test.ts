import fc from 'fast-check';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../../electron/app/backend';
import { importRegister } from '../../../electron/services/import';
import { importCsv } from '../../../electron/services/import-rows';
import type { CardInputRaw } from '../../../shared/domain/card';
import { REASON_CODES } from '../../../shared/domain/reason-codes';
import { tempDir } from '../../fixtures/cards';

// STYLE.md's property for imports: importing the same file again, any number of times,
// changes nothing in the register — not a card, an organisation, a finding or an audit entry.

const DAY = 86_400_000;
const BASE = Date.UTC(2026, 0, 5, 6, 0);

const card = fc.record({
  org: fc.constantFrom('SE2321000016-A1B2', 'SE2321000016-B7'),
  level: fc.constantFrom(2, 3),
  number: fc.bigInt({ min: 9752210000000000000n, max: 9752219999999999999n }),
  holder: fc.constantFrom('SE2321000016-H1', 'SE2321000016-H2', 'SE5565594230-H001'),
  name: fc.constantFrom('Åsa Öberg', 'Anna Åberg', 'Per Ek'),
  unplanned: fc.boolean(),
  issuedOffsetMin: fc.integer({ min: 0, max: 200 * 24 * 60 }),
  days: fc.integer({ min: 1, max: 20 }),
  reason: fc.constantFrom(...REASON_CODES),
});
type Gen = typeof card extends fc.Arbitrary<infer T> ? T : never;

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function toInput(g: Gen): CardInputRaw {
  const issued = BASE + g.issuedOffsetMin * 60_000;
  return {
    organisationHsaId: g.org,
    organisationName: g.org.endsWith('A1B2') ? 'Region Exempel' : 'Kommunen',
    assuranceLevel: g.level,
    cardNumber: String(g.number),
    holderHsaId: g.holder,
    holderName: g.name,
    holderIdType: 'personnummer',
    unplannedPersonnel: g.unplanned,
    issuedAt: iso(issued),
    expiresAt: iso(issued + g.days * DAY),
    reasonCode: g.reason,
    reasonText: 'Glömt hemma',
    issuedBy: ['Kim Karlsson'],
  };
}

const HEADER = [
  'organisationHsaId',
  'organisationName',
  'assuranceLevel',
  'cardNumber',
  'holderHsaId',
  'holderName',
  'holderIdType',
  'unplannedPersonnel',
  'issuedAt',
  'expiresAt',
  'reasonCode',
  'reasonText',
  'issuedBy',
] as const;

function toCsv(cards: CardInputRaw[]): string {
  const cell = (v: unknown) =>
    Array.isArray(v) ? v.join('|') : typeof v === 'boolean' ? (v ? 'ja' : 'nej') : String(v);
  return [HEADER.join(';'), ...cards.map((c) => HEADER.map((h) => cell(c[h])).join(';'))].join('\r\n');
}

/** Every row of every table, in a stable order: what "changes nothing" is measured against. */
function snapshot(backend: Backend): Record<string, unknown[]> {
  const tables = backend.db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all();
  return Object.fromEntries(
    // Sorted here: some tables have no rowid to order by.
    tables.map(({ name }) => [
      name,
      backend.db
        .prepare(`SELECT * FROM "${name}"`)
        .all()
        .map((row) => JSON.stringify(row))
        .sort(),
    ]),
  );
}

function withRegister<T>(run: (backend: Backend) => T): T {
  const temp = tempDir();
  const backend = createBackend({
    databasePath: join(temp.dir, 'k.db'),
    mode: 'cli',
    version: 'test',
    actor: 't',
  });
  try {
    return run(backend);
  } finally {
    backend.close();
    temp.cleanup();
  }
}

describe('importing the same file again', () => {
  it('changes nothing in the register, however often it is repeated (register file)', () => {
    fc.assert(
      fc.property(
        fc.array(card, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 3 }),
        (gens, times) =>
          withRegister((backend) => {
            // Ids make a register file's cards the same cards on every import.
            const cards = gens.map((g, i) => ({
              ...toInput(g),
              id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
            }));
            const first = importRegister(backend.services, { cards });
            expect(first).toEqual({ imported: cards.length, unchanged: 0 });
            const after = snapshot(backend);
            for (let i = 0; i < times; i++) {
              expect(importRegister(backend.services, { cards })).toEqual({
                imported: 0,
                unchanged: cards.length,
              });
              expect(snapshot(backend)).toEqual(after);
            }
          }),
      ),
      { numRuns: 30 },
    );
  });

  it('changes nothing in the register, however often it is repeated (CSV without ids)', () => {
    fc.assert(
      fc.property(
        fc.array(card, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 3 }),
        (gens, times) =>
          withRegister((backend) => {
            // Rows of a CSV that are exactly alike are one card: the stable id is its content.
            const text = toCsv(gens.map(toInput));
            const first = importCsv(backend.services, text);
            expect(first.imported).toBeGreaterThan(0);
            const after = snapshot(backend);
            const stored = first.imported + first.unchanged;
            for (let i = 0; i < times; i++) {
              expect(importCsv(backend.services, text)).toEqual({ imported: 0, unchanged: stored });
              expect(snapshot(backend)).toEqual(after);
            }
          }),
      ),
      { numRuns: 30 },
    );
  });
});
