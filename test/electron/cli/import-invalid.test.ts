import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, validCard } from '../../fixtures/cards';
import { cliIn, contentOf, toCsv, uuid } from './cli-helpers';

let dir: string;
let cleanup: () => void;
let cli: ReturnType<typeof cliIn>;
let seeded: ReturnType<typeof contentOf>;

// One register for every case: each refused import must leave it exactly as seeded.
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  cli = cliIn(dir);
  writeFileSync(join(dir, 'seed.json'), JSON.stringify({ cards: [validCard({ id: uuid(1) })] }));
  expect(cli('import', join(dir, 'seed.json')).status).toBe(0);
  seeded = contentOf(dir);
  expect(seeded.audit.length).toBeGreaterThan(0);
});
afterAll(() => cleanup());

const OTHER_NUMBER = '9752000000000000002';
const base = (overrides: Record<string, unknown>) => ({
  ...validCard({ id: uuid(3), cardNumber: OTHER_NUMBER }),
  ...overrides,
});
const without = (field: string) => {
  const card: Record<string, unknown> = base({});
  delete card[field];
  return card;
};

/** Every kind of invalid input of SPEC §3, as [name, card, field named in the error]. */
const CASES: [string, Record<string, unknown>, string][] = [
  ['organisationHsaId missing', without('organisationHsaId'), 'organisationHsaId'],
  ['organisationHsaId malformed', base({ organisationHsaId: 'SE123-A' }), 'organisationHsaId'],
  ['organisationHsaId check digit', base({ organisationHsaId: 'SE2321000017-A1B2' }), 'organisationHsaId'],
  [
    'organisationHsaId over 31 chars',
    base({ organisationHsaId: `SE2321000016-${'A'.repeat(19)}` }),
    'organisationHsaId',
  ],
  [
    'new organisation without a name',
    base({ organisationHsaId: 'SE5565594230-ORG1', organisationName: undefined }),
    'organisationName',
  ],
  ['organisationName too long', base({ organisationName: 'x'.repeat(201) }), 'organisationName'],
  ['organisationName blank', base({ organisationName: '  ' }), 'organisationName'],
  ['assuranceLevel missing', without('assuranceLevel'), 'assuranceLevel'],
  ['assuranceLevel 4', base({ assuranceLevel: 4 }), 'assuranceLevel'],
  ['assuranceLevel as text', base({ assuranceLevel: '2' }), 'assuranceLevel'],
  ['cardNumber missing', without('cardNumber'), 'cardNumber'],
  ['cardNumber 9 digits', base({ cardNumber: '123456789' }), 'cardNumber'],
  ['cardNumber 21 digits', base({ cardNumber: '1'.repeat(21) }), 'cardNumber'],
  ['cardNumber letters', base({ cardNumber: '9752ABC000000000001' }), 'cardNumber'],
  ['holderHsaId missing', without('holderHsaId'), 'holderHsaId'],
  ['holderHsaId check digit', base({ holderHsaId: 'SE2321000017-A1B2' }), 'holderHsaId'],
  ['holderName missing', without('holderName'), 'holderName'],
  ['holderName blank', base({ holderName: '   ' }), 'holderName'],
  ['holderName too long', base({ holderName: 'Å'.repeat(201) }), 'holderName'],
  ['holderName control character', base({ holderName: 'Anna\u0007' }), 'holderName'],
  ['holderName lone surrogate', base({ holderName: 'Anna \uD800' }), 'holderName'],
  ['holderIdType missing', without('holderIdType'), 'holderIdType'],
  ['holderIdType unknown', base({ holderIdType: 'passport' }), 'holderIdType'],
  ['unplannedPersonnel missing at level 2', without('unplannedPersonnel'), 'unplannedPersonnel'],
  ['unplannedPersonnel as text', base({ unplannedPersonnel: 'true' }), 'unplannedPersonnel'],
  ['issuedAt missing', without('issuedAt'), 'issuedAt'],
  ['issuedAt without offset', base({ issuedAt: '2026-02-11T19:40:00' }), 'issuedAt'],
  ['issuedAt not a time', base({ issuedAt: 'igår' }), 'issuedAt'],
  ['expiresAt missing', without('expiresAt'), 'expiresAt'],
  ['expiresAt equal to issuedAt', base({ expiresAt: '2026-02-11T19:40:00+01:00' }), 'expiresAt'],
  ['expiresAt before issuedAt', base({ expiresAt: '2026-02-10T19:40:00+01:00' }), 'expiresAt'],
  ['reasonCode missing', without('reasonCode'), 'reasonCode'],
  ['reasonCode unknown', base({ reasonCode: 'bored' }), 'reasonCode'],
  ['reasonText too long', base({ reasonText: 'x'.repeat(501) }), 'reasonText'],
  ['other without reasonText', base({ reasonCode: 'other' }), 'reasonText'],
  ['other with blank reasonText', base({ reasonCode: 'other', reasonText: '  ' }), 'reasonText'],
  ['issuedBy missing', without('issuedBy'), 'issuedBy'],
  ['issuedBy empty', base({ issuedBy: [] }), 'issuedBy'],
  ['issuedBy three', base({ issuedBy: ['A', 'B', 'C'] }), 'issuedBy'],
  ['issuedBy blank name', base({ issuedBy: [' '] }), 'issuedBy.0'],
  ['issuedBy as text', base({ issuedBy: 'Kim' }), 'issuedBy'],
  ['extendsCardId not a UUID', base({ extendsCardId: 'abc' }), 'extendsCardId'],
  ['extendsCardId unknown', base({ extendsCardId: uuid(99) }), 'extendsCardId'],
  ['extendsCardId itself', base({ extendsCardId: uuid(3) }), 'extendsCardId'],
  ['endedAt without endReason', base({ endedAt: '2026-02-12T10:00:00+01:00' }), 'endReason'],
  ['endReason without endedAt', base({ endReason: 'returned' }), 'endedAt'],
  [
    'endedAt before issuedAt',
    base({ endedAt: '2026-02-10T10:00:00+01:00', endReason: 'returned' }),
    'endedAt',
  ],
  ['endReason unknown', base({ endedAt: '2026-02-12T10:00:00+01:00', endReason: 'lost' }), 'endReason'],
  ['note too long', base({ note: 'x'.repeat(2001) }), 'note'],
  ['id not a UUID', base({ id: 'kort-1' }), 'id'],
  ['id taken by other content', base({ id: uuid(1) }), 'id'],
  ['unknown field', base({ colour: 'blå' }), 'colour'],
];

