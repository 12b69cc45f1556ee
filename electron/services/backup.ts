import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BackupCreated, BackupInfo } from '../../shared/ipc/maintenance';
import { formatInstant } from '../../shared/time/stockholm';
import {
  backupName,
  backupOwner,
  listBackupFiles,
  rotateBackups,
  syncPath,
  uniquePath,
  writeBackup,
  writeVerifiedCopy,
  type BackupFile,
} from '../db/backup-store';
import { auditHeadPath, removeAuditHeadFile } from '../db/audit-head';
import { BackupVerificationError, verifyDatabaseFile } from '../db/health';
import { writeRegisterId } from '../db/register-identity';
import type { Db } from '../db/types';
import { AppError, invalidInput } from './app-error';
import type { ServiceContext } from './context';
import { checkExportTarget } from './export-target';

/** Where the database and its backups live, and the clock for backup names. */
export interface BackupEnv {
  databasePath: string;
  backupDir: string;
  nativeBinding?: string;
  now: () => number;
  /**
   * The open register's identity (migration 007), undefined while it is not known. Only
   * backups that carry it count as this register's (see backupOwner).
   */
  registerId?: () => string | undefined;
}

function ownerOf(env: BackupEnv, file: BackupFile) {
  return backupOwner(file, env.registerId?.(), env.nativeBinding);
}

/** A daily backup is due when the newest good backup is older than this. */
export const DAILY_INTERVAL_MS = 24 * 60 * 60 * 1000;
// Kinds written by VACUUM INTO and verified; a before-restore copy is a raw copy of a
// database that may have been damaged, so it never counts as "the latest good backup".
const VERIFIED_KINDS = new Set<BackupFile['kind']>(['daily', 'manual', 'pre-migration']);
// How many backups to try, newest first, when looking for one to offer after damage.
const RESTORE_CANDIDATES = 5;

/** A backup file as the UI sees it. */
export function toBackupInfo(file: BackupFile): BackupInfo {
  return {
    name: file.name,
    kind: file.kind,
    createdAt: formatInstant(file.createdAt),
    sizeBytes: file.sizeBytes,
  };
}

/** Every backup that may be this register's, newest first; another register's are left out. */
export function listBackups(env: BackupEnv): BackupInfo[] {
  return listBackupFiles(env.backupDir)
    .filter((b) => ownerOf(env, b) !== 'other')
    .map(toBackupInfo);
}

/** The newest backup of this register of a verified kind, if any. */
export function latestBackup(env: BackupEnv): BackupFile | undefined {
  return listBackupFiles(env.backupDir).find((b) => VERIFIED_KINDS.has(b.kind) && ownerOf(env, b) === 'this');
}

/** What an automatic backup attempt left to report: null when all went well. */
export type BackupProblem = { messageKey: string; detail: string } | null;

/**
 * Takes the daily backup when the newest good one is older than 24 hours. A failure is
 * returned, not thrown: the desk can go on working, and the UI shows the problem.
 */
export function ensureDailyBackup(
  db: Db,
  env: BackupEnv,
): { created: BackupFile | null; problem: BackupProblem } {
  const newest = latestBackup(env);
  const now = env.now();
  if (newest && now - newest.createdAt < DAILY_INTERVAL_MS && newest.createdAt <= now) {
    return { created: null, problem: null };
  }
  try {
    return {
      created: writeBackup(db, { ...env, dir: env.backupDir, kind: 'daily', at: now }),
      problem: null,
    };
  } catch (error) {
    const messageKey =
      error instanceof BackupVerificationError ? 'health.backupUnverified' : 'health.backupFailed';
    return {
      created: null,
      problem: { messageKey, detail: error instanceof Error ? error.message : String(error) },
    };
  }
}

// A chosen file passes the guard every export passes (never the register, its companions
// or the backups folder, whose rotation a chosen file would upset).
function checkChosenPath(env: BackupEnv, path: string): void {
  checkExportTarget(path, env.databasePath);
  // Replacing an older backup is fine; replacing a document the path happens to name is
  // not, even if the caller (the renderer) asks for it.
  if (existsSync(path) && !isSqliteFile(path)) {
    throw invalidInput([{ field: 'path', message: 'path.wouldOverwrite' }]);
  }
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

function isSqliteFile(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(SQLITE_MAGIC.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_MAGIC);
  } finally {
    closeSync(fd);
  }
}

function failed(error: unknown): never {
  if (error instanceof BackupVerificationError) throw new AppError('backup-failed', error.message);
  throw error;
}

/**
 * A backup on request: into the backups folder (rotated like the others), or to a file
 * the desk chose, which is replaced atomically. Verified with integrity_check either way.
 */
