import type { CardRecord, CardValues } from '../../../shared/domain/card';
import type { EndReason, HolderIdType, ReasonCode } from '../../../shared/domain/reason-codes';
import type { CardListQuery } from '../../../shared/ipc/contract';
import type { FindingCode, Severity } from '../../../shared/rules/types';
import { formatInstant } from '../../../shared/time/stockholm';
import type { Db } from '../types';
import { CARD_SELECT, createCardLister } from './card-list';

/** A row of the cards table joined with its organisation's name. */
export interface CardRow {
  id: string;
  organisation_hsa_id: string;
  organisation_name: string;
  assurance_level: 2 | 3;
  card_number: string;
  holder_hsa_id: string;
  holder_name: string;
  holder_id_type: HolderIdType;
  unplanned_personnel: 0 | 1 | null;
  issued_at: number;
  expires_at: number;
  reason_code: ReasonCode;
  reason_text: string;
  issued_by: string;
  extends_card_id: string | null;
  ended_at: number | null;
  end_reason: EndReason | null;
  note: string;
  violation_justification: string | null;
  voided_at: number | null;
  void_reason: string | null;
  created_at: number;
}

/** A card to store: validated values with a definite id. */
export type NewCard = CardValues & { id: string };

const SELECT = CARD_SELECT;

/** The key that case-insensitive search and sorting of holder names use. */
export function foldName(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('sv');
}

/** Converts a stored row to what the UI and CLI see. */
export function toCardRecord(row: CardRow): CardRecord {
  // The stored content, read once (toCardValues), with instants shown in Stockholm time and
  // what only a stored card has: the organisation's name, the voiding and the creation.
  const values = toCardValues(row);
  return {
    ...values,
    id: row.id,
    organisationName: row.organisation_name,
    issuedAt: formatInstant(values.issuedAt),
    expiresAt: formatInstant(values.expiresAt),
    endedAt: values.endedAt === null ? null : formatInstant(values.endedAt),
    voidedAt: row.voided_at === null ? null : formatInstant(row.voided_at),
    voidReason: row.void_reason,
    createdAt: formatInstant(row.created_at),
  };
}

/** The content of a stored card in the validated-input shape, for idempotency checks. */
export function toCardValues(row: CardRow): NewCard {
  return {
    id: row.id,
    organisationHsaId: row.organisation_hsa_id,
    organisationName: undefined,
    assuranceLevel: row.assurance_level,
    cardNumber: row.card_number,
    holderHsaId: row.holder_hsa_id,
    holderName: row.holder_name,
    holderIdType: row.holder_id_type,
    unplannedPersonnel: row.unplanned_personnel === null ? null : row.unplanned_personnel === 1,
    issuedAt: row.issued_at,
    expiresAt: row.expires_at,
    reasonCode: row.reason_code,
    reasonText: row.reason_text,
    issuedBy: JSON.parse(row.issued_by) as string[],
    extendsCardId: row.extends_card_id,
    endedAt: row.ended_at,
    endReason: row.end_reason,
    note: row.note,
    violationJustification: row.violation_justification,
  };
}

// The WHERE terms repeat the partial index's own (migration 004) so SQLite can use it.
const REVIEW_SELECT = `SELECT id, card_number, organisation_hsa_id, holder_name, issued_at, expires_at
  FROM cards INDEXED BY cards_open_by_expiry WHERE voided_at IS NULL AND ended_at IS NULL`;

/** The review lists' statements, exported so a test can check their query plans. */
export const REVIEW_SQL = {
  expiring: `${REVIEW_SELECT} AND expires_at > ? AND expires_at <= ? ORDER BY expires_at, id LIMIT ?`,
  overdue: `${REVIEW_SELECT} AND expires_at <= ? ORDER BY expires_at, id LIMIT ?`,
  expiringCount: `SELECT count(*) AS n FROM cards INDEXED BY cards_open_by_expiry
    WHERE voided_at IS NULL AND ended_at IS NULL AND expires_at > ? AND expires_at <= ?`,
  overdueCount: `SELECT count(*) AS n FROM cards INDEXED BY cards_open_by_expiry
    WHERE voided_at IS NULL AND ended_at IS NULL AND expires_at <= ?`,
} as const;

/** SQL for cards. */
export interface CardRepository {
  /** The card with this id, or undefined. */
  get: (id: string) => CardRow | undefined;
  /** Tells whether a card with this id exists. */
  exists: (id: string) => boolean;
  /** Stores a new card. */
  insert: (card: NewCard, at: number) => void;
  /** The stored finding codes of some cards (one page), by card id. */
  findingsOf: (ids: readonly string[]) => Map<string, { code: FindingCode; severity: Severity }[]>;
  /** Number of cards, voided ones included. */
  count: () => number;
  /** One page of the register for the given filters and sort order, plus the total. */
  list: (query: Required<Pick<CardListQuery, 'sort' | 'offset' | 'limit'>> & CardListQuery) => {
    total: number;
    rows: CardRow[];
  };
  /** Sets or clears (null, null) the end of a card. */
  setEnd: (id: string, endedAt: number | null, endReason: EndReason | null, at: number) => void;
  /** Marks a card voided: kept for the audit trail, ignored by rules and statistics. */
  setVoided: (id: string, voidedAt: number, reason: string) => void;
  /** Overwrites the content of a stored card (an audited correction). */
  overwrite: (card: NewCard, at: number) => void;
  /** The first `limit` open (not voided, not ended) cards with `from < expiresAt ≤ to`, soonest first, and how many there are. */
  openExpiringBetween: (from: number, to: number, limit?: number) => { rows: ReviewRow[]; total: number };
  /** The first `limit` open cards with `expiresAt ≤ now`, oldest expiry first, and how many there are. */
  openExpiredBy: (now: number, limit?: number) => { rows: ReviewRow[]; total: number };
}

