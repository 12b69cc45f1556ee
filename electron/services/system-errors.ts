import { statfsSync } from 'node:fs';
import type { ErrorCode } from '../../shared/ipc/result';
import { DatabaseDamagedError, isCorruptionError } from '../db/health';
import { DatabaseTooNewError } from '../db/open';
import { AppError } from './app-error';

/**
 * The one translation of faults of the disk, the file system, SQLite and other processes
 * into AppError codes, each with a Swedish (and English) text under `error.<code>` that
 * says what the desk can do. Used by the router (every IPC and browser-mode call), the
 * CLI (exit status 1, SPEC §6) and the desktop app's start.
 */

// SQLite's primary result codes (better-sqlite3 reports the extended code, e.g.
// SQLITE_IOERR_WRITE, whose prefix is the primary one).
const SQLITE_CODES: [prefix: string, code: ErrorCode][] = [
  ['SQLITE_BUSY', 'busy'],
  ['SQLITE_LOCKED', 'busy'],
  ['SQLITE_FULL', 'disk-full'],
  ['SQLITE_READONLY', 'read-only'],
  ['SQLITE_PERM', 'access-denied'],
  ['SQLITE_AUTH', 'access-denied'],
  ['SQLITE_CANTOPEN', 'cannot-open'],
  ['SQLITE_IOERR', 'io-error'],
];

// Node's file-system errno codes.
const ERRNO_CODES: Record<string, ErrorCode> = {
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  EROFS: 'read-only',
  EACCES: 'access-denied',
  EPERM: 'access-denied',
  // Windows: the file is open in another program (a virus scanner, Excel).
  EBUSY: 'access-denied',
  EISDIR: 'path-conflict',
  ENOTDIR: 'path-conflict',
  // mkdir of a folder where a file of that name is.
  EEXIST: 'path-conflict',
  ENOENT: 'file-missing',
  EIO: 'io-error',
  KORTLIGGAREN_DATABASE_TOO_NEW: 'database-too-new',
};

/** The codes of faults outside the app (disk, file system, other processes, a newer app). */
export const SYSTEM_FAULT_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'busy',
  'disk-full',
  'read-only',
  'access-denied',
  'path-conflict',
  'file-missing',
  'cannot-open',
  'io-error',
  'database-too-new',
]);

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

// Below this much free space an I/O error is the full disk's doing.
const NEARLY_FULL_BYTES = 1024 * 1024;

// SQLite reports some writes a full disk refused as plain I/O errors (sizing the -shm
// file, for one): the free space of the disk in question tells them apart.
function diskIsFull(where: string | undefined): boolean {
  if (where === undefined) return false;
  try {
    const fs = statfsSync(where);
    return fs.bavail * fs.bsize < NEARLY_FULL_BYTES;
  } catch {
    return false;
  }
}

/**
 * The AppError code of a system fault, or undefined for anything else (a bug: 'internal').
 * `where` is a path on the disk concerned (the register's folder), to tell a full disk
 * from other I/O errors.
 */
export function systemErrorCode(error: unknown, where?: string): ErrorCode | undefined {
  if (error instanceof AppError) return error.code;
  if (error instanceof DatabaseDamagedError || isCorruptionError(error)) return 'database-damaged';
  const code = codeOf(error);
  if (code === undefined) return undefined;
  if (code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR_')) {
    // A write the disk refused for want of space shows as an I/O error on some systems.
    return /no space|disk is full|ENOSPC/i.test((error as Error).message) || diskIsFull(where)
      ? 'disk-full'
      : 'io-error';
  }
  for (const [prefix, mapped] of SQLITE_CODES) {
    if (code === prefix || code.startsWith(`${prefix}_`)) return mapped;
  }
  return ERRNO_CODES[code];
}

/** What the technical detail of a fault is, for a log line or IT: the code and the path. */
export function systemErrorDetail(error: unknown): string {
  const code = codeOf(error);
  const path = (error as { path?: unknown } | null)?.path;
  if (error instanceof DatabaseTooNewError) return `schema ${error.found} > ${error.supported}`;
  return [code, typeof path === 'string' ? path : undefined].filter(Boolean).join(': ');
}

/** The system fault's code when `error` is one (not a bug, not the app's own refusal). */
export function systemFaultCode(error: unknown, where?: string): ErrorCode | undefined {
  if (error instanceof AppError && !SYSTEM_FAULT_CODES.has(error.code)) return undefined;
  const code = systemErrorCode(error, where);
  return code !== undefined && SYSTEM_FAULT_CODES.has(code) ? code : undefined;
}

/**
 * The fault as an AppError (code, English message for logs), or undefined when it is not a
 * known system fault. An AppError is returned as it is.
 */
export function classifySystemError(error: unknown, where?: string): AppError | undefined {
  if (error instanceof AppError) return error;
  const code = systemErrorCode(error, where);
  if (code === undefined) return undefined;
  const detail = systemErrorDetail(error);
  const message = error instanceof Error ? error.message : String(error);
  return new AppError(code, detail ? `${message} (${detail})` : message);
}
