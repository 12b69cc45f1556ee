import type { Db } from '../types';
import { GENESIS_HASH, hashAuditRow, type AuditRow } from './audit';
import type { CardRow } from './cards';

/** The free-text columns of a card that may mention a person. */
export interface CardTexts {
  id: string;
  holder_hsa_id: string;
  holder_name: string;
  note: string;
  reason_text: string;
  violation_justification: string | null;
  void_reason: string | null;
}

/** New values for one card's personal and free-text columns. */
export type CardTextUpdate = Omit<CardTexts, 'id'> & { holder_name_key: string };

/** New JSON for one audit row; the hash chain is recomputed by `rewriteAudit`. */
export interface AuditJsonUpdate {
  before_json: string | null;
  after_json: string | null;
}

/**
 * SQL for the personal-data duties: finding holders past retention, pseudonymising their
 * cards, reading everything about one holder, and rewriting audit rows with the hash
 * chain recomputed. The only place that may change audit rows; it must run inside the
 * erasure's transaction.
 */
export interface PersonalDataRepository {
  /**
   * Runs `run` (a transaction) with secure_delete on, then rebuilds the file with VACUUM
   * and truncates the WAL: an UPDATE leaves the old text in free space inside pages and
   * in the WAL's old page images, and an erased name must not survive there.
   */
  withSecureDelete: <T>(run: () => T) => T;
  /** Holder HSA-ids (as stored) whose cards all ended before `cutoff`; pseudonyms excluded. */
  dueHolders: (cutoff: number, pseudonymPrefix: string) => string[];
  /** Every card's personal and free-text columns. */
  cardTexts: () => CardTexts[];
  /** Overwrites one card's personal and free-text columns. */
  updateCardTexts: (id: string, update: CardTextUpdate, at: number) => void;
  /** Every card of one holder, any case of the HSA-id, oldest first. */
  cardsOfHolder: (holderHsaId: string) => CardRow[];
  /** The whole audit log, oldest first. */
  auditRows: () => AuditRow[];
  /** Audit rows about these cards, or whose JSON mentions the HSA-id in any case; oldest first. */
  auditMentioning: (cardIds: readonly string[], holderHsaId: string) => AuditRow[];
  /** The newest audit row's seq and hash, or null for an empty log. */
  auditHead: () => { seq: number; hash: string } | null;
  /**
   * Replaces the JSON of some audit rows and recomputes the hash chain from the first
   * changed row on, so `verifyAudit` holds again. The append-only triggers are lifted
   * for this one transaction and put back exactly as they were.
   */
  rewriteAudit: (changes: ReadonlyMap<number, AuditJsonUpdate>) => void;
}

