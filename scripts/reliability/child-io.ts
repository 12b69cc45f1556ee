import { writeSync } from 'node:fs';

/**
 * Writes one line to stdout synchronously, before returning. A child reports that a
 * commit or a file write finished only through this, so a line the parent reads is a
 * promise the data is there; a kill can cut off at most a line never promised.
 */
export function reportLine(line: string): void {
  const bytes = Buffer.from(`${line}\n`, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(1, bytes, offset, bytes.length - offset);
    } catch (error) {
      // A non-blocking pipe that is momentarily full: the parent is reading, try again.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}

/** A small seeded generator (mulberry32), so a failing round can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
