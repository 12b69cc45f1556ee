import type { HubCardState, HubEventKind } from '../../../shared/hub/event';
import type { Db } from '../open';
import type { CardStateColumns } from './pulled-cards';

/** One outbox row: an event of this desk before it is sealed with the desk id. */
export interface OutboxRow {
  desk_seq: number;
  event_id: string;
  kind: HubEventKind;
  card_id: string;
  occurred_at: number;
  /** HubCardState as canonical JSON. */
  payload: string;
}

type CardStateRow = CardStateColumns & { id: string };

/**
 * The state an event carries, with its keys in sorted order so that `JSON.stringify` of it
 * is already the canonical JSON of shared/hub/event.ts (an import writes 100 000 of them;
 * the general canonicaliser sorts every object again). A test holds the two equal.
 */
function toHubCardState(r: CardStateRow): HubCardState {
  return {
    assuranceLevel: r.assurance_level,
    cardId: r.id,
    cardNumber: r.card_number,
    endReason: r.end_reason,
    endedAt: r.ended_at,
    expiresAt: r.expires_at,
    extendsCardId: r.extends_card_id,
    holderHsaId: r.holder_hsa_id,
    holderIdType: r.holder_id_type,
    issuedAt: r.issued_at,
    organisationHsaId: r.organisation_hsa_id,
    organisationName: r.organisation_name,
    reasonCode: r.reason_code,
    reasonText: r.reason_text,
    unplannedPersonnel: r.unplanned_personnel === null ? null : r.unplanned_personnel === 1,
    voided: r.voided === 1,
  };
}

/** SQL for the outbox: the events this desk has written, and how far the hub has them. */
export interface OutboxRepository {
  /** What an event about this card carries now, or undefined for an unknown id. */
  cardState: (cardId: string) => HubCardState | undefined;
  /** The highest desk_seq written, 0 when the outbox is empty. */
  lastSeq: () => number;
  /** Appends the next event; the schema refuses a gap or a repeated number. */
  append: (row: OutboxRow) => void;
  /**
   * Appends the next event about a card with the card's state as it is now (what
   * `cardState` returns, as canonical JSON), under the next desk_seq, in one statement:
   * the state never passes through JavaScript. False, and nothing written, for an unknown card.
   */
  appendCardEvent: (event: Omit<OutboxRow, 'desk_seq' | 'payload'>) => boolean;
  /** Up to `limit` events after `deskSeq`, in order. */
  after: (deskSeq: number, limit: number) => OutboxRow[];
  /** The event with this desk_seq, or undefined. */
  get: (deskSeq: number) => OutboxRow | undefined;
  /**
   * Rewrites the payload of every event for which `rewrite` returns other text: only the
   * erasure of personal data past retention may, inside its transaction. The append-only
   * trigger is lifted for that one statement and put back as it was.
   */
  rewritePayloads: (rewrite: (payload: string) => string) => number;
  /** Ids of this desk's cards of an organisation, oldest first. */
  cardsOfOrganisation: (hsaId: string) => string[];
}

