import type { AuditEntryOut, AuditQuery } from '../../shared/domain/lifecycle';
import { formatInstant } from '../../shared/time/stockholm';
import type { AuditListEntry } from '../../shared/ipc/contract';
import { readTransaction } from '../db/write-transaction';
import { GENESIS_HASH, hashAuditRow } from '../db/repositories/audit';
import type { ServiceContext } from './context';

/** Why the chain is broken at a row. */
export type AuditBreak =
  /** The row's content no longer gives its stored hash: it was changed after it was written. */
  | 'hash-mismatch'
  /** The row does not point at the row before it: a row was removed or inserted. */
  | 'prev-hash-mismatch'
  /** Sequence numbers skip: a row in between was removed. */
  | 'seq-gap'
  /** Rows at the end were removed (the table handed out higher numbers than it holds). */
  | 'rows-missing-at-end';

/** The outcome of `verifyAudit`: the number of rows checked, or the first broken one and why. */
export type AuditVerification =
  { ok: true; rows: number } | { ok: false; firstBrokenSeq: number; reason: AuditBreak };

/**
 * Walks the audit log in seq order, recomputing every row's hash and checking that each
 * row points at its predecessor's hash. The triggers stop ordinary UPDATE and DELETE;
 * this catches what gets past them (a file edited with the triggers dropped).
 */
export function verifyAudit(ctx: Pick<ServiceContext, 'db' | 'auditReader'>): AuditVerification {
  const reader = ctx.auditReader;
  // One read transaction: a consistent snapshot even while the desk keeps working.
  return readTransaction(ctx.db, (): AuditVerification => {
    let expectedSeq = 1;
    let previousHash = GENESIS_HASH;
    let rows = 0;
    for (const row of reader.iterate()) {
      const { hash, ...content } = row;
      if (row.seq !== expectedSeq) return { ok: false, firstBrokenSeq: expectedSeq, reason: 'seq-gap' };
      if (hashAuditRow(content) !== hash)
        return { ok: false, firstBrokenSeq: row.seq, reason: 'hash-mismatch' };
      if (row.prev_hash !== previousHash) {
        return { ok: false, firstBrokenSeq: row.seq, reason: 'prev-hash-mismatch' };
      }
      previousHash = hash;
      expectedSeq++;
      rows++;
    }
    if (reader.highestSeq() >= expectedSeq) {
      return { ok: false, firstBrokenSeq: expectedSeq, reason: 'rows-missing-at-end' };
    }
    return { ok: true, rows };
  });
}

function parseJson(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}

/**
 * A page of the audit log for the UI, newest first, each entry with the card or
 * organisation it is about; one card's history when `cardId` is given.
 */
export function listAudit(ctx: ServiceContext, query: AuditQuery): AuditListEntry[] {
  const entity = query.cardId ? { entity: 'card', id: query.cardId.toLowerCase() } : undefined;
  const entries = ctx.auditReader.page(query.limit, query.offset, entity).map((row): AuditEntryOut => ({
    seq: row.seq,
    at: formatInstant(row.at),
    actor: row.actor,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    before: parseJson(row.before_json),
    after: parseJson(row.after_json),
  }));
  return ctx.auditReader.withSubjects(entries);
}
