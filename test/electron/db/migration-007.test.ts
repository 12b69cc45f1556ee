import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/db/migrations';
import { migration007 } from '../../../electron/db/migrations/007-register-identity';
import { openDatabase } from '../../../electron/db/open';
import { readRegisterId } from '../../../electron/db/register-identity';
import { tempDir } from '../../fixtures/cards';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('migration 007', () => {
  it('gives an existing register a random UUID (v4) as its identity, once', () => {
    const file = join(dir, 'k.db');
    const old = new Database(file);
    for (const m of MIGRATIONS.filter((m) => m.version < 7)) old.exec(m.up);
    old.pragma('user_version = 6');
    expect(readRegisterId(old)).toBeNull();
    old.close();

    const db = openDatabase(file, { backupDir: join(dir, 'backups') });
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(migration007.version);
    const id = readRegisterId(db);
    expect(id).toMatch(UUID_V4);
    db.close();
    // Opened again, it keeps the identity it got.
    const again = openDatabase(file, { backupDir: join(dir, 'backups') });
    expect(readRegisterId(again)).toBe(id);
    again.close();
  });

  it('makes a different identity for every register, in every form of the UUID', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const db = new Database(':memory:');
      db.exec(migration007.up);
      const id = readRegisterId(db);
      db.close();
      expect(id).toMatch(UUID_V4);
      ids.add(id!);
    }
    expect(ids.size).toBe(200);
    // The variant digit takes all four of its values.
    expect(new Set([...ids].map((id) => id[19])).size).toBe(4);
  });
});
