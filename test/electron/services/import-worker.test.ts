import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { createBackend } from '../../../electron/app/backend';
import { openImportCsv } from '../../../electron/services/import-csv';
import * as workerSource from '../../../electron/services/import-worker-host';
import { importCsv } from '../../../electron/services/import-rows';
import { tempDir } from '../../fixtures/cards';

vi.mock('../../../electron/services/import-worker-host', { spy: true });

const HEADER =
  'organisationHsaId;organisationName;assuranceLevel;cardNumber;holderHsaId;holderName;holderIdType;' +
  'unplannedPersonnel;issuedAt;expiresAt;reasonCode;issuedBy';

// `rows` data rows; every 13th has a card number that is not one, every 17th no holder name.
function csv(rows: number): string {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(
      [
        'SE2321000016-A1B2',
        'Region Exempel',
        '2',
        i % 13 === 5 ? '12ab' : `9752210000000${String(i).padStart(6, '0')}`,
        `SE2321000016-H${i % 40}`,
        i % 17 === 3 ? '' : `Anna Nummer${i % 40}`,
        'personnummer',
        'ja',
        `2026-02-${day} 19:${String(i % 60).padStart(2, '0')}`,
        `2026-02-${day}T23:59:00+01:00`,
        'forgotten-card',
        'Kim Karlsson',
      ].join(';'),
    );
  }
  return lines.join('\r\n');
}

describe('the import worker', () => {
  it('validates exactly what openImportCsv validates, step by step, ahead of the reader', () => {
    const text = csv(100);
    const inline = openImportCsv(text);
    const worker = workerSource.openImportCsvInWorker(text, 7);
    try {
      expect(worker).not.toBeNull();
      if (!inline.ok || !worker?.opened.ok) throw new Error('both should open the file');
      expect(worker.opened.rows.size).toBe(100);
      let errors = 0;
      // Fifteen steps: more than the worker may be ahead, so it has to wait for the reader.
      for (let start = 0; start < 100; start += 7) {
        const fromWorker = worker.opened.rows.read(start, start + 7);
        expect(fromWorker).toEqual(inline.rows.read(start, start + 7));
        errors += fromWorker.errors.length;
      }
      expect(errors).toBeGreaterThan(10);
    } finally {
      worker?.close();
    }
  });

  it('refuses a file with a wrong header with the same errors', () => {
    const text = csv(3).replace('holderName', 'holdersName');
    const worker = workerSource.openImportCsvInWorker(text, 7);
    try {
      expect(worker?.opened).toEqual(openImportCsv(text));
      expect(worker?.opened.ok).toBe(false);
    } finally {
      worker?.close();
    }
  });

  it('is read only in order, a step at a time', () => {
    const text = csv(30);
    const inline = openImportCsv(text);
    const worker = workerSource.openImportCsvInWorker(text, 7);
    try {
      if (!worker?.opened.ok || !inline.ok) throw new Error('should open');
      const { rows } = worker.opened;
      expect(() => rows.read(7, 14)).toThrow(/in order/);
      expect(() => rows.read(0, 3)).toThrow(/in order/);
      expect(rows.read(0, 7)).toEqual(inline.rows.read(0, 7));
    } finally {
      worker?.close();
    }
  });

  it('gives way, with null, when its code cannot be loaded', () => {
    const missing = { url: pathToFileURL(join(tempDir().dir, 'import-worker.mjs')), typescript: false };
    expect(workerSource.openImportCsvInWorker(csv(3), 7, missing)).toBeNull();
  });

  it('is what importCsv uses for a large file, with the same outcome as a small one', () => {
    const temp = tempDir();
    const backend = createBackend({
      databasePath: join(temp.dir, 'k.db'),
      mode: 'cli',
      version: 'test',
      actor: 't',
    });
    try {
      const text = csv(9000)
        .replace(/\r\n[^\r\n]*;12ab;[^\r\n]*/g, '')
        .replace(/\r\n[^\r\n]*;;personnummer[^\r\n]*/g, '');
      expect(text.length).toBeGreaterThan(1_000_000);
      const summary = importCsv(backend.services, text);
      expect(vi.mocked(workerSource.openImportCsvInWorker)).toHaveLastReturnedWith(
        expect.objectContaining({}),
      );
      expect(vi.mocked(workerSource.openImportCsvInWorker).mock.results.at(-1)?.value).not.toBeNull();
      expect(summary.imported).toBe(
        backend.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM cards').get()!.n,
      );
      expect(summary.imported).toBeGreaterThan(7000);
      // A second import of the same file finds every card unchanged (the ids are stable).
      expect(importCsv(backend.services, text)).toEqual({ imported: 0, unchanged: summary.imported });
    } finally {
      backend.close();
      temp.cleanup();
    }
  });
});
