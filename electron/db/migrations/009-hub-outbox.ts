import type { Migration } from './types';

// A version-4 UUID from 16 random bytes, spelled in SQL for the backfill below.
const UUID_FROM_H = `lower(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-'
  || substr('89ab', 1 + (unicode(substr(h, 17, 1)) % 4), 1) || substr(h, 18, 3) || '-' || substr(h, 21, 12))`;

/**
 * The desk's side of the regional hub (SPEC §8).
 *
 * - `outbox`: every change to a card becomes an event here, written by the service that
 *   makes the change, in the same transaction. `desk_seq` counts 1, 2, 3 … without gaps
 *   (a trigger refuses anything else) and rows are never changed or deleted: the hub keys
 *   an event by desk id and desk_seq, so a row once written is that number for ever. The
 *   payload is the card's state after the change (shared/hub/event.ts `HubCardState`) as
 *   canonical JSON — never the holder's name, the note or the issuers. The desk id is not
 *   part of the row: a register learns it when it joins a hub, and the event is sealed
 *   with it when pushed.
 * - `hub_link`: the one hub this register has joined (no row before `hub join`): the URL
 *   without its password, who the desk is, how far it has pushed and pulled, and the last
 *   sync error in plain Swedish.
 * - `hub_desks`, `pulled_cards`, `hub_organisations`: the other desks, the current state
 *   of their cards and every organisation's newest name, from the pulled events; read-only
 *   for this desk (only `sync` writes them).
 * - `region_reported_months`: the months whose region-wide report this desk exported,
 *   so a card another desk pushes late raises the changed-since-export alert too.
 *
 * `cards.extends_card_id` loses its foreign key: an extension may extend another desk's
 * card, which exists here only in `pulled_cards`. SQLite cannot drop a constraint in place,
 * so the table is rebuilt with its rows, indexes and every child row kept; foreign keys
 * stay on and are checked at commit (`defer_foreign_keys`): the rows copied back satisfy
 * card_findings' references again before the transaction ends, or nothing is migrated.
 * The services check that an extended card exists, here or pulled.
 *
 * Every card already in the register gets one `registered` event with its current state,
 * oldest first, so a desk that joins pushes its whole register (SPEC §8) with no special
 * case: events written from now on follow them.
 */
