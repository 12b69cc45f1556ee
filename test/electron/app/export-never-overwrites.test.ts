import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/app/backend';
import { exportFolderChooser } from '../../../electron/dev-web/export-folder';
import { startWebServer } from '../../../electron/dev-web/server';
import type { ChooseExportPath } from '../../../electron/ipc/handlers';
import { createExportPathChooser } from '../../../electron/main/export-dialog';
import { HOLDER, tempDir, validCard } from '../../fixtures/cards';
import { cliIn } from '../cli/cli-helpers';

// Issue 13 item 1: `report --out <the register>` replaced the database with JSON. Every
// path that writes where a person chose must refuse the register, its companions and
// backups/, and leave the running register exactly as it was.
let dir: string;
let cleanup: () => void;
let backend: Backend;
const db = () => join(dir, 'k.db');

const TARGETS: [string, () => string, 'path.isDatabase' | 'path.inBackups'][] = [
  ['the register', () => db(), 'path.isDatabase'],
  ['its -wal', () => `${db()}-wal`, 'path.isDatabase'],
  ['its -shm', () => `${db()}-shm`, 'path.isDatabase'],
  ['a sidecar beside it', () => `${db()}.head`, 'path.isDatabase'],
  ['a link to the register', () => join(dir, 'ut', 'länk.json'), 'path.isDatabase'],
  ['a file in backups/', () => join(dir, 'backups', 'rapport.json'), 'path.inBackups'],
];

const SV = {
  'path.isDatabase': /registrets egen databas .* en export skriver aldrig över registret/,
  'path.inBackups': /mappen för säkerhetskopior/,
};

function registerFiles(): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  for (const name of ['k.db', 'k.db-wal']) files[name] = readFileSync(join(dir, name));
  return files;
}

// Everything in the folder but the backups the CLI takes when it opens the register.
function listing(): string[] {
  return readdirSync(dir).sort();
}

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  chooser = () => Promise.resolve(null);
  mkdirSync(join(dir, 'backups'));
  mkdirSync(join(dir, 'ut'));
  backend = createBackend({
    databasePath: db(),
    mode: 'desktop',
    version: 'test',
    chooseExportPath: (...args) => chooser(...args),
  });
  const first = await backend.router.invoke('cards:register', validCard(), { trustedSender: true });
  expect(first.ok).toBe(true);
  symlinkSync(db(), join(dir, 'ut', 'länk.json'));
});
afterEach(() => {
  backend.close();
  cleanup();
});

// Set by each test that goes through a chooser; beforeEach resets it.
let chooser: ChooseExportPath;

async function invoke(channel: 'report:export' | 'backup:create', input: unknown) {
  return backend.router.invoke(channel, input, { trustedSender: true });
}

/** The register is byte-identical, and the running app still registers a card into it. */
async function expectRegisterIntact(before: Record<string, Buffer>, files: string[]): Promise<void> {
  expect(registerFiles()).toEqual(before);
  expect(listing()).toEqual(files);
  const second = await backend.router.invoke(
    'cards:register',
    validCard({ cardNumber: '9752 2100 0000 0000 002', holderHsaId: 'SE5565594230-H001' }),
    { trustedSender: true },
  );
  expect(second.ok).toBe(true);
  const raw = new Database(db(), { readonly: true });
  expect(raw.prepare('SELECT count(*) FROM cards').pluck().get()).toBe(2);
  raw.close();
}

