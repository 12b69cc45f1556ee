import { existsSync, lstatSync, realpathSync, statSync, type BigIntStats } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import type { Db } from '../db/types';
import { invalidInput } from './app-error';

/**
 * One guard for every file the app writes where a person chose (SPEC §6): report exports
 * (CLI `--out`, the save dialog, the browser mode's export folder), the personal-data
 * export and a backup to a chosen file. An export never overwrites the register.
 */

/** Why a target is refused; each is a `validation.*` text key. */
export type TargetProblem =
  'path.notAbsolute' | 'path.folderMissing' | 'path.notAFile' | 'path.isDatabase' | 'path.inBackups';

/** How names are compared; tests pass `caseInsensitive` to act out NTFS or APFS on Linux. */
export interface ExportTargetOptions {
  /** Compare names in the register's folder without regard to case; probed when absent. */
  caseInsensitive?: boolean;
}

// A folder (resolved through links) and a name in it.
interface Place {
  folder: string;
  name: string;
}

function stats(path: string): BigIntStats | undefined {
  try {
    // bigint: Windows file indexes do not fit a double.
    return statSync(path, { bigint: true });
  } catch {
    return undefined;
  }
}

function sameFile(a: BigIntStats | undefined, b: BigIntStats | undefined): boolean {
  return a !== undefined && b !== undefined && a.dev === b.dev && a.ino === b.ino;
}

function placeOf(path: string): Place | undefined {
  try {
    return { folder: realpathSync.native(dirname(path)), name: basename(path) };
  } catch {
    return undefined;
  }
}

// Where a path is, and — when it is a link — where it leads: both must be harmless.
function placesOf(path: string): Place[] {
  const places = [placeOf(path)];
  try {
    if (lstatSync(path).isSymbolicLink()) places.push(placeOf(realpathSync.native(path)));
  } catch {
    // Nothing there, or a dangling link: writing replaces the name itself, checked above.
  }
  return places.filter((p): p is Place => p !== undefined);
}

function swapCase(text: string): string {
  return [...text].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
}

/**
 * Whether the file system of `folder` ignores case, judged by looking up `entry` (a name
 * known to exist there, such as the register's file) with its case swapped; without one,
 * the folder's own name in its parent; without letters, the platform's default.
 */
export function probeCaseInsensitive(folder: string, entry?: string): boolean {
  const candidates: [string, string][] = [];
  if (entry) candidates.push([join(folder, entry), join(folder, swapCase(entry))]);
  candidates.push([folder, join(dirname(folder), swapCase(basename(folder)))]);
  for (const [path, swapped] of candidates) {
    if (swapped === path) continue;
    const original = stats(path);
    if (!original) continue;
    return sameFile(original, stats(swapped));
  }
  return process.platform === 'win32' || process.platform === 'darwin';
}

// The register's file, its -wal, -shm and -journal, and any sidecar a later version puts
// beside it (`<db>.head`, `<db>-something`); and the backups folder by name.
function isRegisterName(name: string, register: string, fold: (s: string) => string): boolean {
  const n = fold(name);
  const r = fold(register);
  return n === r || n.startsWith(`${r}-`) || n.startsWith(`${r}.`) || n === fold('backups');
}

// Whether `folder` is the backups folder beside the register or inside it: by identity
// (which sees through links and case), and by name for a file system that ignores case.
function inBackups(
  folder: string,
  register: { folder: BigIntStats | undefined; backups: BigIntStats | undefined },
  fold: (s: string) => string,
): boolean {
  for (let f = folder; ; f = dirname(f)) {
    if (sameFile(stats(f), register.backups)) return true;
    if (fold(basename(f)) === fold('backups') && sameFile(stats(dirname(f)), register.folder)) return true;
    if (dirname(f) === f) return false;
  }
}

/**
 * Why an export must not write `path`, given the register at `databasePath`: it is the
 * register or a file belonging to it, or it lies in the backups folder. Compared after
 * resolving links (of the folder, and of the target itself), by file identity where the
 * file exists, and without regard to case where the file system ignores it. Null if fine.
 */
export function protectedTarget(
  path: string,
  databasePath: string,
  options: ExportTargetOptions = {},
): 'path.isDatabase' | 'path.inBackups' | null {
  const db = resolve(databasePath);
  const target = stats(path);
  // A hard link, or a name the file system folds onto the register: the same file. The
  // audit head (audit-head.ts) too: overwritten, it would hide a rollback.
  if (
    ['', '-wal', '-shm', '-journal', '.audit-head'].some((suffix) => sameFile(target, stats(db + suffix)))
  ) {
    return 'path.isDatabase';
  }
  const registerExists = existsSync(db);
  for (const r of placesOf(db)) {
    const insensitive =
      options.caseInsensitive ?? probeCaseInsensitive(r.folder, registerExists ? r.name : undefined);
    const fold = (s: string) => (insensitive ? s.normalize('NFC').toLowerCase() : s.normalize('NFC'));
    const register = { folder: stats(r.folder), backups: stats(join(r.folder, 'backups')) };
    for (const t of placesOf(path)) {
      if (sameFile(stats(t.folder), register.folder) && isRegisterName(t.name, r.name, fold)) {
        return fold(t.name) === fold('backups') ? 'path.inBackups' : 'path.isDatabase';
      }
      if (inBackups(t.folder, register, fold)) return 'path.inBackups';
    }
  }
  return null;
}

/**
 * Everything wrong with `path` as a file for an export to (over)write, or null: it must
 * be absolute, in an existing folder, not a folder itself, and not protected.
 */
export function targetProblem(
  path: string,
  databasePath: string | undefined,
  options: ExportTargetOptions = {},
): TargetProblem | null {
  if (!isAbsolute(path)) return 'path.notAbsolute';
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) return 'path.folderMissing';
  const problem = databasePath === undefined ? null : protectedTarget(path, databasePath, options);
  if (problem) return problem;
  if (existsSync(path) && !statSync(path).isFile()) return 'path.notAFile';
  return null;
}

/** Throws invalid input naming `field` (nothing written) when `path` is no place for an export. */
export function checkExportTarget(
  path: string,
  databasePath: string | undefined,
  options: ExportTargetOptions = {},
  field = 'path',
): void {
  const problem = targetProblem(path, databasePath, options);
  if (problem) throw invalidInput([{ field, message: problem }]);
}

/** The file an open register lives in, absolute; undefined for an in-memory database. */
export function registerPathOf(db: Db): string | undefined {
  const name = db.name;
  return name === '' || name === ':memory:' || name.startsWith('file:') ? undefined : resolve(name);
}