export function createBackup(db: Db, env: BackupEnv, path?: string): BackupCreated {
  try {
    if (path === undefined) {
      const file = writeBackup(db, { ...env, dir: env.backupDir, kind: 'manual', at: env.now() });
      return { path: file.path, sizeBytes: file.sizeBytes, backup: toBackupInfo(file) };
    }
    checkChosenPath(env, path);
    writeVerifiedCopy(db, path, env.nativeBinding);
    return { path, sizeBytes: statSync(path).size, backup: null };
  } catch (error) {
    return failed(error);
  }
}

/**
 * The backup with this name, or not-found. Only files the folder listing knows are
 * eligible, and never a backup of another register (invalid input naming `name`).
 */
export function findBackup(env: BackupEnv, name: string): BackupFile {
  const found = listBackupFiles(env.backupDir).find((b) => b.name === name);
  if (!found) throw new AppError('not-found', `backup ${name} not found`);
  if (ownerOf(env, found) === 'other') {
    throw invalidInput([{ field: 'name', message: 'backup.otherRegister' }]);
  }
  return found;
}

/**
 * The newest backup of this register that passes integrity_check now, trying a few; for
 * a damaged database. Nothing is offered while the register's identity is unknown.
 */
export function findRestoreCandidate(env: BackupEnv): BackupFile | undefined {
  const candidates = listBackupFiles(env.backupDir).filter(
    (b) => VERIFIED_KINDS.has(b.kind) && ownerOf(env, b) === 'this',
  );
  return candidates
    .slice(0, RESTORE_CANDIDATES)
    .find((b) => verifyDatabaseFile(b.path, env.nativeBinding).ok);
}

function removeIfPresent(path: string): void {
  if (existsSync(path)) unlinkSync(path);
}

/**
 * Replaces the database file with a backup: verifies the backup, closes the database,
 * copies the current file (and its WAL) aside as `…-before-restore-…`, removes the old
 * WAL and shared-memory files, and renames a synced copy of the backup into place. Never
 * overwrites without that copy. The caller reopens the database.
 */
export function replaceWithBackup(
  env: BackupEnv,
  name: string,
  closeCurrent: () => void,
): { restored: BackupFile; beforeRestore: string | null } {
  const restored = findBackup(env, name);
  const check = verifyDatabaseFile(restored.path, env.nativeBinding);
  if (!check.ok)
    throw new AppError('backup-failed', `backup ${name} failed integrity_check: ${check.problems[0]}`);
  closeCurrent();
  const db = env.databasePath;
  let beforeRestore: string | null = null;
  if (existsSync(db)) {
    mkdirSync(env.backupDir, { recursive: true });
    const aside = uniquePath(env.backupDir, backupName(db, 'before-restore', env.now()));
    beforeRestore = basename(aside);
    // A raw copy: the current file may be damaged, so VACUUM INTO is not an option.
    copyFileSync(db, aside);
    syncPath(aside);
    if (existsSync(`${db}-wal`)) {
      copyFileSync(`${db}-wal`, `${aside}-wal`);
      syncPath(`${aside}-wal`);
    }
    syncPath(env.backupDir, true);
  }
  const temp = join(dirname(db), `.${basename(db)}.restore.${process.pid}.tmp`);
  copyFileSync(restored.path, temp);
  syncPath(temp);
  // A WAL left beside the new file would be replayed onto it; it is safe in the copy aside.
  removeIfPresent(`${db}-wal`);
  removeIfPresent(`${db}-shm`);
  renameSync(temp, db);
  syncPath(dirname(db), true);
  // The recorded audit head was the replaced database's; the next open records this one's.
  removeAuditHeadFile(auditHeadPath(db));
  rotateBackups(env.backupDir, env.registerId?.(), env.now(), env.nativeBinding);
  return { restored, beforeRestore };
}

/**
 * Records a restore in the register just reopened from the backup (audited as
 * `backup.restore`, with the backup and the copy kept aside). `keepRegisterId`: the
 * identity the register had before, for a backup from before identities that got a new
 * one when it was migrated at reopening — it takes this register's, which its other
 * backups carry. One transaction.
 */
export function recordRestore(
  ctx: ServiceContext,
  restore: { backup: string; beforeRestore: string | null },
  keepRegisterId?: string,
): void {
  ctx.transaction(() => {
    if (keepRegisterId) writeRegisterId(ctx.db, keepRegisterId);
    ctx.audit.append({
      at: ctx.now(),
      actor: ctx.actor(),
      action: 'backup.restore',
      entity: 'database',
      entityId: null,
      before: null,
      after: {
        backup: restore.backup,
        beforeRestore: restore.beforeRestore,
        ...(keepRegisterId ? { registerIdKept: keepRegisterId } : {}),
      },
    });
  });
}
