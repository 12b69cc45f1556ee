import Database from 'better-sqlite3';
import type { Db } from './types';

/** The outcome of SQLite's own consistency checks: ok, or the first problems it found. */
export type CheckResult = { ok: true } | { ok: false; problems: string[] };

// Enough lines to tell a person (and a support technician) what is wrong, not a full dump.
const MAX_PROBLEMS = 20;

/** The file is damaged: SQLite's check found problems, or the file is not a database at all. */
export class DatabaseDamagedError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`databasen ${file} är skadad: ${problems[0] ?? 'okänt fel'}`);
    this.name = 'DatabaseDamagedError';
  }
}

/** A freshly written backup failed `PRAGMA integrity_check`; it has been deleted. */
export class BackupVerificationError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`säkerhetskopian ${file} klarade inte kontrollen: ${problems[0] ?? 'okänt fel'}`);
    this.name = 'BackupVerificationError';
  }
}

function errorText(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}

function runCheck(db: Db, pragma: 'quick_check' | 'integrity_check'): CheckResult {
  try {
    const rows = db.pragma(`${pragma}(${MAX_PROBLEMS})`) as Record<string, unknown>[];
    // SQLite answers a single row 'ok' when all is well, else one row per problem.
    const lines = rows.flatMap((row) => {
      const value = Object.values(row)[0];
      return typeof value === 'string' ? value.split('\n') : [];
    });
    const problems = lines.filter((line) => line !== 'ok' && line.trim() !== '');
    return problems.length === 0 ? { ok: true } : { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  } catch (error) {
    // A header or page so broken that the check itself cannot run. Anything else (a busy
    // lock, a full disk) says nothing about the file and is the caller's to handle.
    if (!isCorruptionError(error)) throw error;
    return { ok: false, problems: [errorText(error)] };
  }
}

/** True for the SQLite errors that say the file itself is damaged. */
export function isCorruptionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/**
 * `PRAGMA quick_check`: the structural checks of integrity_check without the slow index
 * comparison, fast enough for every start.
 */
export function quickCheck(db: Db): CheckResult {
  return runCheck(db, 'quick_check');
}

/** `PRAGMA integrity_check`: the full check, for backups before anyone relies on them. */
export function integrityCheck(db: Db): CheckResult {
  return runCheck(db, 'integrity_check');
}

/** Opens a database file read-only, without creating it. Throws when SQLite cannot open it. */
export function openReadOnly(file: string, nativeBinding?: string): Db {
  const db = new Database(file, {
    readonly: true,
    fileMustExist: true,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  // Belt and braces: even a statement that would write is refused by SQLite itself.
  db.pragma('query_only = ON');
  return db;
}

/** Runs integrity_check on a database file (a backup) without changing it. */
export function verifyDatabaseFile(file: string, nativeBinding?: string): CheckResult {
  let db: Db | undefined;
  try {
    db = openReadOnly(file, nativeBinding);
    return integrityCheck(db);
  } catch (error) {
    return { ok: false, problems: [errorText(error)] };
  } finally {
    db?.close();
  }
}

/**
 * True for what a damaged database answers on its read-only connection: a corrupt page
 * met by a read, or a write SQLite refused.
 */
export function isDamagedDatabaseError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return isCorruptionError(error) || (typeof code === 'string' && code.startsWith('SQLITE_READONLY'));
}