/** Prepares the personal-data statements of a connection. */
export function createPersonalDataRepository(db: Db): PersonalDataRepository {
  // A holder is due only when every card of theirs (any case of the HSA-id, voided ones
  // included) ended or expired before the cutoff, so a holder is never half erased.
  const due = db.prepare<{ cutoff: number; prefix: string }, { holder_hsa_id: string }>(
    `SELECT DISTINCT holder_hsa_id FROM cards WHERE lower(holder_hsa_id) IN (
       SELECT lower(holder_hsa_id) FROM cards
       WHERE substr(holder_hsa_id, 1, length(@prefix)) <> @prefix
       GROUP BY lower(holder_hsa_id)
       HAVING max(max(expires_at, coalesce(ended_at, 0))) < @cutoff)
     ORDER BY holder_hsa_id`,
  );
  const texts = db.prepare<[], CardTexts>(
    `SELECT id, holder_hsa_id, holder_name, note, reason_text, violation_justification, void_reason
     FROM cards ORDER BY id`,
  );
  const updateCard = db.prepare(
    `UPDATE cards SET holder_hsa_id = @holder_hsa_id, holder_name = @holder_name,
       holder_name_key = @holder_name_key, note = @note, reason_text = @reason_text,
       violation_justification = @violation_justification, void_reason = @void_reason,
       updated_at = @at
     WHERE id = @id`,
  );
  const ofHolder = db.prepare<[string], CardRow>(
    `SELECT c.*, o.name AS organisation_name FROM cards c
     JOIN organisations o ON o.hsa_id = c.organisation_hsa_id
     WHERE lower(c.holder_hsa_id) = lower(?) ORDER BY c.issued_at, c.id`,
  );
  const auditAll = db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY seq');
  // HSA-ids are ASCII, so SQLite's ASCII-only lower() finds every case of one.
  const mentioning = db.prepare<{ ids: string; needle: string }, AuditRow>(
    `SELECT * FROM audit_log
     WHERE (entity = 'card' AND entity_id IN (SELECT value FROM json_each(@ids)))
        OR instr(lower(coalesce(before_json, '')), @needle) > 0
        OR instr(lower(coalesce(after_json, '')), @needle) > 0
     ORDER BY seq`,
  );
  const auditFrom = db.prepare<[number], AuditRow>('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq');
  const hashAt = db.prepare<[number], { hash: string }>('SELECT hash FROM audit_log WHERE seq = ?');
  const head = db.prepare<[], { seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
  );
  const triggers = db.prepare<[], { name: string; sql: string }>(
    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log' ORDER BY name",
  );
  const updateAudit = db.prepare(
    `UPDATE audit_log SET before_json = @before_json, after_json = @after_json,
       prev_hash = @prev_hash, hash = @hash WHERE seq = @seq`,
  );

  return {
    withSecureDelete<T>(run: () => T): T {
      const before = db.pragma('secure_delete', { simple: true }) as number;
      db.pragma('secure_delete = ON');
      try {
        const result = run();
        db.exec('VACUUM');
        return result;
      } finally {
        db.pragma(`secure_delete = ${before ? 'ON' : 'OFF'}`);
        db.pragma('wal_checkpoint(TRUNCATE)');
      }
    },
    dueHolders: (cutoff: number, pseudonymPrefix: string): string[] =>
      due.all({ cutoff, prefix: pseudonymPrefix }).map((r) => r.holder_hsa_id),
    cardTexts: (): CardTexts[] => texts.all(),
    updateCardTexts: (id: string, update: CardTextUpdate, at: number): void =>
      void updateCard.run({ ...update, id, at }),
    cardsOfHolder: (holderHsaId: string): CardRow[] => ofHolder.all(holderHsaId),
    auditRows: (): AuditRow[] => auditAll.all(),
    auditMentioning: (cardIds: readonly string[], holderHsaId: string): AuditRow[] =>
      mentioning.all({ ids: JSON.stringify(cardIds), needle: holderHsaId.toLowerCase() }),
    auditHead: (): { seq: number; hash: string } | null => head.get() ?? null,

    rewriteAudit(changes: ReadonlyMap<number, AuditJsonUpdate>): void {
      if (!db.inTransaction) throw new Error('audit rows may only be rewritten inside a transaction');
      if (changes.size === 0) return;
      let from = Infinity;
      for (const seq of changes.keys()) from = Math.min(from, seq);
      const saved = triggers.all();
      for (const t of saved) db.exec(`DROP TRIGGER "${t.name.replace(/"/g, '""')}"`);
      let previous = from > 1 ? (hashAt.get(from - 1)?.hash ?? GENESIS_HASH) : GENESIS_HASH;
      for (const row of auditFrom.all(from)) {
        const change = changes.get(row.seq);
        const { hash: _old, ...content } = row;
        const next = {
          ...content,
          before_json: change ? change.before_json : row.before_json,
          after_json: change ? change.after_json : row.after_json,
          prev_hash: previous,
        };
        const hash = hashAuditRow(next);
        updateAudit.run({
          seq: row.seq,
          before_json: next.before_json,
          after_json: next.after_json,
          prev_hash: previous,
          hash,
        });
        previous = hash;
      }
      for (const t of saved) db.exec(t.sql);
    },
  };
}
