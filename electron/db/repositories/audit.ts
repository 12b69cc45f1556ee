import { createHash } from 'node:crypto';
import type { Db } from '../types';

export interface AuditEntry {
  at: number;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditRow {
  seq: number;
  at: number;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

/** The hash of the first row's predecessor. */
export const GENESIS_HASH = '0'.repeat(64);

// The row's columns in the order they are hashed and inserted (never reorder: the order is
// part of every stored hash).
function hashedColumns(row: Omit<AuditRow, 'hash'>) {
  return [
    row.seq,
    row.at,
    row.actor,
    row.action,
    row.entity,
    row.entity_id,
    row.before_json,
    row.after_json,
    row.prev_hash,
  ] as const;
}

/** The hash of one audit row: over its own content and the previous row's hash. */
export function hashAuditRow(row: Omit<AuditRow, 'hash'>): string {
  return createHash('sha256')
    .update(JSON.stringify(hashedColumns(row)), 'utf8')
    .digest('hex');
}

/**
 * SQL for the append-only audit log. Appending must happen inside the same transaction
 * as the change it records, so the two land or fail together.
 */
export interface AuditRepository {
  /** Appends one entry chained to the previous one. Call inside the change's transaction. */
  append: (entry: AuditEntry) => void;
  /**
   * An append for one long transaction (an import of 100 000 cards): the chain's end is
   * read once and then carried along instead of read back for every entry. Use it for
   * every entry of that transaction and for nothing after it.
   */
  transactionAppender: () => (entry: AuditEntry) => void;
  /** Entries about one entity, oldest first. */
  listFor: (entity: string, entityId: string) => AuditRow[];
  /** Number of entries. */
  count: () => number;
}

/** Prepares the audit log's statements of a connection. */
export function createAuditRepository(db: Db): AuditRepository {
  const last = db.prepare<[], { seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
  );
  // Positional parameters: cheaper to bind than named ones, for one entry per imported card.
  const insert = db.prepare<unknown[]>(
    `INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const forEntity = db.prepare<[string, string], AuditRow>(
    'SELECT * FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY seq',
  );
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM audit_log');
  // Builds, hashes and stores the entry after `previous` (the chain's end); returns the new end.
  const appendAfter = (previous: { seq: number; hash: string } | undefined, entry: AuditEntry) => {
    const row: Omit<AuditRow, 'hash'> = {
      seq: (previous?.seq ?? 0) + 1,
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      before_json: entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before),
      after_json: entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after),
      prev_hash: previous?.hash ?? GENESIS_HASH,
    };
    const hash = hashAuditRow(row);
    insert.run(...hashedColumns(row), hash);
    return { seq: row.seq, hash };
  };
  return {
    append(entry: AuditEntry): void {
      if (!db.inTransaction) throw new Error('audit entries must be written inside a transaction');
      appendAfter(last.get(), entry);
    },
    transactionAppender(): (entry: AuditEntry) => void {
      if (!db.inTransaction) throw new Error('audit entries must be written inside a transaction');
      let end = last.get();
      return (entry) => {
        end = appendAfter(end, entry);
      };
    },
    listFor(entity: string, entityId: string): AuditRow[] {
      return forEntity.all(entity, entityId);
    },
    count(): number {
      return count.get()!.n;
    },
  };
}
