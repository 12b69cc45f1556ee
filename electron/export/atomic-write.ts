import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The file-system calls an atomic write makes; tests pass a failing one. */
export type AtomicWriteFs = Pick<
  typeof nodeFs,
  | 'openSync'
  | 'writeSync'
  | 'fsyncSync'
  | 'closeSync'
  | 'renameSync'
  | 'unlinkSync'
  | 'linkSync'
  | 'copyFileSync'
>;

/** The temporary name beside a target: hidden, unique, recognisably ours. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

function writeAll(fs: AtomicWriteFs, fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) {
    const written = fs.writeSync(fd, bytes, offset, bytes.length - offset);
    if (written <= 0) throw new Error('write made no progress');
    offset += written;
  }
}

// After the rename, the directory entry must reach the disk too, or a power cut could
// bring back the old file (or none). Windows cannot open a folder for fsync; NTFS
// journals the rename itself.
function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  const fd = nodeFs.openSync(folder, 'r');
  try {
    nodeFs.fsyncSync(fd);
  } finally {
    nodeFs.closeSync(fd);
  }
}

// Writes one temporary file completely and durably; on failure it is removed again.
function writeTemp(fs: AtomicWriteFs, target: string, bytes: Uint8Array): string {
  const temp = tempPathFor(target);
  // 'wx': never follow or reuse something already lying at the temporary name.
  const fd = fs.openSync(temp, 'wx', 0o666);
  try {
    writeAll(fs, fd, bytes);
    fs.fsyncSync(fd);
  } catch (error) {
    closeQuietly(fs, fd);
    removeQuietly(fs, temp);
    throw error;
  }
  try {
    fs.closeSync(fd);
  } catch (error) {
    removeQuietly(fs, temp);
    throw error;
  }
  return temp;
}

function closeQuietly(fs: AtomicWriteFs, fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // The write already failed; that error is the one to report.
  }
}

function removeQuietly(fs: AtomicWriteFs, path: string): void {
  try {
    fs.unlinkSync(path);
  } catch {
    // Nothing more to do: the name is unique and hidden, the target untouched.
  }
}

// A second name for the previous file, so a pair that fails half-way can be put back.
// A hard link costs nothing; where links are not supported (FAT, some shares), a copy.
function keepPrevious(fs: AtomicWriteFs, target: string): string | null {
  const kept = tempPathFor(target);
  try {
    fs.linkSync(target, kept);
    return kept;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
  }
  try {
    fs.copyFileSync(target, kept, nodeFs.constants.COPYFILE_EXCL);
    return kept;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Nothing to keep; or a folder, which is never replaced either: the rename over it fails.
    if (code === 'ENOENT' || code === 'EISDIR') return null;
    throw error;
  }
}

/** One file of an all-or-nothing write. */
export interface AtomicFile {
  path: string;
  data: string | Uint8Array;
}

/**
 * Writes several files as one: either every target gets its whole new content, or every
 * target is left as it was (SPEC §5: the two files of a CSV export). All temporary files
 * are written and fsynced first; the previous targets get a hidden second name; then the
 * temporaries are renamed over the targets one by one. If a rename fails, the targets
 * already replaced are renamed back to their previous files (or removed, when there was
 * none) and the error is thrown. Each rename is atomic, so even a crash between two
 * renames leaves every file whole (old or new); the hidden names it may leave are never
 * read. With one file this is the plain atomic write.
 */
export function writeFilesAtomic(files: readonly AtomicFile[], fs: AtomicWriteFs = nodeFs): void {
  const temps: string[] = [];
  const previous: (string | null)[] = [];
  let renamed = 0;
  try {
    for (const file of files) {
      const bytes = typeof file.data === 'string' ? Buffer.from(file.data, 'utf8') : file.data;
      temps.push(writeTemp(fs, file.path, bytes));
    }
    if (files.length > 1) for (const file of files) previous.push(keepPrevious(fs, file.path));
    for (const [i, file] of files.entries()) {
      fs.renameSync(temps[i]!, file.path);
      renamed++;
    }
  } catch (error) {
    for (let i = 0; i < renamed; i++) {
      const kept = previous[i];
      try {
        if (kept) fs.renameSync(kept, files[i]!.path);
        else fs.unlinkSync(files[i]!.path);
      } catch {
        // Could not put it back: the new file stays, whole; the first error is the one to report.
      }
    }
    for (const temp of temps.slice(renamed)) removeQuietly(fs, temp);
    for (const kept of previous) if (kept) removeQuietly(fs, kept);
    throw error;
  }
  for (const kept of previous) if (kept) removeQuietly(fs, kept);
  for (const folder of new Set(files.map((f) => dirname(f.path)))) syncFolder(folder);
}

/**
 * Writes a file so that readers see either the old content or the whole new content,
 * never a part: the bytes go to a temporary file in the same folder (so the rename stays
 * on one file system), which is fsynced and then renamed over the target; finally the
 * folder is fsynced. On any error the temporary file is removed and the target is left
 * exactly as it was.
 */
export function writeFileAtomic(target: string, data: string | Uint8Array, fs: AtomicWriteFs = nodeFs): void {
  writeFilesAtomic([{ path: target, data }], fs);
}
