import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/app/backend';
import { backupName, KEEP, writeBackup } from '../../../electron/db/backup-store';
import { MIGRATIONS } from '../../../electron/db/migrations';
import { openDatabase } from '../../../electron/db/open';
import { readRegisterId, registerIdOfFile } from '../../../electron/db/register-identity';
import type { AppHealth, BackupInfo } from '../../../shared/ipc/maintenance';
import { tempDir, validCard } from '../../fixtures/cards';
import { cliIn } from '../cli/cli-helpers';
import { breakFileHeader, flipPageHeaders, rootPages } from '../support/damage';

// Issue 13 item 4: a backup of another register that lands in the backups folder is never
// counted as this register's daily backup, never offered after damage, never restored.

const DAY = 24 * 60 * 60 * 1000;
let dir: string;
let cleanup: () => void;
const clock = { now: Date.parse('2026-03-02T10:00:00Z') };
const backends: Backend[] = [];

function open(file: string): Backend {
  const backend = createBackend({ databasePath: file, mode: 'web', version: 'test', now: () => clock.now });
  backends.push(backend);
  return backend;
}

async function call<T = unknown>(backend: Backend, channel: string, input: unknown): Promise<T> {
  const result = await backend.router.invoke(channel, input, { trustedSender: true });
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const card = (n: number) => validCard({ cardNumber: `97522100000000000${String(n).padStart(2, '0')}` });

/** Register A (ours, in dir/a) and B (another desk's, in dir/b), each with cards. */
async function twoRegisters() {
  const a = join(dir, 'a', 'k.db');
  const b = join(dir, 'b', 'k.db');
  mkdirSync(join(dir, 'a'));
  mkdirSync(join(dir, 'b'));
  const first = open(a);
  await call(first, 'cards:register', card(1));
  first.close();
  const other = open(b);
  for (const n of [21, 22]) await call(other, 'cards:register', card(n));
  other.close();
  return { a, b };
}

/** B's verified backup, dropped into A's backups folder under a name that looks like A's. */
function foreignBackupIn(b: string, a: string, at: number): string {
  const db = openDatabase(b);
  const backup = writeBackup(db, { dir: join(dir, 'b', 'backups'), databasePath: b, kind: 'daily', at });
  db.close();
  mkdirSync(join(dir, 'a', 'backups'), { recursive: true });
  const name = backupName(a, 'daily', at + 1);
  copyFileSync(backup.path, join(dir, 'a', 'backups', name));
  return name;
}

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  clock.now = Date.parse('2026-03-02T10:00:00Z');
});
afterEach(() => {
  for (const backend of backends.splice(0)) if (backend) backend.close();
  cleanup();
});

describe('register identity', () => {
  it('is a random UUID made by migration 007, different for every register, and carried by its backups', async () => {
    const { a, b } = await twoRegisters();
    const ids = [a, b].map((file) => {
      const db = new Database(file, { readonly: true });
      const id = readRegisterId(db);
      db.close();
      return id;
    });
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids[1]).toMatch(/^[0-9a-f]{8}-/);
    expect(ids[0]).not.toBe(ids[1]);
    const name = foreignBackupIn(b, a, clock.now);
    expect(registerIdOfFile(join(dir, 'a', 'backups', name))).toBe(ids[1]);
  });
});

