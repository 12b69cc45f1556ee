import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/app/backend';
import { writeFilesAtomic, type AtomicWriteFs } from '../../../electron/export/atomic-write';
import { exportMonthlyReportSync } from '../../../electron/services/report-export';
import { monthlyReportStatus } from '../../../electron/services/report';
import { tempDir, validCard } from '../../fixtures/cards';

// Issue 13 item 8: a CSV export is two files; one that fails half-way leaves neither new.
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

type Call = keyof AtomicWriteFs;
const diskFull = () => Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });

/**
 * The real file system, recording each call; the call numbered `failAt` (0-based), or the
 * `nth` call of one kind, fails.
 */
function recording(
  failAt: number | { call: Call; nth: number } = -1,
  error: () => Error = diskFull,
): { fs: AtomicWriteFs; calls: Call[] } {
  const calls: Call[] = [];
  const wrapped = {} as Record<Call, unknown>;
  for (const name of [
    'openSync',
    'writeSync',
    'fsyncSync',
    'closeSync',
    'renameSync',
    'unlinkSync',
    'linkSync',
    'copyFileSync',
  ] as const) {
    wrapped[name] = (...args: unknown[]) => {
      calls.push(name);
      const fails =
        typeof failAt === 'number'
          ? calls.length - 1 === failAt
          : name === failAt.call && calls.filter((c) => c === name).length === failAt.nth;
      if (fails) throw error();
      return (fs[name] as (...a: unknown[]) => unknown)(...args);
    };
  }
  return { fs: wrapped as unknown as AtomicWriteFs, calls };
}

const pair = (folder = dir) => [
  { path: join(folder, 'r-statistik.csv'), data: 'ny statistik\r\n' },
  { path: join(folder, 'r-anledningar.csv'), data: 'nya anledningar\r\n'.repeat(5000) },
];

function contents(): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(dir).map((f) => [f, fs.readFileSync(join(dir, f), 'utf8')]));
}

describe('writeFilesAtomic', () => {
  it('writes both files and leaves nothing else behind', () => {
    fs.writeFileSync(join(dir, 'r-statistik.csv'), 'gammal');
    writeFilesAtomic(pair());
    expect(contents()).toEqual({
      'r-statistik.csv': 'ny statistik\r\n',
      'r-anledningar.csv': 'nya anledningar\r\n'.repeat(5000),
    });
  });

  describe.each([
    [
      'both files existed',
      { 'r-statistik.csv': 'gammal statistik', 'r-anledningar.csv': 'gamla anledningar' },
    ],
    ['only the first existed', { 'r-statistik.csv': 'gammal statistik' }],
    ['neither existed', {}],
  ])('when %s', (_name, before: Record<string, string>) => {
    // Every call of a successful write, in order, is made to fail once.
    const steps = (() => {
      const { dir: probe, cleanup: done } = tempDir();
      for (const [f, text] of Object.entries(before)) fs.writeFileSync(join(probe, f), text);
      const { fs: counting, calls } = recording();
      writeFilesAtomic(pair(probe), counting);
      done();
      return calls;
    })();

    it('has the steps of temp, fsync, keep, rename for each file', () => {
      expect(steps.filter((c) => c === 'fsyncSync')).toHaveLength(2);
      expect(steps.filter((c) => c === 'renameSync')).toHaveLength(2);
    });

    it.each(steps.map((call, i) => [i, call] as const).filter(([, call]) => call !== 'unlinkSync'))(
      'a failure at step %i (%s) leaves every file as it was and nothing else',
      (failAt, call) => {
        for (const [f, text] of Object.entries(before)) fs.writeFileSync(join(dir, f), text);
        const { fs: failing } = recording(failAt);
        if (call === 'linkSync') {
          // No second name for the previous file: it is copied instead, and the write goes on.
          writeFilesAtomic(pair(), failing);
          expect(contents()).toEqual(
            Object.fromEntries(pair().map((f) => [f.path.slice(dir.length + 1), f.data])),
          );
          return;
        }
        expect(() => writeFilesAtomic(pair(), failing)).toThrow(/ENOSPC/);
        expect(contents()).toEqual(before);
      },
    );
  });

  it('rolls the first file back when the second rename fails for real (the target is a folder)', () => {
    fs.writeFileSync(join(dir, 'r-statistik.csv'), 'gammal statistik');
    fs.mkdirSync(join(dir, 'r-anledningar.csv'));
    fs.writeFileSync(join(dir, 'r-anledningar.csv', 'inne.txt'), 'kvar');
    const { fs: real, calls } = recording();
    expect(() => writeFilesAtomic(pair(), real)).toThrow(/EISDIR/);
    // It was the second rename that failed, after the first had replaced its target.
    expect(calls.filter((c) => c === 'renameSync').length).toBeGreaterThanOrEqual(2);
    expect(fs.readdirSync(dir).sort()).toEqual(['r-anledningar.csv', 'r-statistik.csv']);
    expect(fs.readFileSync(join(dir, 'r-statistik.csv'), 'utf8')).toBe('gammal statistik');
    expect(fs.readFileSync(join(dir, 'r-anledningar.csv', 'inne.txt'), 'utf8')).toBe('kvar');
  });

  it('keeps a copy of the previous file where hard links are not supported', () => {
    fs.writeFileSync(join(dir, 'r-statistik.csv'), 'gammal statistik');
    const notSupported = () => Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' });
    // Call 8 is the first link (after open, write, fsync, close for each file).
    const { fs: noLinks, calls } = recording(8, notSupported);
    writeFilesAtomic(pair(), noLinks);
    expect(calls[8]).toBe('linkSync');
    expect(calls).toContain('copyFileSync');
    expect(Object.keys(contents()).sort()).toEqual(['r-anledningar.csv', 'r-statistik.csv']);
    expect(contents()['r-statistik.csv']).toBe('ny statistik\r\n');
  });
});