describe('every invalid input of SPEC §3 through `import`', () => {
  it.each(CASES)('%s: exit 2, the field named, nothing written', (_name, card, field) => {
    const file = join(dir, 'in.json');
    writeFileSync(
      file,
      JSON.stringify({ cards: [validCard({ id: uuid(2), cardNumber: '9752000000000000009' }), card] }),
    );
    const r = cli('import', file);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.length).toBeGreaterThan(0);
    for (const line of r.stderr) expect(line).toMatch(/^row 2: \S+: \S/);
    expect(r.stderr.some((line) => line.startsWith(`row 2: ${field}: `))).toBe(true);
    expect(contentOf(dir)).toEqual(seeded);
  });

  // The same cases as CSV, where a cell can hold them: a cell has no JSON types, an
  // empty or blank cell is an absent value, not a blank one, and a time without offset is
  // Swedish local time (SPEC §6; `2026-02-11T19:40:00` is one of its accepted forms).
  const csvCases = CASES.filter(
    ([name]) =>
      !/as text|lone surrogate|unknown field|issuedBy three|issuedBy empty|blank name|organisationName blank|without offset/.test(
        name,
      ),
  );
  it.each(csvCases)('as CSV, %s: exit 2, the field named, nothing written', (_name, card, field) => {
    const file = join(dir, 'in.csv');
    writeFileSync(file, toCsv([validCard({ id: uuid(2), cardNumber: '9752000000000000009' }), card]));
    const r = cli('import', file);
    expect(r.status).toBe(2);
    expect(r.stderr.length).toBeGreaterThan(0);
    for (const line of r.stderr) expect(line).toMatch(/^row 2: \S+: \S/);
    expect(r.stderr.some((line) => line.startsWith(`row 2: ${field}: `))).toBe(true);
    expect(contentOf(dir)).toEqual(seeded);
  });
});
