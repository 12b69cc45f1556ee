import Database from 'better-sqlite3';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../../electron/app/backend';
import { KEEP, listBackupFiles, writeBackup } from '../../../electron/db/backup-store';
import type * as HealthModule from '../../../electron/db/health';
import { openDatabase } from '../../../electron/db/open';
import { migration001 } from '../../../electron/db/migrations/001-initial';
import type { BackupCreated } from '../../../shared/ipc/maintenance';
import { tempDir, validCard } from '../../fixtures/cards';

// Lets a test make the check of a freshly written backup fail, as a bad disk would.
const failing = vi.hoisted(() => ({ verify: false }));
vi.mock('../../../electron/db/health', async (importOriginal) => {
  const actual = await importOriginal<typeof HealthModule>();
  return {
    ...actual,
    verifyDatabaseFile: (file: string, binding?: string) =>
      failing.verify ? { ok: false, problems: ['simulerat fel'] } : actual.verifyDatabaseFile(file, binding),
  };
});

const DAY = 24 * 60 * 60 * 1000;
let dir: string;
let cleanup: () => void;
const clock = { now: Date.parse('2026-03-02T10:00:00Z') };
const backends: Backend[] = [];

function openAt(at: number): Backend {
  clock.now = at;
  const backend = createBackend({
    databasePath: join(dir, 'k.db'),
    mode: 'web',
    version: 'test',
    now: () => clock.now,
  });
  backends.push(backend);
  return backend;
}

const invoke = (backend: Backend, channel: string, input: unknown) =>
  backend.router.invoke(channel, input, { trustedSender: true });
const backupNames = () => (existsSync(join(dir, 'backups')) ? readdirSync(join(dir, 'backups')).sort() : []);

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  failing.verify = false;
  clock.now = Date.parse('2026-03-02T10:00:00Z');
});
afterEach(() => {
  for (const backend of backends.splice(0)) backend.close();
  cleanup();
});

describe('the daily backup', () => {
  it('is taken at open when the newest backup is older than 24 hours, never of a brand-new register', async () => {
    const start = Date.parse('2026-03-02T10:00:00Z');
    const first = openAt(start);
    await invoke(first, 'cards:register', validCard());
    first.close();
    expect(backupNames()).toEqual([]);

    openAt(start + 1000).close();
    expect(backupNames()).toEqual(['k-daily-2026-03-02T10-00-01-000Z.db']);
    openAt(start + DAY).close(); // 23:59:59 later: not yet
    expect(backupNames()).toHaveLength(1);
    openAt(start + DAY + 2000).close();
    expect(backupNames()).toEqual([
      'k-daily-2026-03-02T10-00-01-000Z.db',
      'k-daily-2026-03-03T10-00-02-000Z.db',
    ]);
    // The copy is a complete, checked register.
    const copy = new Database(join(dir, 'backups', backupNames()[1]!), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) FROM cards').pluck().get()).toBe(1);
    copy.close();
  });

  it('keeps the newest 14 daily backups and every pre-migration one', () => {
    const db = openDatabase(join(dir, 'k.db'));
    const options = { dir: join(dir, 'backups'), databasePath: join(dir, 'k.db') };
    for (let v = 1; v <= 3; v++)
      writeBackup(db, { ...options, kind: 'pre-migration', at: v * 1000, fromVersion: v });
    const start = Date.parse('2026-01-01T03:00:00Z');
    for (let d = 0; d < 20; d++) writeBackup(db, { ...options, kind: 'daily', at: start + d * DAY });
    db.close();
    const files = listBackupFiles(join(dir, 'backups'));
    const daily = files.filter((f) => f.kind === 'daily');
    expect(daily).toHaveLength(KEEP.daily);
    expect(daily.at(-1)!.name).toBe('k-daily-2026-01-07T03-00-00-000Z.db');
    expect(files.filter((f) => f.kind === 'pre-migration').map((f) => f.name)).toEqual([
      'k-before-v4-1970-01-01T00-00-03-000Z.db',
      'k-before-v3-1970-01-01T00-00-02-000Z.db',
      'k-before-v2-1970-01-01T00-00-01-000Z.db',
    ]);
  });

  it('that fails its check is deleted and reported by app:health, and the register still opens', async () => {
    openAt(clock.now).close();
    failing.verify = true;
    const backend = openAt(clock.now + 1000);
    expect(backupNames()).toEqual([]);
    const health = await invoke(backend, 'app:health', {});
    expect(health).toMatchObject({
      ok: true,
      value: {
        status: 'ok',
        latestBackup: null,
        backupProblem: { messageKey: 'health.backupUnverified' },
      },
    });
    expect(await invoke(backend, 'cards:register', validCard())).toMatchObject({ ok: true });
  });
});

describe('backup before a migration', () => {
  function version1Database(): string {
    const file = join(dir, 'k.db');
    const raw = new Database(file);
    raw.exec(migration001.up);
    raw.pragma('user_version = 1');
    raw.close();
    return file;
  }

  it('is verified, and a copy that fails its check stops the migration', () => {
    const file = version1Database();
    failing.verify = true;
    expect(() => openDatabase(file)).toThrow(/kontrollen/);
    expect(backupNames()).toEqual([]);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    raw.close();
  });
});

describe('backup:create', () => {
  it('writes a verified manual backup into the backups folder', async () => {
    const backend = openAt(clock.now);
    await invoke(backend, 'cards:register', validCard());
    const result = await invoke(backend, 'backup:create', {});
    expect(result).toMatchObject({ ok: true, value: { backup: { kind: 'manual' } } });
    expect(backupNames()).toEqual(['k-manual-2026-03-02T10-00-00-000Z.db']);
  });

  it('replaces a chosen file (an older backup) atomically with a complete copy', async () => {
    const backend = openAt(clock.now);
    const target = join(dir, 'kopia.db');
    expect(await invoke(backend, 'backup:create', { path: target })).toMatchObject({ ok: true });
    await invoke(backend, 'cards:register', validCard());
    const result = await invoke(backend, 'backup:create', { path: target });
    expect(result).toMatchObject({ ok: true, value: { path: target, backup: null } });
    expect((result as { value: BackupCreated }).value.sizeBytes).toBeGreaterThan(4096);
    const copy = new Database(target, { readonly: true });
    expect(copy.prepare('SELECT count(*) FROM cards').pluck().get()).toBe(1);
    copy.close();
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it.each([
    ['a relative path', () => 'kopia.db', 'path.notAbsolute'],
    ['a missing folder', () => join(dir, 'saknas', 'kopia.db'), 'path.folderMissing'],
    ['the database itself', () => join(dir, 'k.db'), 'path.isDatabase'],
    ['its WAL', () => join(dir, 'k.db-wal'), 'path.isDatabase'],
    ['a folder', () => dir, 'path.notAFile'],
    [
      'an existing file that is not a backup',
      () => {
        writeFileSync(join(dir, 'brev.docx'), 'Kära kollega');
        return join(dir, 'brev.docx');
      },
      'path.wouldOverwrite',
    ],
  ])('refuses %s', async (_name, path, message) => {
    const backend = openAt(clock.now);
    expect(await invoke(backend, 'backup:create', { path: path() })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', fields: [{ field: 'path', message }] },
    });
  });

  it('answers backup-failed when the copy fails its check, leaving nothing behind', async () => {
    const backend = openAt(clock.now);
    failing.verify = true;
    expect(await invoke(backend, 'backup:create', {})).toMatchObject({
      ok: false,
      error: { code: 'backup-failed' },
    });
    expect(backupNames()).toEqual([]);
  });
});
