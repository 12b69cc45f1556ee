import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** True when this process may mount file systems (root in the CI container). */
export const canMount = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'kortliggaren-mount-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
})();

/** A folder that the file system refuses to write, and the way back. */
export interface ReadOnlyFolder {
  path: string;
  release: () => void;
}

/**
 * `folder` seen read-only. As root (which ignores permission bits) it is a read-only bind
 * mount of the folder, so writes fail with EROFS just as on a write-protected share;
 * otherwise the folder itself loses its write bits. Undefined when neither is possible.
 */
export function readOnlyView(folder: string): ReadOnlyFolder | undefined {
  if (canMount) {
    const view = mkdtempSync(join(tmpdir(), 'kortliggaren-ro-'));
    execFileSync('mount', ['--bind', folder, view]);
    execFileSync('mount', ['-o', 'remount,bind,ro', view]);
    return {
      path: view,
      release: () => {
        execFileSync('umount', [view]);
        rmSync(view, { recursive: true, force: true });
      },
    };
  }
  if (process.platform === 'win32' || process.getuid?.() === 0) return undefined;
  chmodSync(folder, 0o555);
  return { path: folder, release: () => chmodSync(folder, 0o755) };
}

/** A small disk of its own (tmpfs) that a test can fill to the last byte. */
export interface SmallDisk {
  path: string;
  /** Writes a filler file until the disk refuses (ENOSPC). */
  fill: () => void;
  /** Removes the filler again. */
  free: () => void;
  release: () => void;
}

/** A tmpfs of `sizeKb` kilobytes, or undefined where mounting is not possible. */
export function smallDisk(sizeKb: number): SmallDisk | undefined {
  if (!canMount) return undefined;
  const path = mkdtempSync(join(tmpdir(), 'kortliggaren-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', path]);
  mkdirSync(join(path, 'data'));
  const filler = join(path, 'filler.bin');
  return {
    path: join(path, 'data'),
    fill() {
      const fd = openSync(filler, 'a');
      const block = Buffer.alloc(4096, 0xaa);
      try {
        for (;;) writeSync(fd, block);
      } catch (error) {
        if ((error as { code?: unknown }).code !== 'ENOSPC') throw error;
      } finally {
        closeSync(fd);
      }
    },
    free() {
      rmSync(filler, { force: true });
    },
    release() {
      execFileSync('umount', [path]);
      rmSync(path, { recursive: true, force: true });
    },
  };
}
