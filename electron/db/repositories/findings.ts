import type { Finding, RuleCard } from '../../../shared/rules';
import type { Db } from '../types';

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

/**
 * The history the rules read, exported so test/electron/perf/query-plans.test.ts can check
 * that each is an index lookup (cards_holder, cards_card_number), never a scan.
 */
export const HISTORY_SQL = {
  sameHolder: `SELECT ${RULE_COLUMNS} FROM cards WHERE holder_hsa_id = ? AND id <> ? AND voided_at IS NULL`,
  sameCardNumber: `SELECT ${RULE_COLUMNS} FROM cards WHERE card_number = ? AND id <> ? AND voided_at IS NULL`,
  // Batches take a JSON array of keys: one statement for hundreds of holders instead of a
  // call each, still one index lookup per key.
  holders: `SELECT ${RULE_COLUMNS} FROM cards
    WHERE holder_hsa_id IN (SELECT value FROM json_each(?)) AND voided_at IS NULL`,
  cardNumbers: `SELECT ${RULE_COLUMNS} FROM cards
    WHERE card_number IN (SELECT value FROM json_each(?)) AND voided_at IS NULL`,
} as const;

/** The indexes HISTORY_SQL reads through; an import keeps them while it bulk-loads. */
export const HISTORY_INDEXES = ['cards_holder', 'cards_card_number'] as const;

// Card ids per clearing statement: the JSON parameter stays a few kilobytes.
const CLEAR_PER_STATEMENT = 500;

/** A card's findings as stored: the code and its severity. */
export type StoredFinding = Pick<Finding, 'code' | 'severity'>;

/** SQL for what the rules read (through the holder and card-number indexes) and the stored findings. */
export interface FindingRepository {
  /** The rule view of a non-voided card, or undefined. */
  ruleCard: (id: string) => RuleCard | undefined;
  /** Other non-voided cards of a holder. */
  sameHolder: (holderHsaId: string, exceptId: string) => RuleCard[];
  /** Other non-voided cards with a card number. */
  sameCardNumber: (cardNumber: string, exceptId: string) => RuleCard[];
  /** Every non-voided card of some holders (a few hundred at a time). */
  cardsOfHolders: (holderHsaIds: readonly string[]) => RuleCard[];
  /** Every non-voided card of the register (for an import at least as large as the register). */
  allLiveCards: () => RuleCard[];
  /** Every non-voided card with some card numbers (a few hundred at a time). */
  cardsWithNumbers: (cardNumbers: readonly string[]) => RuleCard[];
  /** Ids of every non-voided card, oldest first. */
  liveIds: () => string[];
  /** The next `limit` holders after `after` (`''` to start), in HSA-id order. */
  holdersAfter: (after: string, limit: number) => string[];
  /** Replaces the stored findings of one card. */
  replace: (cardId: string, findings: readonly StoredFinding[]) => void;
  /**
   * Replaces the stored findings of many cards: clears the old ones a few hundred cards
   * per statement, then inserts every new row in key order. `fresh` marks cards stored
   * in this transaction, which have none to clear.
   */
  replaceMany: (
    results: readonly { cardId: string; findings: readonly StoredFinding[]; fresh?: boolean }[],
  ) => void;
  /** The stored codes and severities of one card, violations first. */
  storedFor: (cardId: string) => { code: string; severity: string }[];
}

/** Prepares the statements of the rules' reads and the stored findings of a connection. */
export function createFindingRepository(db: Db): FindingRepository {
  const card = db.prepare<[string], RuleRow>(
    `SELECT ${RULE_COLUMNS} FROM cards WHERE id = ? AND voided_at IS NULL`,
  );
  const byHolder = db.prepare<[string, string], RuleRow>(HISTORY_SQL.sameHolder);
  const byNumber = db.prepare<[string, string], RuleRow>(HISTORY_SQL.sameCardNumber);
  const ofHolders = db.prepare<[string], RuleRow>(HISTORY_SQL.holders);
  const withNumbers = db.prepare<[string], RuleRow>(HISTORY_SQL.cardNumbers);
  const allLive = db.prepare<[], RuleRow>(`SELECT ${RULE_COLUMNS} FROM cards WHERE voided_at IS NULL`);
  const liveIds = db.prepare<[], { id: string }>(
    'SELECT id FROM cards WHERE voided_at IS NULL ORDER BY issued_at, id',
  );
  // Pages of holders in index order (cards_holder), so a full recompute never holds the
  // whole register in memory.
  const holdersAfter = db.prepare<[string, number], { holder_hsa_id: string }>(
    'SELECT DISTINCT holder_hsa_id FROM cards WHERE holder_hsa_id > ? ORDER BY holder_hsa_id LIMIT ?',
  );
  const clear = db.prepare<[string]>('DELETE FROM card_findings WHERE card_id = ?');
  const insert = db.prepare<[string, string, string]>(
    'INSERT INTO card_findings (card_id, code, severity) VALUES (?, ?, ?)',
  );
  const clearMany = db.prepare<[string]>(
    'DELETE FROM card_findings WHERE card_id IN (SELECT value FROM json_each(?))',
  );
  const stored = db.prepare<[string], { code: string; severity: string }>(
    'SELECT code, severity FROM card_findings WHERE card_id = ? ORDER BY severity, code',
  );
  return {
    ruleCard: (id: string): RuleCard | undefined => {
      const row = card.get(id);
      return row ? toRuleCard(row) : undefined;
    },
    sameHolder: (holderHsaId: string, exceptId: string): RuleCard[] =>
      byHolder.all(holderHsaId, exceptId).map(toRuleCard),
    sameCardNumber: (cardNumber: string, exceptId: string): RuleCard[] =>
      byNumber.all(cardNumber, exceptId).map(toRuleCard),
    cardsOfHolders: (holderHsaIds: readonly string[]): RuleCard[] =>
      ofHolders.all(JSON.stringify(holderHsaIds)).map(toRuleCard),
    allLiveCards: (): RuleCard[] => allLive.all().map(toRuleCard),
    cardsWithNumbers: (cardNumbers: readonly string[]): RuleCard[] =>
      withNumbers.all(JSON.stringify(cardNumbers)).map(toRuleCard),
    liveIds: (): string[] => liveIds.all().map((r) => r.id),
    holdersAfter: (after: string, limit: number): string[] =>
      holdersAfter.all(after, limit).map((r) => r.holder_hsa_id),
    replace(cardId: string, findings: readonly StoredFinding[]): void {
      clear.run(cardId);
      for (const f of findings) insert.run(cardId, f.code, f.severity);
    },
    replaceMany(results): void {
      const stale = results.filter((r) => !r.fresh).map((r) => r.cardId);
      for (let i = 0; i < stale.length; i += CLEAR_PER_STATEMENT) {
        clearMany.run(JSON.stringify(stale.slice(i, i + CLEAR_PER_STATEMENT)));
      }
      // In key order: inserting at random places in the table and its index was five times
      // slower (measured), and card ids are random.
      const rows = results.flatMap((r) => r.findings.map((f) => [r.cardId, f.code, f.severity] as const));
      rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : 1));
      for (const [cardId, code, severity] of rows) insert.run(cardId, code, severity);
    },
    storedFor: (cardId: string) => stored.all(cardId),
  };
}
