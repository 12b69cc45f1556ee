import type { HubMigration } from './types';

/**
 * The first hub schema (SPEC §8).
 *
 * - `meta`: the hub's id and schema version (one row).
 * - `desks`: every card station and the login role that is it (role → desk mapping).
 * - `desk_push`: per desk, the last deskSeq on the hub, the last push and its app version.
 * - `events`: the append-only log. `hub_seq` is assigned by `accept_event` from the one
 *   `counter` row, which it updates: the row stays locked until the push commits, so pushes
 *   serialise on it and hub_seq order is commit order, without gaps (a rolled-back push
 *   rolls its numbers back too). A reader that has seen hub_seq n has seen everything
 *   before it, and n + 1 cannot exist before n is visible.
 * - `cards`, `organisations`: the current state of every card and the newest name of every
 *   organisation, kept by `accept_event` in the same transaction, so the coordinator's
 *   report reads them instead of folding a million events.
 *
 * Security: desks write only through INSERT on `events` (row-level security: only with
 * their own desk_id) and `record_push()`; they read everything and change nothing else.
 * `accept_event` runs as the schema's owner (SECURITY DEFINER) to keep the counters.
 */
export const hubMigration001: HubMigration = {
  version: 1,
  name: 'initial',
  up: ({ schema: s, database, deskGroup, coordinator, hubIdLiteral }) => `
    CREATE ROLE ${deskGroup} NOLOGIN;
    CREATE ROLE ${coordinator} NOLOGIN;

    CREATE SCHEMA ${s};
    REVOKE ALL ON SCHEMA ${s} FROM PUBLIC;

    CREATE TABLE ${s}.meta (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      hub_id uuid NOT NULL,
      schema_version integer NOT NULL CHECK (schema_version > 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      upgraded_at timestamptz NOT NULL DEFAULT now()
    );
    INSERT INTO ${s}.meta (hub_id, schema_version) VALUES (${hubIdLiteral}, 1);

    CREATE TABLE ${s}.desks (
      desk_id text PRIMARY KEY CHECK (desk_id ~ '^[a-z0-9-]{2,40}$'),
      name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
      role_name text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE ${s}.desk_push (
      desk_id text PRIMARY KEY REFERENCES ${s}.desks,
      last_desk_seq bigint NOT NULL DEFAULT 0 CHECK (last_desk_seq >= 0),
      last_push_at timestamptz,
      app_version text
    );

    CREATE TABLE ${s}.counter (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      last_hub_seq bigint NOT NULL DEFAULT 0 CHECK (last_hub_seq >= 0)
    );
    INSERT INTO ${s}.counter DEFAULT VALUES;

    CREATE TABLE ${s}.events (
      hub_seq bigint PRIMARY KEY,
      desk_id text NOT NULL REFERENCES ${s}.desks,
      desk_seq bigint NOT NULL CHECK (desk_seq > 0),
      event_id uuid NOT NULL UNIQUE,
      card_id uuid NOT NULL,
      kind text NOT NULL
        CHECK (kind IN ('registered', 'corrected', 'extended', 'ended', 'voided', 'erased')),
      content_hash text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
      schema_version integer NOT NULL CHECK (schema_version > 0),
      payload jsonb NOT NULL,
      pushed_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (desk_id, desk_seq)
    );

    CREATE TABLE ${s}.cards (
      card_id uuid PRIMARY KEY,
      desk_id text NOT NULL REFERENCES ${s}.desks,
      desk_seq bigint NOT NULL,
      hub_seq bigint NOT NULL,
      organisation_hsa_id text NOT NULL,
      organisation_name text NOT NULL,
      assurance_level smallint NOT NULL CHECK (assurance_level IN (2, 3)),
      card_number text NOT NULL,
      issued_at bigint NOT NULL,
      expires_at bigint NOT NULL,
      ended_at bigint,
      extends_card_id uuid,
      reason_code text NOT NULL,
      reason_text text NOT NULL,
      voided boolean NOT NULL
    );
    CREATE INDEX cards_issued_at ON ${s}.cards (issued_at) WHERE NOT voided;
    CREATE INDEX cards_expires_at ON ${s}.cards (expires_at) WHERE NOT voided;

    CREATE TABLE ${s}.organisations (
      hsa_id text PRIMARY KEY,
      name text NOT NULL,
      hub_seq bigint NOT NULL
    );

    -- The desk the logged-in role is (null for the coordinator and the owner).
    CREATE FUNCTION ${s}.current_desk() RETURNS text
      LANGUAGE sql STABLE
      AS $fn$ SELECT desk_id FROM ${s}.desks WHERE role_name = current_user $fn$;

    -- Runs before each new event: checks the desk's sequence, numbers the event from the
    -- locked counter, and keeps the current card and organisation name. Errors carry
    -- SQLSTATEs of class KL, which the client turns into messages for IT.
    CREATE FUNCTION ${s}.accept_event() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
      AS $fn$
    DECLARE
      expected bigint;
      owner text;
      touched integer;
      c jsonb := NEW.payload -> 'card';
    BEGIN
      UPDATE ${s}.desk_push SET last_desk_seq = last_desk_seq + 1
        WHERE desk_id = NEW.desk_id RETURNING last_desk_seq INTO expected;
      IF expected IS NULL THEN
        RAISE EXCEPTION 'unknown desk %', NEW.desk_id USING ERRCODE = 'KLD01';
      END IF;
      IF NEW.desk_seq <> expected THEN
        RAISE EXCEPTION 'desk % sent desk_seq % but the hub expects %', NEW.desk_id, NEW.desk_seq, expected
          USING ERRCODE = 'KLGAP', DETAIL = expected::text;
      END IF;
      IF c IS NULL OR (c ->> 'cardId') IS DISTINCT FROM NEW.card_id::text THEN
        RAISE EXCEPTION 'the payload card does not match card_id %', NEW.card_id USING ERRCODE = 'KLINV';
      END IF;

      UPDATE ${s}.counter SET last_hub_seq = last_hub_seq + 1 RETURNING last_hub_seq INTO NEW.hub_seq;
      NEW.pushed_at := now();

      INSERT INTO ${s}.cards AS cur (card_id, desk_id, desk_seq, hub_seq, organisation_hsa_id,
          organisation_name, assurance_level, card_number, issued_at, expires_at, ended_at,
          extends_card_id, reason_code, reason_text, voided)
        VALUES (NEW.card_id, NEW.desk_id, NEW.desk_seq, NEW.hub_seq, c ->> 'organisationHsaId',
          c ->> 'organisationName', (c ->> 'assuranceLevel')::smallint, c ->> 'cardNumber',
          (c ->> 'issuedAt')::bigint, (c ->> 'expiresAt')::bigint, (c ->> 'endedAt')::bigint,
          (c ->> 'extendsCardId')::uuid, c ->> 'reasonCode', c ->> 'reasonText', (c ->> 'voided')::boolean)
        ON CONFLICT (card_id) DO UPDATE SET desk_seq = EXCLUDED.desk_seq, hub_seq = EXCLUDED.hub_seq,
          organisation_hsa_id = EXCLUDED.organisation_hsa_id, organisation_name = EXCLUDED.organisation_name,
          assurance_level = EXCLUDED.assurance_level, card_number = EXCLUDED.card_number,
          issued_at = EXCLUDED.issued_at, expires_at = EXCLUDED.expires_at, ended_at = EXCLUDED.ended_at,
          extends_card_id = EXCLUDED.extends_card_id, reason_code = EXCLUDED.reason_code,
          reason_text = EXCLUDED.reason_text, voided = EXCLUDED.voided
        WHERE cur.desk_id = EXCLUDED.desk_id;
      GET DIAGNOSTICS touched = ROW_COUNT;
      IF touched = 0 THEN
        SELECT desk_id INTO owner FROM ${s}.cards WHERE card_id = NEW.card_id;
        RAISE EXCEPTION 'card % belongs to desk %', NEW.card_id, owner USING ERRCODE = 'KLFOR', DETAIL = owner;
      END IF;

      INSERT INTO ${s}.organisations (hsa_id, name, hub_seq)
        VALUES (c ->> 'organisationHsaId', c ->> 'organisationName', NEW.hub_seq)
        ON CONFLICT (hsa_id) DO UPDATE SET name = EXCLUDED.name, hub_seq = EXCLUDED.hub_seq;
      RETURN NEW;
    END
    $fn$;
    REVOKE ALL ON FUNCTION ${s}.accept_event() FROM PUBLIC;

    CREATE TRIGGER accept_event BEFORE INSERT ON ${s}.events
      FOR EACH ROW EXECUTE FUNCTION ${s}.accept_event();

    -- A desk records that it pushed (also when it had nothing new), for deskCoverage.
    -- session_user: inside SECURITY DEFINER, current_user is the owner.
    CREATE FUNCTION ${s}.record_push(version text) RETURNS void
      LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
      AS $fn$
        UPDATE ${s}.desk_push SET last_push_at = now(), app_version = left($1, 40)
        WHERE desk_id = (SELECT desk_id FROM ${s}.desks WHERE role_name = session_user)
      $fn$;
    REVOKE ALL ON FUNCTION ${s}.record_push(text) FROM PUBLIC;

    ALTER TABLE ${s}.events ENABLE ROW LEVEL SECURITY;
    CREATE POLICY events_read_all ON ${s}.events FOR SELECT USING (true);
    CREATE POLICY events_insert_own ON ${s}.events FOR INSERT
      WITH CHECK (desk_id = ${s}.current_desk());

    REVOKE ALL ON DATABASE ${database} FROM PUBLIC;
    GRANT CONNECT ON DATABASE ${database} TO ${deskGroup}, ${coordinator};
    GRANT USAGE ON SCHEMA ${s} TO ${deskGroup}, ${coordinator};
    GRANT SELECT ON ALL TABLES IN SCHEMA ${s} TO ${deskGroup}, ${coordinator};
    GRANT INSERT (desk_id, desk_seq, event_id, card_id, kind, content_hash, schema_version, payload)
      ON ${s}.events TO ${deskGroup};
    GRANT EXECUTE ON FUNCTION ${s}.current_desk() TO ${deskGroup}, ${coordinator};
    GRANT EXECUTE ON FUNCTION ${s}.record_push(text) TO ${deskGroup};
  `,
};
