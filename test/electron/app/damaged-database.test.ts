import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../../electron/app/backend';
import { DatabaseDamagedError } from '../../../electron/db/health';
import { verifyAudit } from '../../../electron/services/audit-verify';
import { sv } from '../../../shared/i18n/sv';
import type { AppHealth, BackupInfo, BackupRestored } from '../../../shared/ipc/maintenance';
import { tempDir, validCard } from '../../fixtures/cards';
import { cliIn } from '../cli/cli-helpers';
import { breakFileHeader, fileHash, flipPageHeaders, rootPages } from '../support/damage';

const DAY = 24 * 60 * 60 * 1000;
let dir: string;
let cleanup: () => void;
let file: string;
const clock = { now: 0 };
const open: Backend[] = [];

function backendAt(): Backend {
  const backend = createBackend({
    databasePath: file,
    mode: 'web',
    version: 'test',
    actor: 'desk',
    now: () => clock.now,
  });
  open.push(backend);
  return backend;
}

async function call<T = unknown>(backend: Backend, channel: string, input: unknown): Promise<T> {
  const result = await backend.router.invoke(channel, input, { trustedSender: true });
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const card = (n: number) => validCard({ cardNumber: `97522100000000000${String(n).padStart(2, '0')}` });

/** A real register with three cards, a daily backup of it, and a fourth card after the backup. */
async function buildRegister(): Promise<{ before: string[]; after: string }> {
  clock.now = Date.parse('2026-03-02T10:00:00Z');
  const first = backendAt();
  const before: string[] = [];
  for (const n of [1, 2, 3]) before.push((await call<{ id: string }>(first, 'cards:register', card(n))).id);
  first.close();
  clock.now += DAY + 1;
  const second = backendAt(); // an existing register, no backup yet: the daily one is taken
  const after = (await call<{ id: string }>(second, 'cards:register', card(4))).id;
  second.close();
  return { before, after };
}

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  file = join(dir, 'k.db');
});
afterEach(() => {
  for (const backend of open.splice(0)) backend.close();
  cleanup();
});

