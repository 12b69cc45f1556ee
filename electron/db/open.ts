import Database from 'better-sqlite3';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeBackup } from './backup-store';
import { DatabaseDamagedError, openReadOnly, quickCheck } from './health';
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
  /** A code like Node's and SQLite's, so the fault is told apart without `instanceof`. */
  readonly code = 'KORTLIGGAREN_DATABASE_TOO_NEW';
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
  checkAccess(file, 'write');
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

/**
 * Opens the register only to read it (`findings`, `report`, `audit verify`, listings),
 * so that these work on a read-only folder and on a full disk: nothing is created,
 * migrated or backed up, and SQLite refuses every write. A WAL database normally needs its
 * `-shm` file, which a read-only folder or a full disk cannot give; when the last writer
 * closed cleanly (no `-wal` content to read) the file alone is the whole register, and it
 * is read as a snapshot in memory instead. Returns undefined when the register must be
 * opened for writing after all: it does not exist yet, or its schema is older and needs
 * the migrations. Throws DatabaseTooNewError, DatabaseDamagedError, or the SQLite error.
 */
export function openDatabaseForReading(file: string, options: OpenOptions = {}): Db | undefined {
  if (!existsSync(file)) return undefined;
  checkAccess(file, 'read');
  let db = openReadOnly(file, options.nativeBinding);
  let version: number;
  try {
    // The first read: where a missing -shm that cannot be made shows itself.
    version = db.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    db.close();
    if (!isSharedMemoryFault(error) || walHasContent(file)) throw error;
    db = openSnapshot(file, options.nativeBinding);
    version = db.pragma('user_version', { simple: true }) as number;
  }
  try {
    if (version > SCHEMA_VERSION) throw new DatabaseTooNewError(version, SCHEMA_VERSION);
    const health = quickCheck(db);
    if (!health.ok) throw new DatabaseDamagedError(file, health.problems);
  } catch (error) {
    db.close();
    throw error;
  }
  if (version < SCHEMA_VERSION) {
    db.close();
    return undefined;
  }
  db.pragma(`busy_timeout = ${Math.max(0, Math.round(options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS))}`);
  return db;
}

/**
 * Throws the file system's own error (EISDIR, EACCES, EROFS, with the path) when the
 * register cannot be used as asked, before SQLite turns it into "unable to open database
 * file" — or, worse, silently opens a file it may not write read-only. To write, the file
 * and its folder (for the -wal and -shm files) must be writable.
 */
function checkAccess(file: string, use: 'read' | 'write'): void {
  let isFolder = false;
  try {
    isFolder = statSync(file).isDirectory();
  } catch {
    // Nothing there yet: SQLite creates it (a folder that cannot take it fails below).
  }
  if (isFolder) {
    throw Object.assign(new Error(`${file} is a folder, not a register`), {
      code: 'EISDIR',
      path: file,
    });
  }
  if (use === 'write') accessSync(dirname(file), constants.W_OK);
  if (existsSync(file)) accessSync(file, use === 'write' ? constants.R_OK | constants.W_OK : constants.R_OK);
}

// What SQLite answers when a read-only connection cannot set up the WAL index: no -shm
// and no way to create it (read-only folder), or no space to size it (full disk).
function isSharedMemoryFault(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' &&
    (code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_IOERR'))
  );
}

function walHasContent(file: string): boolean {
  try {
    return statSync(`${file}-wal`).size > 0;
  } catch {
    return false;
  }
}

// The file read into memory and opened there, read-only. A WAL database's header says
// so (bytes 18–19 = 2); an in-memory copy cannot use WAL, so the copy says rollback (1).
function openSnapshot(file: string, nativeBinding?: string): Db {
  const bytes = readFileSync(file);
  if (bytes.length >= 20 && bytes[18] === 2 && bytes[19] === 2) {
    bytes[18] = 1;
    bytes[19] = 1;
  }
  const db = new Database(bytes, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
  db.pragma('query_only = ON');
  return db;
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
      migration.run?.(db, { now: (options.now?.() ?? new Date()).getTime() });
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
