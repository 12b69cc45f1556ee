import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/app/backend';
import { findingsForCard } from '../../../electron/services/findings';
import { ImportRejected } from '../../../electron/services/import';
import { importCsv } from '../../../electron/services/import-rows';
import { tempDir } from '../../fixtures/cards';

// Large imports are validated and stored a step of 1 000 rows at a time, and one at least
// as large as the register (and 5 000 rows or more) builds the indexes once at the end
// (electron/db/repositories/bulk.ts). The outcome must be that of validating every row
// first and storing row by row: the same register, the same findings, the same errors.

let backend: Backend;
let cleanup: () => void;
// A new, empty register in a folder of its own.
function openFreshBackend() {
  const temp = tempDir();
  cleanup = temp.cleanup;
  backend = createBackend({
    databasePath: join(temp.dir, 'k.db'),
    mode: 'cli',
    version: 'test',
    actor: 'test',
  });
}
function closeBackend() {
  backend.close();
  cleanup();
}
beforeEach(openFreshBackend);
afterEach(closeBackend);

const HEADER =
  'organisationHsaId;organisationName;assuranceLevel;cardNumber;holderHsaId;holderName;holderIdType;' +
  'unplannedPersonnel;issuedAt;expiresAt;reasonCode;issuedBy';

// Holders come back every 50 rows and now and then share a card number, so the history
// rules (active card, frequent reissue, reused card) all have something to find.
function csv(rows: number, lastRow?: string, firstRow = 0): string {
  const lines = [HEADER];
  for (let i = firstRow; i < firstRow + rows; i++) {
    const day = 1 + (i % 28);
    const hour = 18 + (i % 5);
    const number = i % 97 === 0 ? 1 : i % 1000;
    lines.push(
      [
        'SE2321000016-A1B2',
        'Region Exempel',
        '2',
        `9752210000000${String(number).padStart(6, '0')}`,
        `SE2321000016-H${i % 50}`,
        `Anna Nummer${i % 50}`,
        'personnummer',
        'ja',
        `2026-02-${String(day).padStart(2, '0')}T${hour}:${String(i % 60).padStart(2, '0')}:00+01:00`,
        `2026-02-${String(day).padStart(2, '0')}T23:59:00+01:00`,
        'forgotten-card',
        'Kim Karlsson',
      ].join(';'),
    );
  }
  if (lastRow) lines.push(lastRow);
  return lines.join('\r\n');
}

const indexes = (b: Backend) =>
  b.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all();

describe('a bulk import', () => {
  it('rebuilds the indexes exactly and stores the same findings as evaluating each card', () => {
    const before = indexes(backend);
    expect(importCsv(backend.services, csv(6000))).toEqual({ imported: 6000, unchanged: 0 });
    expect(indexes(backend)).toEqual(before);
    const db = backend.db;
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'card.import'").get()).toEqual({
      n: 6000,
    });
    const ids = db.prepare<[], { id: string }>('SELECT id FROM cards ORDER BY id').all();
    const stored = db.prepare<[string], { code: string }>(
      'SELECT code FROM card_findings WHERE card_id = ? ORDER BY code',
    );
    let withFindings = 0;
    for (const { id } of ids.filter((_, i) => i % 37 === 0)) {
      const fresh = findingsForCard(backend.services, id)
        .map((f) => f.code)
        .sort();
      expect(stored.all(id).map((r) => r.code)).toEqual(fresh);
      if (fresh.length > 0) withFindings++;
    }
    expect(withFindings).toBeGreaterThan(0);
  });

  it('keeps the findings of the cards already there right when a smaller file joins them', () => {
    expect(importCsv(backend.services, csv(3000))).toEqual({ imported: 3000, unchanged: 0 });
    // Same holders and numbers, other times: their existing cards gain and lose findings.
    expect(importCsv(backend.services, csv(1500, undefined, 3000))).toEqual({ imported: 1500, unchanged: 0 });
    const db = backend.db;
    const ids = db.prepare<[], { id: string }>('SELECT id FROM cards ORDER BY id').all();
    const stored = db.prepare<[string], { code: string }>(
      'SELECT code FROM card_findings WHERE card_id = ? ORDER BY code',
    );
    for (const { id } of ids.filter((_, i) => i % 11 === 0)) {
      const fresh = findingsForCard(backend.services, id)
        .map((f) => f.code)
        .sort();
      expect(stored.all(id).map((r) => r.code)).toEqual(fresh);
    }
  });

  it('reports only the invalid rows when one is far down the file, and writes nothing', () => {
    // Row 10 names an unknown organisation (a register error), row 2 400 has a bad number.
    const lines = csv(2500).split('\r\n');
    lines[10] = lines[10]!.replace('SE2321000016-A1B2;Region Exempel', 'SE2321000016-ZZZZ;');
    lines[2400] = lines[2400]!.replace(/;9752\d+;/, ';12ab;');
    let rejected: ImportRejected | undefined;
    try {
      importCsv(backend.services, lines.join('\r\n'));
    } catch (error) {
      rejected = error as ImportRejected;
    }
    expect(rejected?.errors).toEqual([{ row: '2400', field: 'cardNumber', message: 'cardNumber.format' }]);
    expect(backend.db.prepare('SELECT count(*) AS n FROM cards').get()).toEqual({ n: 0 });
  });

  it('stores a card extending one further down the file after it', () => {
    const header = `id;extendsCardId;${HEADER}`;
    const lines = csv(2500).split('\r\n').slice(1);
    const id = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const rows = lines.map((line, i) => `${id(i)};${i === 5 ? id(2300) : ''};${line}`);
    expect(importCsv(backend.services, [header, ...rows].join('\r\n'))).toEqual({
      imported: 2500,
      unchanged: 0,
    });
    expect(backend.db.prepare('SELECT extends_card_id FROM cards WHERE id = ?').get(id(5))).toEqual({
      extends_card_id: id(2300),
    });
  });

  it('knows a row repeated further down a large file into an empty register, and a conflicting one', () => {
    const header = `id;${HEADER}`;
    const lines = csv(6000).split('\r\n').slice(1);
    const id = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const rows = lines.map((line, i) => `${id(i)};${line}`);
    // The same row again is unchanged; the same id with another holder name is a conflict.
    expect(importCsv(backend.services, [header, ...rows, rows[10]!].join('\r\n'))).toEqual({
      imported: 6000,
      unchanged: 1,
    });
    closeBackend();
    openFreshBackend();
    const conflicting = rows[10]!.replace('Anna Nummer10', 'Berit Nummer10');
    let rejected: ImportRejected | undefined;
    try {
      importCsv(backend.services, [header, ...rows, conflicting].join('\r\n'));
    } catch (error) {
      rejected = error as ImportRejected;
    }
    expect(rejected?.errors).toEqual([{ row: '6001', field: 'id', message: 'id.conflict' }]);
    expect(backend.db.prepare('SELECT count(*) AS n FROM cards').get()).toEqual({ n: 0 });
  });

  it('writes nothing, indexes included, when a row is refused', () => {
    const before = indexes(backend);
    const bad = csv(1).split('\r\n')[1]!.replace('SE2321000016-A1B2;Region Exempel', 'SE2321000016-ZZZZ;');
    expect(() => importCsv(backend.services, csv(6000, bad))).toThrow(ImportRejected);
    expect(indexes(backend)).toEqual(before);
    expect(backend.db.prepare('SELECT count(*) AS n FROM cards').get()).toEqual({ n: 0 });
  });
});