/** Prepares the card statements of a connection. */
export function createCardRepository(db: Db): CardRepository {
  const byId = db.prepare<[string], CardRow>(`${SELECT} WHERE c.id = ?`);
  const exists = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM cards WHERE id = ?');
  // Positional parameters: binding 20 named ones from a spread object took twice as long,
  // which an import of 100 000 cards notices.
  const insertStmt = db.prepare<unknown[]>(
    `INSERT INTO cards (id, organisation_hsa_id, assurance_level, card_number, holder_hsa_id, holder_name,
       holder_name_key, holder_id_type, unplanned_personnel, issued_at, expires_at, reason_code, reason_text,
       issued_by, extends_card_id, ended_at, end_reason, note, violation_justification, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM cards');
  const findingsOfStmt = db.prepare<[string], { card_id: string; code: FindingCode; severity: Severity }>(
    `SELECT card_id, code, severity FROM card_findings
     WHERE card_id IN (SELECT value FROM json_each(?)) ORDER BY severity, code`,
  );
  const lister = createCardLister<CardRow>(db, foldName);
  // Lifecycle changes (end, void, correction) and the review lists.
  const endStmt = db.prepare<[number | null, EndReason | null, number, string]>(
    'UPDATE cards SET ended_at = ?, end_reason = ?, updated_at = ? WHERE id = ?',
  );
  const voidStmt = db.prepare<[number, string, number, string]>(
    'UPDATE cards SET voided_at = ?, void_reason = ?, updated_at = ? WHERE id = ?',
  );
  const correctStmt = db.prepare(
    `UPDATE cards SET organisation_hsa_id = @organisationHsaId, assurance_level = @assuranceLevel,
       card_number = @cardNumber, holder_hsa_id = @holderHsaId, holder_name = @holderName,
       holder_name_key = @holderNameKey, holder_id_type = @holderIdType, unplanned_personnel = @unplannedPersonnel,
       issued_at = @issuedAt, expires_at = @expiresAt, reason_code = @reasonCode, reason_text = @reasonText,
       issued_by = @issuedBy, extends_card_id = @extendsCardId, ended_at = @endedAt, end_reason = @endReason,
       note = @note, violation_justification = @violationJustification, updated_at = @at
     WHERE id = @id`,
  );
  const expiringStmt = db.prepare<[number, number, number], ReviewRow>(REVIEW_SQL.expiring);
  const overdueStmt = db.prepare<[number, number], ReviewRow>(REVIEW_SQL.overdue);
  const expiringCountStmt = db.prepare<[number, number], { n: number }>(REVIEW_SQL.expiringCount);
  const overdueCountStmt = db.prepare<[number], { n: number }>(REVIEW_SQL.overdueCount);

  return {
    get(id: string): CardRow | undefined {
      return byId.get(id);
    },
    exists(id: string): boolean {
      return exists.get(id) !== undefined;
    },
    insert(card: NewCard, at: number): void {
      insertStmt.run(
        card.id,
        card.organisationHsaId,
        card.assuranceLevel,
        card.cardNumber,
        card.holderHsaId,
        card.holderName,
        foldName(card.holderName),
        card.holderIdType,
        card.unplannedPersonnel === null ? null : card.unplannedPersonnel ? 1 : 0,
        card.issuedAt,
        card.expiresAt,
        card.reasonCode,
        card.reasonText,
        JSON.stringify(card.issuedBy),
        card.extendsCardId,
        card.endedAt,
        card.endReason,
        card.note,
        card.violationJustification,
        at,
        at,
      );
    },
    findingsOf(ids: readonly string[]): Map<string, { code: FindingCode; severity: Severity }[]> {
      const out = new Map<string, { code: FindingCode; severity: Severity }[]>(ids.map((id) => [id, []]));
      for (const row of findingsOfStmt.all(JSON.stringify(ids))) {
        out.get(row.card_id)?.push({ code: row.code, severity: row.severity });
      }
      return out;
    },
    count(): number {
      return count.get()!.n;
    },
    list(query: Required<Pick<CardListQuery, 'sort' | 'offset' | 'limit'>> & CardListQuery): {
      total: number;
      rows: CardRow[];
    } {
      return lister(query);
    },
    setEnd(id: string, endedAt: number | null, endReason: EndReason | null, at: number): void {
      endStmt.run(endedAt, endReason, at, id);
    },
    setVoided(id: string, voidedAt: number, reason: string): void {
      // The void time is also the card's last change.
      voidStmt.run(voidedAt, reason, voidedAt, id);
    },
    overwrite(card: NewCard, at: number): void {
      correctStmt.run({
        ...card,
        holderNameKey: foldName(card.holderName),
        unplannedPersonnel: card.unplannedPersonnel === null ? null : card.unplannedPersonnel ? 1 : 0,
        issuedBy: JSON.stringify(card.issuedBy),
        at,
      });
    },
    openExpiringBetween(from: number, to: number, limit = -1): { rows: ReviewRow[]; total: number } {
      return { rows: expiringStmt.all(from, to, limit), total: expiringCountStmt.get(from, to)!.n };
    },
    openExpiredBy(now: number, limit = -1): { rows: ReviewRow[]; total: number } {
      return { rows: overdueStmt.all(now, limit), total: overdueCountStmt.get(now)!.n };
    },
  };
}

/** The columns the review lists show. */
export interface ReviewRow {
  id: string;
  card_number: string;
  organisation_hsa_id: string;
  holder_name: string;
  issued_at: number;
  expires_at: number;
}