describe.each(TARGETS)('an export to %s is refused', (_name, target, problem) => {
  it('by the CLI: report --out (json, xlsx, csv), personal-data export --out, backup --out', async () => {
    const before = registerFiles();
    const files = listing();
    const cli = cliIn(dir);
    for (const args of [
      ['report', '--month', '2026-02', '--out', target()],
      ['report', '--month', '2026-02', '--format', 'xlsx', '--out', target()],
      ['personal-data', 'export', '--holder', HOLDER, '--out', target()],
      ['backup', '--out', target()],
    ]) {
      const r = cli(...args);
      expect({ args, status: r.status, stdout: r.stdout }).toEqual({ args, status: 2, stdout: '' });
      expect(r.stderr).toHaveLength(1);
      expect(r.stderr[0]).toMatch(/^out: /);
      expect(r.stderr[0]).toMatch(SV[problem]);
    }
    // The CLI took its daily backup when it opened the register; that is all it wrote.
    await expectRegisterIntact(before, files);
  });

  it('by report:export with a path (the browser mode) and backup:create', async () => {
    const before = registerFiles();
    const files = listing();
    for (const format of ['json', 'xlsx']) {
      expect(await invoke('report:export', { month: '2026-02', format, path: target() })).toMatchObject({
        ok: false,
        error: { code: 'invalid-input', fields: [{ field: 'path', message: problem }] },
      });
    }
    expect(await invoke('backup:create', { path: target() })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', fields: [{ field: 'path', message: problem }] },
    });
    await expectRegisterIntact(before, files);
  });

  it('by report:export through the desktop save dialog', async () => {
    const before = registerFiles();
    const files = listing();
    chooser = createExportPathChooser({
      dialog: { showSaveDialog: () => Promise.resolve({ canceled: false, filePath: target() }) },
      documentsDir: () => dir,
      parent: () => undefined,
      texts: { saveReportTitle: 'Spara', saveReportFilter: { json: 'JSON', xlsx: 'Excel', csv: 'CSV' } },
    });
    for (const format of ['json', 'xlsx']) {
      expect(await invoke('report:export', { month: '2026-02', format })).toMatchObject({
        ok: false,
        error: { code: 'invalid-input', fields: [{ field: 'path', message: problem }] },
      });
    }
    await expectRegisterIntact(before, files);
  });
});

describe('CSV pairs and the browser mode', () => {
  it('refuses a CSV base whose files would sit beside the register or in backups/', async () => {
    const before = registerFiles();
    const files = listing();
    const cli = cliIn(dir);
    for (const [base, problem] of [
      [db(), 'path.isDatabase'],
      [join(dir, 'backups', 'rapport'), 'path.inBackups'],
    ] as const) {
      const r = cli('report', '--month', '2026-02', '--format', 'csv', '--out', base);
      expect(r.status).toBe(2);
      expect(r.stderr[0]).toMatch(SV[problem]);
      expect(await invoke('report:export', { month: '2026-02', format: 'csv', path: base })).toMatchObject({
        ok: false,
        error: { fields: [{ field: 'path', message: problem }] },
      });
    }
    await expectRegisterIntact(before, files);
  });

  it('refuses an export folder set to backups/ in the browser mode', async () => {
    chooser = exportFolderChooser(join(dir, 'backups'));
    expect(await invoke('report:export', { month: '2026-02', format: 'json' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', fields: [{ field: 'path', message: 'path.inBackups' }] },
    });
    chooser = exportFolderChooser(join(dir, 'exporter'));
    expect(await invoke('report:export', { month: '2026-02', format: 'json' })).toMatchObject({ ok: true });
    expect(readdirSync(join(dir, 'exporter'))).toEqual(['reservkort-statistik-2026-02.json']);
  });

  it('answers the browser page’s POST /api/report:export naming the register with 200 and a refusal', async () => {
    const before = registerFiles();
    const server = await startWebServer({
      router: backend.router,
      port: 0,
      renderer: { kind: 'static', dir },
    });
    try {
      const body = JSON.stringify({ month: '2026-02', format: 'json', path: db() });
      const answer = await new Promise<string>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: server.port,
            path: '/api/report:export',
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Kortliggaren': '1' },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8').on('data', (c: string) => (text += c));
            res.on('end', () => resolve(text));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
      expect(JSON.parse(answer)).toMatchObject({
        ok: false,
        error: { code: 'invalid-input', fields: [{ field: 'path', message: 'path.isDatabase' }] },
      });
    } finally {
      await server.close();
    }
    expect(registerFiles()).toEqual(before);
  });

  it('still exports to an ordinary file beside the register, and to another case on a case-sensitive disk', async () => {
    for (const path of [join(dir, 'rapport.json'), join(dir, 'K.DB')]) {
      expect(await invoke('report:export', { month: '2026-02', format: 'json', path })).toMatchObject({
        ok: true,
      });
      expect(existsSync(path)).toBe(true);
    }
  });
});
