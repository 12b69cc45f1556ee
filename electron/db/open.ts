import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path to a better-sqlite3 binary built for another runtime (the Electron ABI). */
  nativeBinding?: string;
  /** Where to put the copy taken before a migration; defaults to `backups/` beside the file. */
  backupDir?: string;
  /** Clock for backup names; tests pass a fixed one. */
  now?: () => Date;
}

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
 * is copied aside before any migration touches it.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
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
    db.transaction(() => {
      db.exec(migration.up);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

function backupBeforeMigration(db: Db, file: string, fromVersion: number, options: OpenOptions): string {
  const dir = options.backupDir ?? join(dirname(file), 'backups');
  mkdirSync(dir, { recursive: true });
  const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
  let target = join(dir, `${basename(file, '.db')}-before-v${fromVersion + 1}-${stamp}.db`);
  for (let i = 2; existsSync(target); i++) target = target.replace(/(-\d+)?\.db$/, `-${i}.db`);
  // VACUUM INTO writes a consistent, compact copy synchronously, WAL contents included.
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}
