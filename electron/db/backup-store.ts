import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { BACKUP_KIND_NAMES, type BackupKind } from '../../shared/domain/backup';
import { BackupVerificationError, verifyDatabaseFile } from './health';
import type { Db } from './types';
import { readRegisterId, registerIdOfFile } from './register-identity';

/** Kinds of backup (shared/domain/backup.ts says what each is). */
export const BACKUP_KINDS = BACKUP_KIND_NAMES;
export type { BackupKind };

/** How many of each kind rotation keeps (newest first). */
export const KEEP: Record<BackupKind, number> = {
  daily: 14,
  manual: 20,
  'pre-migration': 20,
  'before-restore': 10,
};

/** One backup file in the backups folder. */
export interface BackupFile {
  name: string;
  path: string;
  kind: BackupKind;
  /** When it was taken (epoch ms), from its name. */
  createdAt: number;
  sizeBytes: number;
}

const STAMP = String.raw`(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z`;
// `<db>-<kind>-<stamp>[-n].db`; pre-migration backups say which version they preceded.
const NAME_RE = new RegExp(
  String.raw`^(.+)-(daily|manual|before-restore|before-v\d+)-${STAMP}(?:-\d+)?\.db$`,
);

/** The folder backups go to: `backups/` beside the database. */
export function backupDirFor(databasePath: string): string {
  return join(dirname(databasePath), 'backups');
}

function stampOf(at: number): string {
  return new Date(at).toISOString().replace(/[:.]/g, '-');
}

/** The file name of a new backup; `fromVersion` names the migration a pre-migration copy precedes. */
export function backupName(databasePath: string, kind: BackupKind, at: number, fromVersion?: number): string {
  const base = basename(databasePath).replace(/\.db$/, '');
  const label = kind === 'pre-migration' ? `before-v${(fromVersion ?? 0) + 1}` : kind;
  return `${base}-${label}-${stampOf(at)}.db`;
}

/** Reads a backup's kind and time from its name; undefined for any other file. */
export function parseBackupName(name: string): { kind: BackupKind; createdAt: number } | undefined {
  const m = NAME_RE.exec(name);
  if (!m) return undefined;
  const label = m[2]!;
  const kind: BackupKind = label.startsWith('before-v') ? 'pre-migration' : (label as BackupKind);
  const createdAt = Date.parse(`${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`);
  return Number.isNaN(createdAt) ? undefined : { kind, createdAt };
}

/** Every backup in the folder, newest first. Files that are not backups are ignored. */
export function listBackupFiles(dir: string): BackupFile[] {
  // A file where the folder belongs holds no backups; writing one says why it cannot.
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  const out: BackupFile[] = [];
  for (const name of readdirSync(dir)) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const path = join(dir, name);
    try {
      const stat = statSync(path);
      if (stat.isFile()) out.push({ name, path, ...parsed, sizeBytes: stat.size });
    } catch {
      // Removed between listing and stat (rotation elsewhere): simply not there.
    }
  }
  return out.sort((a, b) => b.createdAt - a.createdAt || b.name.localeCompare(a.name));
}

/**
 * Whose a backup is, by the identity recorded inside it: `this` register's; `other`, a
 * backup of another register (never counted, offered or restored); `unmarked`, written
 * before registers had identities; `unknown`, when this register's own identity is not
 * known (an unreadable register); `unreadable`, a file that cannot be opened at all.
 */
export type BackupOwner = 'this' | 'other' | 'unmarked' | 'unknown' | 'unreadable';

/** Whose `file` is, for the register whose identity is `registerId`. */
export function backupOwner(
  file: BackupFile,
  registerId: string | undefined,
  nativeBinding?: string,
): BackupOwner {
  const id = registerIdOfFile(file.path, nativeBinding);
  if (id === undefined) return 'unreadable';
  if (id === null) return 'unmarked';
  if (registerId === undefined) return 'unknown';
  return id === registerId ? 'this' : 'other';
}

/** `dir/name`, or `dir/name-2.db`, `-3`, … when that is taken. */
export function uniquePath(dir: string, name: string): string {
  let target = join(dir, name);
  for (let i = 2; existsSync(target); i++) target = join(dir, name.replace(/\.db$/, `-${i}.db`));
  return target;
}

/** fsyncs a file or (on POSIX) a folder, so a rename or a copy survives a power cut. */
export function syncPath(path: string, isFolder = false): void {
  if (isFolder && process.platform === 'win32') return;
  const fd = openSync(path, isFolder ? 'r' : 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone: nothing to clean up.
  }
}

/**
 * Writes a consistent copy of the open database to `target` and checks it: VACUUM INTO a
 * hidden temporary name beside it, `PRAGMA integrity_check` on the copy, then a rename.
 * A copy that fails the check is deleted and BackupVerificationError thrown, so a
 * backup under its final name is always one that passed the check.
 */
export function writeVerifiedCopy(db: Db, target: string, nativeBinding?: string): void {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.partial`);
  removeQuietly(temp);
  try {
    // VACUUM INTO writes a compact snapshot, committed WAL content included.
    db.prepare('VACUUM INTO ?').run(temp);
    const check = verifyDatabaseFile(temp, nativeBinding);
    if (!check.ok) throw new BackupVerificationError(target, check.problems);
    syncPath(temp);
    renameSync(temp, target);
    syncPath(dirname(target), true);
  } catch (error) {
    removeQuietly(temp);
    throw error;
  }
}

/** Writes a verified backup of `kind` into `dir` and applies rotation; returns the new file. */
export function writeBackup(
  db: Db,
  options: {
    dir: string;
    databasePath: string;
    kind: Exclude<BackupKind, 'before-restore'>;
    at: number;
    fromVersion?: number;
    nativeBinding?: string;
  },
): BackupFile {
  mkdirSync(options.dir, { recursive: true });
  const target = uniquePath(
    options.dir,
    backupName(options.databasePath, options.kind, options.at, options.fromVersion),
  );
  writeVerifiedCopy(db, target, options.nativeBinding);
  rotateBackups(options.dir, readRegisterId(db), Date.now(), options.nativeBinding);
  const written = listBackupFiles(options.dir).find((b) => b.path === target);
  if (!written) throw new Error(`backup ${target} vanished after writing`);
  return written;
}

/**
 * Keeps the newest KEEP[kind] backups of each kind of the register whose identity is
 * `registerId` (null: a register from before identities) and deletes the rest of its
 * own, plus temporary files an interrupted backup left behind more than an hour ago.
 * Another register's backups are never counted nor deleted; with `registerId` unknown
 * (undefined) no backup is.
 */
export function rotateBackups(
  dir: string,
  registerId: string | null | undefined,
  now = Date.now(),
  nativeBinding?: string,
): string[] {
  const removed: string[] = [];
  const seen: Record<BackupKind, number> = { daily: 0, manual: 0, 'pre-migration': 0, 'before-restore': 0 };
  for (const backup of listBackupFiles(dir)) {
    if (registerId === undefined || registerIdOfFile(backup.path, nativeBinding) !== registerId) continue;
    seen[backup.kind]++;
    if (seen[backup.kind] > KEEP[backup.kind]) {
      removeQuietly(backup.path);
      removeQuietly(`${backup.path}-wal`);
      removed.push(backup.name);
    }
  }
  for (const name of readdirSync(dir)) {
    if (!name.startsWith('.') || !name.endsWith('.partial')) continue;
    const path = join(dir, name);
    try {
      if (now - statSync(path).mtimeMs > 3_600_000) removeQuietly(path);
    } catch {
      // Gone already.
    }
  }
  return removed;
}
