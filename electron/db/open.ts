import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeBackup } from './backup-store';
import { DatabaseDamagedError, quickCheck } from './health';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { writeTransaction } from './write-transaction';

import type { Db } from './types';

export type { Db };

export interface OpenOptions {
  /** Path to a better-sqlite3 binary built for another runtime (the Electron ABI). */
  nativeBinding?: string;
  /** Where to put the copy taken before a migration; defaults to `backups/` beside the file. */
  backupDir?: string;
  /** Clock for backup names; tests pass a fixed one. */
  now?: () => Date;
  /**
   * How long a write waits for another process's write lock before it fails as busy
   * (default 5 s: long enough for the CLI's commit, short enough for the form to answer).
   */
  busyTimeoutMs?: number;
}

/** The default wait for a register another process is writing to. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5_000;

/** The database was written by a newer version of the app; opening it could lose data. */
export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(`database schema ${found} is newer than this app supports (${supported})`);
    this.name = 'DatabaseTooNewError';
  }
}

/**
 * Opens (or creates) the register: WAL, synchronous=FULL, foreign keys on, then brings
 * the schema up to date. A database from a newer app is refused; an existing database
 * is copied aside (and the copy verified) before any migration touches it. A database
 * that fails `PRAGMA quick_check` is closed untouched and DatabaseDamagedError thrown:
 * nothing is written to a damaged file.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  mkdirSync(dirname(file), { recursive: true });
  let db: Db;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_NOTADB') {
      throw new DatabaseDamagedError(file, [String((error as Error).message)]);
    }
    throw error;
  }
  // Another process (the CLI beside the app) may hold a lock for a moment: wait, do not fail.
  db.pragma(`busy_timeout = ${Math.max(0, Math.round(options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS))}`);
  // Checked before any pragma that writes (journal_mode), so a damaged file stays as found.
  let health: ReturnType<typeof quickCheck>;
  try {
    health = quickCheck(db);
  } catch (error) {
    db.close();
    throw error;
  }
  if (!health.ok) {
    db.close();
    throw new DatabaseDamagedError(file, health.problems);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db, file, options);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Runs the pending migrations, each in its own transaction, after a backup of real data. */
export function migrate(db: Db, file: string, options: OpenOptions = {}): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) throw new DatabaseTooNewError(current, SCHEMA_VERSION);
  if (current === SCHEMA_VERSION) return;
  if (current > 0) backupBeforeMigration(db, file, current, options);
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    writeTransaction(db, () => {
      // Read again under the write lock: another process may have migrated meanwhile.
      if ((db.pragma('user_version', { simple: true }) as number) >= migration.version) return;
      db.exec(migration.up);
      db.pragma(`user_version = ${migration.version}`);
    });
  }
}

// The copy is verified with integrity_check (writeBackup throws, and nothing is migrated,
// when it fails) and old pre-migration copies are rotated beyond a cap.
function backupBeforeMigration(db: Db, file: string, fromVersion: number, options: OpenOptions): string {
  return writeBackup(db, {
    dir: options.backupDir ?? join(dirname(file), 'backups'),
    databasePath: file,
    kind: 'pre-migration',
    at: (options.now?.() ?? new Date()).getTime(),
    fromVersion,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  }).path;
}
