import type { Finding, RuleCard } from '../../../shared/rules';
import type { Db } from '../open';

interface RuleRow {
  id: string;
  assurance_level: 2 | 3;
  card_number: string;
  holder_hsa_id: string;
  holder_id_type: RuleCard['holderIdType'];
  unplanned_personnel: 0 | 1 | null;
  issued_at: number;
  expires_at: number;
  issued_by: string;
  ended_at: number | null;
}

const RULE_COLUMNS = `id, assurance_level, card_number, holder_hsa_id, holder_id_type, unplanned_personnel,
  issued_at, expires_at, issued_by, ended_at`;

/** Converts a stored row to the shape the rules read. */
export function toRuleCard(r: RuleRow): RuleCard {
  return {
    id: r.id,
    assuranceLevel: r.assurance_level,
    cardNumber: r.card_number,
    holderHsaId: r.holder_hsa_id,
    holderIdType: r.holder_id_type,
    unplannedPersonnel: r.unplanned_personnel === null ? null : r.unplanned_personnel === 1,
    issuedAt: r.issued_at,
    expiresAt: r.expires_at,
    issuedBy: JSON.parse(r.issued_by) as string[],
    endedAt: r.ended_at,
  };
}

/** SQL for what the rules read (through the holder and card-number indexes) and the stored findings. */
export function createFindingRepository(db: Db) {
  const card = db.prepare<[string], RuleRow>(
    `SELECT ${RULE_COLUMNS} FROM cards WHERE id = ? AND voided_at IS NULL`,
  );
  const byHolder = db.prepare<[string, string], RuleRow>(
    `SELECT ${RULE_COLUMNS} FROM cards WHERE holder_hsa_id = ? AND id <> ? AND voided_at IS NULL`,
  );
  const byNumber = db.prepare<[string, string], RuleRow>(
    `SELECT ${RULE_COLUMNS} FROM cards WHERE card_number = ? AND id <> ? AND voided_at IS NULL`,
  );
  const liveIds = db.prepare<[], { id: string }>(
    'SELECT id FROM cards WHERE voided_at IS NULL ORDER BY issued_at, id',
  );
  const clear = db.prepare<[string]>('DELETE FROM card_findings WHERE card_id = ?');
  const insert = db.prepare<[string, string, string]>(
    'INSERT INTO card_findings (card_id, code, severity) VALUES (?, ?, ?)',
  );
  const stored = db.prepare<[string], { code: string; severity: string }>(
    'SELECT code, severity FROM card_findings WHERE card_id = ? ORDER BY severity, code',
  );
  return {
    /** The rule view of a non-voided card, or undefined. */
    ruleCard: (id: string): RuleCard | undefined => {
      const row = card.get(id);
      return row ? toRuleCard(row) : undefined;
    },
    /** Other non-voided cards of a holder. */
    sameHolder: (holderHsaId: string, exceptId: string): RuleCard[] =>
      byHolder.all(holderHsaId, exceptId).map(toRuleCard),
    /** Other non-voided cards with a card number. */
    sameCardNumber: (cardNumber: string, exceptId: string): RuleCard[] =>
      byNumber.all(cardNumber, exceptId).map(toRuleCard),
    /** Ids of every non-voided card, oldest first. */
    liveIds: (): string[] => liveIds.all().map((r) => r.id),
    /** Replaces the stored findings of one card. */
    replace(cardId: string, findings: readonly Pick<Finding, 'code' | 'severity'>[]): void {
      clear.run(cardId);
      for (const f of findings) insert.run(cardId, f.code, f.severity);
    },
    /** The stored codes and severities of one card. */
    storedFor: (cardId: string) => stored.all(cardId),
  };
}
