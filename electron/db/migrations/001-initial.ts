import type { Migration } from './types';

/** The first schema: organisations, cards, settings, decisions and the append-only audit log. */
export const migration001: Migration = {
  version: 1,
  name: 'initial',
  up: `
    CREATE TABLE organisations (
      hsa_id TEXT PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      created_at INTEGER NOT NULL
    ) STRICT;

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
      extends_card_id TEXT REFERENCES cards(id),
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

    CREATE INDEX cards_issued_at ON cards (issued_at);
    CREATE INDEX cards_expires_at ON cards (expires_at);
    CREATE INDEX cards_holder ON cards (holder_hsa_id, issued_at);
    CREATE INDEX cards_card_number ON cards (card_number);
    CREATE INDEX cards_holder_name ON cards (holder_name_key);
    CREATE INDEX cards_organisation ON cards (organisation_hsa_id, issued_at);
    CREATE INDEX cards_extends ON cards (extends_card_id) WHERE extends_card_id IS NOT NULL;

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL CHECK (json_valid(value))
    ) STRICT;

    CREATE TABLE decisions (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      from_date TEXT NOT NULL CHECK (from_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      to_date TEXT NOT NULL CHECK (to_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      max_validity_days INTEGER NOT NULL CHECK (max_validity_days > 0),
      without_personnummer_until TEXT,
      created_at INTEGER NOT NULL,
      CHECK (from_date <= to_date)
    ) STRICT;

    -- Append-only: every change to the register leaves a row here, chained by hash.
    CREATE TABLE audit_log (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      at INTEGER NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id TEXT,
      before_json TEXT CHECK (before_json IS NULL OR json_valid(before_json)),
      after_json TEXT CHECK (after_json IS NULL OR json_valid(after_json)),
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    ) STRICT;
    CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  `,
};
