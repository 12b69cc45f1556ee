import type { Db } from '../types';

interface IndexListRow {
  name: string;
  unique: 0 | 1;
  origin: string;
}

// The tables an import writes a row per card to.
const BULK_TABLES = ['cards', 'audit_log', 'card_findings'] as const;

/**
 * Bulk loading: a large import into a small register is several times faster when the
 * secondary indexes of the tables it fills are built once, sorted, after the rows are in,
 * than when every row updates each B-tree at a random place (card ids are random). Only
 * plain (non-unique) indexes made by CREATE INDEX are suspended, so no constraint goes
 * unchecked; primary keys stay for the id lookups.
 */
export interface BulkRepository {
  /** Number of cards in the register (every row, voided included). */
  cardCount: () => number;
  /**
   * Drops the plain secondary indexes of cards, audit_log and card_findings, except those
   * named in `keep` (which the import reads through while it loads), and returns the
   * function that recreates them exactly as they were. Call both inside one transaction,
   * so a failure anywhere rolls the schema back with the data.
   */
  suspendIndexes: (keep?: readonly string[]) => () => void;
}

/** Prepares the bulk-loading statements of a connection. */
export function createBulkRepository(db: Db): BulkRepository {
  const indexList = db.prepare<[string], IndexListRow>(
    'SELECT name, "unique", origin FROM pragma_index_list(?)',
  );
  const indexSql = db.prepare<[string], { sql: string }>(
    "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?",
  );
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM cards');
  return {
    cardCount: (): number => count.get()!.n,
    suspendIndexes(keep: readonly string[] = []): () => void {
      if (!db.inTransaction) throw new Error('indexes may only be suspended inside a transaction');
      const suspended = BULK_TABLES.flatMap((table) => indexList.all(table))
        .filter((index) => index.origin === 'c' && index.unique === 0 && !keep.includes(index.name))
        .map((index) => ({ name: index.name, sql: indexSql.get(index.name)!.sql }));
      for (const index of suspended) db.exec(`DROP INDEX "${index.name.replace(/"/g, '""')}"`);
      return () => {
        for (const index of suspended) db.exec(index.sql);
      };
    },
  };
}