describe('a damaged database', () => {
  it('opens read-only with the Swedish message, writes nothing, and offers the latest good backup', async () => {
    const { before } = await buildRegister();
    // An index only the name search uses: quick_check fails, the cards stay readable.
    flipPageHeaders(file, rootPages(file, ['cards_holder_name']));
    const hash = fileHash(file);

    const backend = backendAt();
    const health = await call<AppHealth>(backend, 'app:health', {});
    expect(health).toMatchObject({ status: 'damaged', readOnly: true, messageKey: 'health.damaged' });
    expect(health.quickCheck.ok).toBe(false);
    expect(health.quickCheck.problems.join('\n')).toMatch(/page|index/i);
    expect(health.restoreCandidate).toMatchObject({ kind: 'daily' });
    expect(sv.health.damaged).toMatch(/skadad.*skrivskyddad/);

    // Reading still works; every write is refused with the typed error.
    expect(await call(backend, 'cards:get', { id: before[0] })).toMatchObject({ id: before[0] });
    for (const [channel, input] of [
      ['cards:register', card(9)],
      ['cards:void', { id: before[0], why: 'fel' }],
      ['backup:create', {}],
      ['personal:export', { holderHsaId: 'SE2321000016-AB12' }],
    ] as const) {
      expect(await backend.router.invoke(channel, input, { trustedSender: true })).toMatchObject({
        ok: false,
        error: { code: 'database-damaged' },
      });
    }
    expect(() => backend.db).toThrow(DatabaseDamagedError);
    backend.close();
    expect(fileHash(file)).toBe(hash);
  });

  it('is replaced by a verified backup on restore, with the damaged file kept aside', async () => {
    const { before, after } = await buildRegister();
    flipPageHeaders(file, rootPages(file, ['cards_holder_name', 'audit_log_entity']));
    const damagedBytes = readFileSync(file);

    const backend = backendAt();
    const { restoreCandidate } = await call<AppHealth>(backend, 'app:health', {});
    clock.now += 60_000;
    const restored = await call<BackupRestored>(backend, 'backup:restore', { name: restoreCandidate!.name });
    expect(restored.health).toMatchObject({ status: 'ok', readOnly: false });
    expect(restored.beforeRestore).toMatch(/^k-before-restore-.*\.db$/);
    const aside = readFileSync(join(dir, 'backups', restored.beforeRestore!));
    expect(aside.equals(damagedBytes)).toBe(true);

    // The same router now serves the restored database: the backup's cards, not the later one.
    for (const id of before) expect(await call(backend, 'cards:get', { id })).toMatchObject({ id });
    expect(await backend.router.invoke('cards:get', { id: after }, { trustedSender: true })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    await call(backend, 'cards:register', card(5));
    const actions = backend.db.prepare('SELECT action FROM audit_log ORDER BY seq').pluck().all();
    expect(actions).toContain('backup.restore');
    expect(verifyAudit(backend.services)).toMatchObject({ ok: true });
    const kinds = (await call<BackupInfo[]>(backend, 'backup:list', {})).map((b) => b.kind);
    expect(kinds).toEqual(expect.arrayContaining(['daily', 'before-restore']));
  });

  it('with a broken file header is unreadable: only health, the backup list and restore answer', async () => {
    await buildRegister();
    breakFileHeader(file);
    const hash = fileHash(file);
    const backend = backendAt();
    const health = await call<AppHealth>(backend, 'app:health', {});
    expect(health).toMatchObject({ status: 'unreadable', readOnly: true, messageKey: 'health.unreadable' });
    expect(sv.health.unreadable).toMatch(/skadad/);
    for (const channel of ['cards:list', 'organisations:list', 'settings:get', 'audit:list']) {
      expect(await backend.router.invoke(channel, {}, { trustedSender: true })).toMatchObject({
        ok: false,
        error: { code: 'database-damaged' },
      });
    }
    expect(fileHash(file)).toBe(hash);
    const list = await call<BackupInfo[]>(backend, 'backup:list', {});
    await call(backend, 'backup:restore', { name: list[0]!.name });
    expect(await call<AppHealth>(backend, 'app:health', {})).toMatchObject({ status: 'ok' });
    expect((await call<{ total: number }>(backend, 'cards:list', {})).total).toBe(3);
  });
});

describe('restore', () => {
  it('refuses a backup that fails integrity_check and leaves the database working', async () => {
    await buildRegister();
    const backend = backendAt();
    const [backup] = await call<BackupInfo[]>(backend, 'backup:list', {});
    flipPageHeaders(join(dir, 'backups', backup!.name), [2, 3, 4]);
    expect(
      await backend.router.invoke('backup:restore', { name: backup!.name }, { trustedSender: true }),
    ).toMatchObject({ ok: false, error: { code: 'backup-failed' } });
    expect((await call<{ total: number }>(backend, 'cards:list', {})).total).toBe(4);
    expect(await call<BackupInfo[]>(backend, 'backup:list', {})).toHaveLength(1);
  });

  it.each([
    ['a path outside the folder', '../k.db', 'invalid-input'],
    ['an absolute path', '/etc/passwd.db', 'invalid-input'],
    ['a name not in the folder', 'k-daily-2026-01-01T00-00-00-000Z.db', 'not-found'],
  ])('refuses %s', async (_name, name, code) => {
    await buildRegister();
    const backend = backendAt();
    expect(await backend.router.invoke('backup:restore', { name }, { trustedSender: true })).toMatchObject({
      ok: false,
      error: { code },
    });
  });
});

describe('the CLI on a damaged database', () => {
  it('refuses ordinary commands, lists backups, and restores only with --yes', async () => {
    await buildRegister();
    flipPageHeaders(file, rootPages(file, ['cards_holder_name']));
    const cli = cliIn(dir);
    const findings = cli('findings');
    expect(findings.status).toBe(1);
    expect(findings.stderr.join('\n')).toMatch(/skadad/);
    const list = cli('backup', 'list');
    expect(list.status).toBe(0);
    const name = (list.json as BackupInfo[])[0]!.name;
    expect(cli('restore', name).status).toBe(2);
    const restored = cli('restore', name, '--yes');
    expect(restored.status).toBe(0);
    expect(restored.json).toMatchObject({ health: { status: 'ok' } });
    expect(cli('findings').status).toBe(0);
  });
});