describe('the CSV export of the monthly report', () => {
  let backend: Backend;
  beforeEach(async () => {
    backend = createBackend({ databasePath: join(dir, 'k.db'), mode: 'cli', version: 'test' });
    expect((await backend.router.invoke('cards:register', validCard(), { trustedSender: true })).ok).toBe(
      true,
    );
  });
  afterEach(() => backend.close());

  it('keeps both previous files, and records no export, when the second rename fails', () => {
    fs.writeFileSync(join(dir, 'r-statistik.csv'), 'förra månadens statistik');
    fs.writeFileSync(join(dir, 'r-anledningar.csv'), 'förra månadens anledningar');
    const before = fs.readdirSync(dir).sort();
    const { fs: failing, calls } = recording({ call: 'renameSync', nth: 2 });
    const request = { month: '2026-02', format: 'csv', path: join(dir, 'r') } as const;
    expect(() => exportMonthlyReportSync(backend.services, request, 't', failing)).toThrow(/ENOSPC/);
    // The first file had been replaced, and was put back.
    expect(calls.filter((c) => c === 'renameSync')).toHaveLength(3);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
    expect(fs.readFileSync(join(dir, 'r-statistik.csv'), 'utf8')).toBe('förra månadens statistik');
    expect(fs.readFileSync(join(dir, 'r-anledningar.csv'), 'utf8')).toBe('förra månadens anledningar');
    expect(monthlyReportStatus(backend.services, '2026-02').reported).toBeNull();
    // The same export goes through once the disk has room, and only then is recorded.
    exportMonthlyReportSync(backend.services, request, 't');
    expect(fs.readFileSync(join(dir, 'r-statistik.csv'), 'utf8')).toMatch(/^\uFEFFOrganisationens HSA-id/);
    expect(monthlyReportStatus(backend.services, '2026-02').reported).not.toBeNull();
  });

  it('refuses, before writing anything, a pair whose second file is a folder', async () => {
    fs.writeFileSync(join(dir, 'r-statistik.csv'), 'förra');
    fs.mkdirSync(join(dir, 'r-anledningar.csv'));
    const answer = await backend.router.invoke(
      'report:export',
      { month: '2026-02', format: 'csv', path: join(dir, 'r') },
      { trustedSender: true },
    );
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', fields: [{ field: 'path', message: 'path.notAFile' }] },
    });
    expect(fs.readFileSync(join(dir, 'r-statistik.csv'), 'utf8')).toBe('förra');
  });
});
