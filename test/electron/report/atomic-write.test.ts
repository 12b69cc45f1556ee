import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, type AtomicWriteFs } from '../../../electron/export/atomic-write';
import { tempDir } from '../../fixtures/cards';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const diskFull = () => Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });

/** The real file system, except that one call fails. */
function failing(call: keyof AtomicWriteFs): AtomicWriteFs {
  const real: AtomicWriteFs = fs;
  const broken: AtomicWriteFs = { ...real };
  if (call === 'writeSync') {
    // Half of the bytes reach the temporary file, then the disk is full.
    broken.writeSync = ((fd: number, buffer: Uint8Array, offset: number, length: number) => {
      const half = Math.max(1, Math.floor(length / 2));
      if (offset === 0) return real.writeSync(fd, buffer, offset, half);
      throw diskFull();
    }) as AtomicWriteFs['writeSync'];
  } else {
    broken[call] = () => {
      throw diskFull();
    };
  }
  return broken;
}

describe('writeFileAtomic', () => {
  it('writes a new file and replaces an old one, leaving nothing else behind', () => {
    const target = join(dir, 'rapport.json');
    writeFileAtomic(target, 'första');
    writeFileAtomic(target, new TextEncoder().encode('andra – å'));
    expect(fs.readFileSync(target, 'utf8')).toBe('andra – å');
    expect(fs.readdirSync(dir)).toEqual(['rapport.json']);
  });

  it.each(['writeSync', 'fsyncSync', 'renameSync'] as const)(
    'when %s fails, keeps the previous file intact and removes the temporary file',
    (call) => {
      const target = join(dir, 'rapport.xlsx');
      fs.writeFileSync(target, 'den gamla rapporten');
      expect(() => writeFileAtomic(target, 'x'.repeat(100_000), failing(call))).toThrow(/ENOSPC/);
      expect(fs.readFileSync(target, 'utf8')).toBe('den gamla rapporten');
      expect(fs.readdirSync(dir)).toEqual(['rapport.xlsx']);
    },
  );

  it('leaves no file at all when there was none and the write fails', () => {
    expect(() => writeFileAtomic(join(dir, 'ny.csv'), 'abc', failing('writeSync'))).toThrow();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('cleans up when the rename is refused for real (the target is a folder)', () => {
    const target = join(dir, 'mapp');
    fs.mkdirSync(target);
    fs.writeFileSync(join(target, 'inne.txt'), 'kvar');
    expect(() => writeFileAtomic(target, 'abc')).toThrow();
    expect(fs.readdirSync(dir)).toEqual(['mapp']);
    expect(fs.readFileSync(join(target, 'inne.txt'), 'utf8')).toBe('kvar');
  });
});
