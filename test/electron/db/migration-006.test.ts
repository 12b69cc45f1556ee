import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/db/migrations';
import { migration006 } from '../../../electron/db/migrations/006-register-search';
import { openDatabase } from '../../../electron/db/open';
import { tempDir } from '../../fixtures/cards';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const indexColumns = (db: Database.Database, name: string) =>
  db
    .prepare<[string], { name: string }>('SELECT name FROM pragma_index_info(?) ORDER BY seqno')
    .all(name)
    .map((c) => c.name);

describe('migration 006', () => {
  it('widens cards_issued_at with the folded name and the holder, keeping every card', () => {
    const file = join(dir, 'k.db');
    const old = new Database(file);
    for (const m of MIGRATIONS.filter((m) => m.version < 6)) old.exec(m.up);
    old.pragma('user_version = 5');
    old.prepare("INSERT INTO organisations VALUES ('SE2321000016-A1B2', 'Region', 0)").run();
    old
      .prepare(
        `INSERT INTO cards (id, organisation_hsa_id, assurance_level, card_number, holder_hsa_id, holder_name,
          holder_name_key, holder_id_type, unplanned_personnel, issued_at, expires_at, reason_code, issued_by,
          created_at, updated_at) VALUES ('c1', 'SE2321000016-A1B2', 3, '9752210000000000001', 'SE2321000016-H1',
          'Åsa Öberg', 'åsa öberg', 'personnummer', NULL, 10, 20, 'forgotten-card', '["a","b"]', 0, 0)`,
      )
      .run();
    expect(indexColumns(old, 'cards_issued_at')).toEqual(['issued_at']);
    old.close();

    const db = openDatabase(file, { backupDir: join(dir, 'backups') });
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(migration006.version);
    expect(indexColumns(db, 'cards_issued_at')).toEqual(['issued_at', 'holder_name_key', 'holder_hsa_id']);
    expect(db.prepare('SELECT id FROM cards INDEXED BY cards_issued_at WHERE issued_at >= 0').all()).toEqual([
      { id: 'c1' },
    ]);
    db.close();
  });
});