describe('a backup of another register in the backups folder', () => {
  it('does not count as the daily backup, is not listed, and is never deleted by rotation', async () => {
    const { a, b } = await twoRegisters();
    // The other register's backup is newer than a day ago: by its name, the daily one is done.
    const name = foreignBackupIn(b, a, clock.now + DAY);
    clock.now += DAY + 1000;
    const backend = open(a);
    const health = await call<AppHealth>(backend, 'app:health', {});
    // This register took its own daily backup, and that is the newest it reports.
    expect(health.latestBackup?.name).toMatch(/^k-daily-2026-03-03T10-00-01-000Z\.db$/);
    const listed = await call<BackupInfo[]>(backend, 'backup:list', {});
    expect(listed.map((l) => l.name)).toEqual([health.latestBackup!.name]);
    // Rotation counts this register's backups only; the other's file stays where it was put.
    const db = backend.db;
    for (let d = 2; d < KEEP.daily + 4; d++) {
      writeBackup(db, {
        dir: join(dir, 'a', 'backups'),
        databasePath: a,
        kind: 'daily',
        at: clock.now + d * DAY,
      });
    }
    expect(existsSync(join(dir, 'a', 'backups', name))).toBe(true);
    const ours = readdirSync(join(dir, 'a', 'backups')).filter((n) => n !== name && n.includes('daily'));
    expect(ours).toHaveLength(KEEP.daily);
  });

  it('is never offered after damage, and restoring it by name is refused', async () => {
    const { a, b } = await twoRegisters();
    // This register's own daily backup, then the other's, newer.
    clock.now += DAY + 1000;
    open(a).close();
    const ownBackup = readdirSync(join(dir, 'a', 'backups'))[0]!;
    const foreign = foreignBackupIn(b, a, clock.now + 60_000);
    // The register is damaged: an index the name search uses, so it stays readable.
    flipPageHeaders(a, rootPages(a, ['cards_holder_name']));
    const before = readFileSync(a);

    const backend = open(a);
    const health = await call<AppHealth>(backend, 'app:health', {});
    expect(health.status).toBe('damaged');
    expect(health.restoreCandidate?.name).toBe(ownBackup);
    const refused = await backend.router.invoke('backup:restore', { name: foreign }, { trustedSender: true });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', fields: [{ field: 'name', message: 'backup.otherRegister' }] },
    });
    expect(readFileSync(a).equals(before)).toBe(true);
    backend.close();

    // The CLI says so too, in Swedish, and exits 2 with nothing written.
    const cli = cliIn(join(dir, 'a'));
    const result = cli('restore', foreign, '--yes');
    expect(result.status).toBe(2);
    expect(result.stderr).toEqual([
      'name: Säkerhetskopian är av ett annat register och kan inte återställas här. Välj en av det här registrets säkerhetskopior.',
    ]);
    expect(readFileSync(a).equals(before)).toBe(true);
  });
});

describe('an unreadable register', () => {
  it('knows itself by the audit head recorded beside it: its own backup is offered, the other is not', async () => {
    const { a, b } = await twoRegisters();
    clock.now += DAY + 1000;
    open(a).close(); // this register's daily backup
    const ownBackup = readdirSync(join(dir, 'a', 'backups'))[0]!;
    foreignBackupIn(b, a, clock.now + 60_000);
    breakFileHeader(a);
    const backend = open(a);
    const health = await call<AppHealth>(backend, 'app:health', {});
    expect(health.status).toBe('unreadable');
    expect(health.restoreCandidate?.name).toBe(ownBackup);
  });
});

describe('a backup from before registers had identities', () => {
  it('is not counted or offered, but can be chosen; restored, the register keeps its identity', async () => {
    const { a } = await twoRegisters();
    const backend = open(a);
    const ownId = readRegisterId(backend.db);
    // A register at schema 6 (before identities), with one card, as an old daily backup.
    const oldFile = join(dir, 'old.db');
    const old = new Database(oldFile);
    for (const migration of MIGRATIONS.filter((m) => m.version <= 6)) old.exec(migration.up);
    old.pragma('user_version = 6');
    old.close();
    const name = backupName(a, 'daily', clock.now + 1000);
    mkdirSync(join(dir, 'a', 'backups'), { recursive: true });
    copyFileSync(oldFile, join(dir, 'a', 'backups', name));
    expect(registerIdOfFile(join(dir, 'a', 'backups', name))).toBeNull();

    const health = await call<AppHealth>(backend, 'app:health', {});
    // Newer than this register's own daily backup, and still not counted.
    expect(health.latestBackup?.name).toMatch(/^k-daily-2026-03-02T10-00-00-000Z\.db$/);
    expect((await call<BackupInfo[]>(backend, 'backup:list', {})).map((l) => l.name)).toContain(name);
    await call(backend, 'backup:restore', { name });
    expect(readRegisterId(backend.db)).toBe(ownId);
    const restore = backend.db
      .prepare<[], { after_json: string }>("SELECT after_json FROM audit_log WHERE action = 'backup.restore'")
      .get();
    expect(JSON.parse(restore!.after_json)).toMatchObject({ backup: name, registerIdKept: ownId });
  });
});