/** Prepares the outbox statements of a connection. */
export function createOutboxRepository(db: Db): OutboxRepository {
  // Only what travels (SPEC §8): never holder_name, note, issued_by or the justification.
  const cardState = db.prepare<[string], CardStateRow>(
    `SELECT c.id, c.organisation_hsa_id, o.name AS organisation_name, c.assurance_level, c.card_number,
       c.holder_hsa_id, c.holder_id_type, c.unplanned_personnel, c.issued_at, c.expires_at, c.reason_code,
       c.reason_text, c.extends_card_id, c.ended_at, c.end_reason, (c.voided_at IS NOT NULL) AS voided
     FROM cards c JOIN organisations o ON o.hsa_id = c.organisation_hsa_id WHERE c.id = ?`,
  );
  const lastSeq = db.prepare<[], { n: number }>('SELECT coalesce(max(desk_seq), 0) AS n FROM outbox');
  const insert = db.prepare<[number, string, string, string, number, string]>(
    'INSERT INTO outbox (desk_seq, event_id, kind, card_id, occurred_at, payload) VALUES (?, ?, ?, ?, ?, ?)',
  );
  // The payload as JSON.stringify(toHubCardState(row)) writes it: the keys in sorted order.
  const insertCardEvent = db.prepare<[string, string, number, string]>(
    `INSERT INTO outbox (desk_seq, event_id, kind, card_id, occurred_at, payload)
     SELECT (SELECT coalesce(max(desk_seq), 0) + 1 FROM outbox), ?, ?, c.id, ?, json_object(
       'assuranceLevel', c.assurance_level,
       'cardId', c.id,
       'cardNumber', c.card_number,
       'endReason', c.end_reason,
       'endedAt', c.ended_at,
       'expiresAt', c.expires_at,
       'extendsCardId', c.extends_card_id,
       'holderHsaId', c.holder_hsa_id,
       'holderIdType', c.holder_id_type,
       'issuedAt', c.issued_at,
       'organisationHsaId', c.organisation_hsa_id,
       'organisationName', o.name,
       'reasonCode', c.reason_code,
       'reasonText', c.reason_text,
       'unplannedPersonnel', CASE c.unplanned_personnel WHEN 1 THEN json('true') WHEN 0 THEN json('false') END,
       'voided', CASE WHEN c.voided_at IS NULL THEN json('false') ELSE json('true') END)
     FROM cards c JOIN organisations o ON o.hsa_id = c.organisation_hsa_id WHERE c.id = ?`,
  );
  const after = db.prepare<[number, number], OutboxRow>(
    'SELECT * FROM outbox WHERE desk_seq > ? ORDER BY desk_seq LIMIT ?',
  );
  const bySeq = db.prepare<[number], OutboxRow>('SELECT * FROM outbox WHERE desk_seq = ?');
  const all = db.prepare<[], Pick<OutboxRow, 'desk_seq' | 'payload'>>(
    'SELECT desk_seq, payload FROM outbox ORDER BY desk_seq',
  );
  const setPayload = db.prepare<[string, number]>('UPDATE outbox SET payload = ? WHERE desk_seq = ?');
  const noUpdate = db.prepare<[], { sql: string }>(
    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'outbox_no_update'",
  );
  const ofOrganisation = db.prepare<[string], { id: string }>(
    'SELECT id FROM cards WHERE organisation_hsa_id = ? ORDER BY created_at, id',
  );
  return {
    cardState(cardId: string): HubCardState | undefined {
      const row = cardState.get(cardId);
      return row ? toHubCardState(row) : undefined;
    },
    lastSeq: (): number => lastSeq.get()!.n,
    append(row: OutboxRow): void {
      insert.run(row.desk_seq, row.event_id, row.kind, row.card_id, row.occurred_at, row.payload);
    },
    appendCardEvent: (event): boolean =>
      insertCardEvent.run(event.event_id, event.kind, event.occurred_at, event.card_id).changes === 1,
    after: (deskSeq: number, limit: number): OutboxRow[] => after.all(deskSeq, limit),
    get: (deskSeq: number): OutboxRow | undefined => bySeq.get(deskSeq),
    rewritePayloads(rewrite: (payload: string) => string): number {
      if (!db.inTransaction) throw new Error('outbox payloads may only be rewritten inside a transaction');
      const changes = all
        .all()
        .map((row) => ({ seq: row.desk_seq, next: rewrite(row.payload), payload: row.payload }))
        .filter((c) => c.next !== c.payload);
      if (changes.length === 0) return 0;
      const trigger = noUpdate.get();
      if (trigger) db.exec('DROP TRIGGER outbox_no_update');
      for (const change of changes) setPayload.run(change.next, change.seq);
      if (trigger) db.exec(trigger.sql);
      return changes.length;
    },
    cardsOfOrganisation: (hsaId: string): string[] => ofOrganisation.all(hsaId).map((r) => r.id),
  };
}