export const migration009: Migration = {
  version: 9,
  name: 'hub-outbox',
  up: `
    PRAGMA defer_foreign_keys = ON;
    CREATE TABLE cards_before_009 AS SELECT * FROM cards;
    DROP TABLE cards;
    CREATE TABLE cards (
      id TEXT PRIMARY KEY,
      organisation_hsa_id TEXT NOT NULL REFERENCES organisations(hsa_id),
      assurance_level INTEGER NOT NULL CHECK (assurance_level IN (2, 3)),
      card_number TEXT NOT NULL CHECK (card_number GLOB '[0-9]*' AND length(card_number) BETWEEN 10 AND 20),
      holder_hsa_id TEXT NOT NULL,
      holder_name TEXT NOT NULL,
      -- Lower-cased copy for case-insensitive search and sorting beyond ASCII (å, ä, ö).
      holder_name_key TEXT NOT NULL,
      holder_id_type TEXT NOT NULL CHECK (holder_id_type IN ('personnummer', 'samordningsnummer', 'other')),
      unplanned_personnel INTEGER CHECK (unplanned_personnel IN (0, 1)),
      issued_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,
      reason_code TEXT NOT NULL CHECK (reason_code IN ('forgotten-card', 'lost-or-stolen', 'damaged-card',
        'blocked-card', 'not-yet-received', 'short-notice-staff', 'other')),
      reason_text TEXT NOT NULL DEFAULT '',
      issued_by TEXT NOT NULL CHECK (json_valid(issued_by) AND json_array_length(issued_by) BETWEEN 1 AND 2),
      -- This desk's card or another desk's (pulled_cards); checked by the services.
      extends_card_id TEXT,
      ended_at INTEGER,
      end_reason TEXT CHECK (end_reason IN ('returned', 'revoked', 'extended')),
      note TEXT NOT NULL DEFAULT '',
      violation_justification TEXT,
      voided_at INTEGER,
      void_reason TEXT,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      CHECK (expires_at > issued_at),
      CHECK ((ended_at IS NULL) = (end_reason IS NULL)),
      CHECK (ended_at IS NULL OR ended_at >= issued_at),
      CHECK ((voided_at IS NULL) = (void_reason IS NULL)),
      CHECK (assurance_level = 3 OR unplanned_personnel IS NOT NULL)
    ) STRICT;
    -- Every column, in order: a register whose cards table has another shape fails here.
    INSERT INTO cards SELECT * FROM cards_before_009 ORDER BY id;
    DROP TABLE cards_before_009;
    CREATE INDEX cards_issued_at ON cards (issued_at, holder_name_key, holder_hsa_id);
    CREATE INDEX cards_expires_at ON cards (expires_at);
    CREATE INDEX cards_holder ON cards (holder_hsa_id, issued_at);
    CREATE INDEX cards_card_number ON cards (card_number);
    CREATE INDEX cards_holder_name ON cards (holder_name_key);
    CREATE INDEX cards_organisation ON cards (organisation_hsa_id, issued_at);
    CREATE INDEX cards_extends ON cards (extends_card_id) WHERE extends_card_id IS NOT NULL;
    CREATE INDEX cards_open_by_expiry ON cards (expires_at, id)
      WHERE voided_at IS NULL AND ended_at IS NULL;

    CREATE TABLE outbox (
      desk_seq INTEGER PRIMARY KEY CHECK (desk_seq > 0),
      -- Random UUIDs, unique on the hub; not indexed here (an import writes 100 000 at once).
      event_id TEXT NOT NULL CHECK (length(event_id) = 36),
      kind TEXT NOT NULL CHECK (kind IN ('registered', 'corrected', 'extended', 'ended', 'voided', 'erased')),
      card_id TEXT NOT NULL,
      occurred_at INTEGER NOT NULL,
      -- HubCardState as canonical JSON (keys sorted, no white space), written by
      -- recordCardEvent only; read back through the event schema before it is pushed.
      payload TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER outbox_gap_free BEFORE INSERT ON outbox
      WHEN NEW.desk_seq IS NOT coalesce((SELECT max(desk_seq) FROM outbox), 0) + 1
    BEGIN SELECT RAISE(ABORT, 'outbox desk_seq must follow the last one without a gap'); END;
    CREATE TRIGGER outbox_no_update BEFORE UPDATE ON outbox
    BEGIN SELECT RAISE(ABORT, 'outbox is append-only'); END;
    CREATE TRIGGER outbox_no_delete BEFORE DELETE ON outbox
    BEGIN SELECT RAISE(ABORT, 'outbox is append-only'); END;

    INSERT INTO outbox (desk_seq, event_id, kind, card_id, occurred_at, payload)
    SELECT row_number() OVER (ORDER BY c.created_at, c.id), ${UUID_FROM_H}, 'registered', c.id, c.updated_at,
      json_object(
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
    FROM (SELECT *, hex(randomblob(16)) AS h FROM cards) c
    JOIN organisations o ON o.hsa_id = c.organisation_hsa_id
    ORDER BY c.created_at, c.id;

    CREATE TABLE hub_link (
      one INTEGER PRIMARY KEY CHECK (one = 1),
      -- postgres://role@host:port/db?sslmode=…, never with a password.
      url TEXT NOT NULL CHECK (length(url) BETWEEN 1 AND 2000),
      hub_id TEXT NOT NULL CHECK (length(hub_id) > 0),
      desk_id TEXT NOT NULL CHECK (desk_id GLOB '[a-z0-9-]*' AND length(desk_id) BETWEEN 2 AND 40),
      desk_name TEXT NOT NULL,
      joined_at INTEGER NOT NULL,
      -- The outbox is on the hub up to and including this desk_seq.
      pushed_seq INTEGER NOT NULL DEFAULT 0 CHECK (pushed_seq >= 0),
      -- The last hubSeq pulled; the next pull asks for what comes after it.
      pull_cursor INTEGER NOT NULL DEFAULT 0 CHECK (pull_cursor >= 0),
      last_push_at INTEGER,
      last_pull_at INTEGER,
      last_error TEXT,
      last_error_at INTEGER,
      CHECK ((last_error IS NULL) = (last_error_at IS NULL))
    ) STRICT;

    CREATE TABLE hub_desks (
      desk_id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      -- The newest push of the desk this desk has seen (epoch ms), for the report's coverage.
      last_push_at INTEGER
    ) STRICT;

    -- Each organisation's newest name on the hub: the name on its event with the highest
    -- hub_seq (this desk's own events included), as the hub keeps it for the coordinator.
    CREATE TABLE hub_organisations (
      hsa_id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      hub_seq INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE pulled_cards (
      card_id TEXT PRIMARY KEY,
      desk_id TEXT NOT NULL,
      -- The event the row shows: the newest of the card (by desk_seq) pulled so far.
      desk_seq INTEGER NOT NULL,
      hub_seq INTEGER NOT NULL,
      kind TEXT NOT NULL,
      organisation_hsa_id TEXT NOT NULL,
      organisation_name TEXT NOT NULL,
      assurance_level INTEGER NOT NULL CHECK (assurance_level IN (2, 3)),
      card_number TEXT NOT NULL,
      holder_hsa_id TEXT NOT NULL,
      holder_id_type TEXT NOT NULL CHECK (holder_id_type IN ('personnummer', 'samordningsnummer', 'other')),
      unplanned_personnel INTEGER CHECK (unplanned_personnel IN (0, 1)),
      issued_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,
      reason_code TEXT NOT NULL,
      reason_text TEXT NOT NULL,
      extends_card_id TEXT,
      ended_at INTEGER,
      end_reason TEXT CHECK (end_reason IN ('returned', 'revoked', 'extended')),
      voided INTEGER NOT NULL CHECK (voided IN (0, 1))
    ) STRICT;
    CREATE INDEX pulled_cards_holder ON pulled_cards (holder_hsa_id) WHERE voided = 0;
    CREATE INDEX pulled_cards_number ON pulled_cards (card_number) WHERE voided = 0;
    CREATE INDEX pulled_cards_issued_at ON pulled_cards (issued_at);
    CREATE INDEX pulled_cards_expires_at ON pulled_cards (expires_at);

    CREATE TABLE region_reported_months (
      month TEXT PRIMARY KEY CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
      format TEXT NOT NULL CHECK (length(format) > 0),
      content_hash TEXT NOT NULL CHECK (length(content_hash) = 64 AND content_hash NOT GLOB '*[^0-9a-f]*'),
      exported_at INTEGER NOT NULL,
      report_json TEXT NOT NULL CHECK (json_valid(report_json))
    ) STRICT;
  `,
};
