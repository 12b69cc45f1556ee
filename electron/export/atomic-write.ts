import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The file-system calls an atomic write makes; tests pass a failing one. */
export type AtomicWriteFs = Pick<
  typeof nodeFs,
  'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'unlinkSync'
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

/**
 * Writes a file so that readers see either the old content or the whole new content,
 * never a part: the bytes go to a temporary file in the same folder (so the rename stays
 * on one file system), which is fsynced and then renamed over the target; finally the
 * folder is fsynced. On any error the temporary file is removed and the target is left
 * exactly as it was.
 */
export function writeFileAtomic(target: string, data: string | Uint8Array, fs: AtomicWriteFs = nodeFs): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const temp = tempPathFor(target);
  let fd: number | undefined;
  let created = false;
  try {
    // 'wx': never follow or reuse something already lying at the temporary name.
    fd = fs.openSync(temp, 'wx', 0o666);
    created = true;
    writeAll(fs, fd, bytes);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, target);
    created = false;
  } catch (error) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // The write already failed; that error is the one to report.
      }
    }
    if (created) {
      try {
        fs.unlinkSync(temp);
      } catch {
        // Nothing more to do: the temp name is unique and hidden, the target untouched.
      }
    }
    throw error;
  }
  syncFolder(dirname(target));
}
