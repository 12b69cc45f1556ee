import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';

/** SHA-256 of a file, to prove it was not written to. */
export function fileHash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** The 1-based page numbers of the b-tree roots of the named tables or indexes. */
export function rootPages(path: string, names: readonly string[]): number[] {
  const db = new Database(path, { readonly: true });
  try {
    const stmt = db.prepare<[string], { rootpage: number }>(
      'SELECT rootpage FROM sqlite_master WHERE name = ?',
    );
    return names.map((name) => {
      const row = stmt.get(name);
      if (!row) throw new Error(`no b-tree called ${name}`);
      return row.rootpage;
    });
  } finally {
    db.close();
  }
}

/**
 * Flips the first bytes of the given pages (the b-tree page header: type, freeblock,
 * cell count), the way a bad sector or a stray write would. The file header stays
 * intact, so SQLite opens the file and quick_check reports the broken pages.
 */
export function flipPageHeaders(path: string, pages: readonly number[], pageSize = 4096): void {
  const fd = openSync(path, 'r+');
  try {
    for (const page of pages) {
      const offset = (page - 1) * pageSize;
      const bytes = Buffer.alloc(8);
      readSync(fd, bytes, 0, bytes.length, offset);
      for (let i = 0; i < bytes.length; i++) bytes[i] = bytes[i]! ^ 0xa5;
      writeSync(fd, bytes, 0, bytes.length, offset);
    }
  } finally {
    closeSync(fd);
  }
}

/** Overwrites the 16-byte "SQLite format 3" magic: SQLite no longer sees a database at all. */
export function breakFileHeader(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.alloc(16, 0x5a), 0, 16, 0);
  } finally {
    closeSync(fd);
  }
}
