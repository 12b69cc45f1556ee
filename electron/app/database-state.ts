import { SCHEMA_VERSION } from '../db/migrations';
import { DatabaseDamagedError, openReadOnly } from '../db/health';
import { openDatabase, openDatabaseForReading, type Db } from '../db/open';
import type { ServiceContext } from '../services/context';

/** ok: read-write; damaged: open read-only; unreadable: SQLite cannot use the file at all. */
export type DatabaseStatus = 'ok' | 'damaged' | 'unreadable';

/** The open database (if any) and what the start-up check found. */
export interface DatabaseState {
  status: DatabaseStatus;
  db: Db | undefined;
  services: ServiceContext | undefined;
  /** What quick_check (or the failed open) reported; empty when ok. */
  problems: string[];
  checkedAt: number;
}

export interface OpenStateOptions {
  databasePath: string;
  nativeBinding?: string;
  now: () => number;
  busyTimeoutMs?: number;
  /**
   * `read-only`: open without writing anything (the CLI's reading commands), so a
   * read-only folder or a full disk still answers; falls back to the ordinary open for a
   * register that does not exist yet or needs migrating.
   */
  access?: 'read-write' | 'read-only';
  makeServices: (db: Db) => ServiceContext;
}

/**
 * Opens the register, checking it first (openDatabase runs quick_check). A damaged file
 * is never written to: it is reopened read-only so the desk can still look things up,
 * or, when even that fails (broken header, unknown schema), left closed. Any other error
 * (a database from a newer app, a locked file) is thrown as before.
 */
export function openDatabaseState(options: OpenStateOptions): DatabaseState {
  const checkedAt = options.now();
  try {
    const reading =
      options.access === 'read-only'
        ? openDatabaseForReading(options.databasePath, {
            ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
            ...(options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs }),
          })
        : undefined;
    if (reading)
      return { status: 'ok', db: reading, services: options.makeServices(reading), problems: [], checkedAt };
    const db = openDatabase(options.databasePath, {
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      now: () => new Date(options.now()),
      ...(options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs }),
    });
    return { status: 'ok', db, services: options.makeServices(db), problems: [], checkedAt };
  } catch (error) {
    if (!(error instanceof DatabaseDamagedError)) throw error;
    const problems = error.problems;
    let db: Db | undefined;
    try {
      db = openReadOnly(options.databasePath, options.nativeBinding);
      // An older schema cannot be migrated read-only, so the services would not fit it.
      if (db.pragma('user_version', { simple: true }) !== SCHEMA_VERSION) throw new Error('schema version');
      return { status: 'damaged', db, services: options.makeServices(db), problems, checkedAt };
    } catch {
      db?.close();
      return { status: 'unreadable', db: undefined, services: undefined, problems, checkedAt };
    }
  }
}
