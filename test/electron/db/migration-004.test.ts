import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migration001 } from '../../../electron/db/migrations/001-initial';
import { migration004 } from '../../../electron/db/migrations/004-review-index';
import { openDatabase } from '../../../electron/db/open';
import { createCardRepository } from '../../../electron/db/repositories/cards';
import { tempDir } from '../../fixtures/cards';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('migration 004', () => {
  it('indexes only open cards by expiry', () => {
    const db = new Database(join(dir, 'k.db'));
    db.exec(migration001.up);
    db.exec(migration004.up);
    const index = db
      .prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'cards_open_by_expiry'")
      .get();
    expect(index?.sql).toMatch(/WHERE voided_at IS NULL AND ended_at IS NULL/);
    db.close();
  });

  it('serves both review lists from the index, not a table scan', () => {
    const db = openDatabase(join(dir, 'k.db'));
    createCardRepository(db); // the statements prepare only if the index exists
    const plan = (sql: string) =>
      db
        .prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all()
        .map((r) => r.detail)
        .join('\n');
    const open = 'SELECT id FROM cards WHERE voided_at IS NULL AND ended_at IS NULL';
    expect(plan(`${open} AND expires_at > 1 AND expires_at <= 2 ORDER BY expires_at, id`)).toMatch(
      /SEARCH cards USING (COVERING )?INDEX cards_open_by_expiry \(expires_at>\? AND expires_at<\?\)/,
    );
    expect(plan(`${open} AND expires_at <= 2 ORDER BY expires_at, id`)).toMatch(
      /SEARCH cards USING (COVERING )?INDEX cards_open_by_expiry \(expires_at<\?\)/,
    );
    db.close();
  });
});
