import type { HubMigration } from './types';

/**
 * The first hub schema (SPEC §8).
 *
 * - `meta`: the hub's id and schema version (one row).
 * - `desks`: every card station and the login role that is it (role → desk mapping).
 * - `desk_push`: per desk, the last deskSeq on the hub, the last push and its app version.
 * - `events`: the append-only log. `hub_seq` is numbered from the one `counter` row, which
 *   the first event of a push locks (`number_event`) and the end of the statement moves on
 *   (`accept_events`): the row stays locked until the push commits, so pushes serialise on
 *   it and hub_seq order is commit order, without gaps (a rolled-back push rolls its
 *   numbers back too). A reader that has seen hub_seq n has seen everything before it, and
 *   n + 1 cannot exist before n is visible.
 * - `cards`, `organisations`: the current state of every card and the newest name of every
 *   organisation, kept by `accept_events` in the same transaction, so the coordinator's
 *   report reads them instead of folding a million events.
 *
 * Security: desks write only through INSERT on `events` (row-level security: only with
 * their own desk_id) and `record_push()`; they read everything and change nothing else.
 * The triggers run as the schema's owner (SECURITY DEFINER) to keep the counters.
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

    -- No foreign key on desk_id here or in cards: number_event refuses a desk without its
    -- desk_push row (which references desks), once per push instead of once per row.
    CREATE TABLE ${s}.events (
      hub_seq bigint PRIMARY KEY,
      desk_id text NOT NULL,
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
      desk_id text NOT NULL,
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
    -- Covering the report's two disjoint parts (electron/hub/report.ts), so each is an
    -- index-only scan: the cards newly issued in the month, and the older ones still active.
    CREATE INDEX cards_issued_at ON ${s}.cards (issued_at)
      INCLUDE (expires_at, ended_at, organisation_hsa_id, assurance_level, extends_card_id) WHERE NOT voided;
    CREATE INDEX cards_expires_at ON ${s}.cards (expires_at)
      INCLUDE (issued_at, ended_at, organisation_hsa_id, assurance_level) WHERE NOT voided;

    CREATE TABLE ${s}.organisations (
      hsa_id text PRIMARY KEY,
      name text NOT NULL,
      hub_seq bigint NOT NULL
    );

    -- The desk the logged-in role is (null for the coordinator and the owner).
    CREATE FUNCTION ${s}.current_desk() RETURNS text
      LANGUAGE sql STABLE
      AS $fn$ SELECT desk_id FROM ${s}.desks WHERE role_name = current_user $fn$;

    -- Before each new event: numbers it. The first event of a transaction locks the counter
    -- row (FOR UPDATE, held until commit: pushes serialise on it, so hubSeq order is commit
    -- order); the next number is kept in a transaction-local setting, so that a batch of a
    -- thousand events costs one lock, not a thousand updates. Nothing here is trusted:
    -- accept_events checks every number against the locked rows.
    CREATE FUNCTION ${s}.number_event() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
      AS $fn$
    DECLARE
      next_hub text := current_setting('kortliggaren.next_hub_seq', true);
    BEGIN
      IF next_hub IS NULL OR next_hub = '' THEN
        SELECT (last_hub_seq + 1)::text INTO next_hub FROM ${s}.counter FOR UPDATE;
      END IF;
      NEW.hub_seq := next_hub::bigint;
      PERFORM set_config('kortliggaren.next_hub_seq', (NEW.hub_seq + 1)::text, true);
      RETURN NEW;
    END
    $fn$;
    REVOKE ALL ON FUNCTION ${s}.number_event() FROM PUBLIC;

    CREATE TRIGGER number_event BEFORE INSERT ON ${s}.events
      FOR EACH ROW EXECUTE FUNCTION ${s}.number_event();

    -- After each INSERT statement, set-based: checks under the locks that the new hubSeqs
    -- follow the counter and each desk's deskSeqs follow its last, without gaps; moves the
    -- counters on; and keeps the current card (the newest deskSeq of the desk that owns it)
    -- and each organisation's newest name. An event for another desk's card is refused.
    -- Errors carry SQLSTATEs of class KL, which the client turns into messages for IT.
    CREATE FUNCTION ${s}.accept_events() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
      AS $fn$
    DECLARE
      total bigint;
      lo bigint;
      hi bigint;
      last bigint;
      r record;
    BEGIN
      SELECT count(*), min(hub_seq), max(hub_seq) INTO total, lo, hi FROM added;
      IF total = 0 THEN
        RETURN NULL;
      END IF;
      SELECT last_hub_seq INTO last FROM ${s}.counter FOR UPDATE;
      IF lo <> last + 1 OR hi - lo + 1 <> total THEN
        RAISE EXCEPTION 'hub_seq % to % does not follow %', lo, hi, last USING ERRCODE = 'KLSEQ';
      END IF;
      UPDATE ${s}.counter SET last_hub_seq = hi;

      FOR r IN
        SELECT a.desk_id, min(a.desk_seq) AS lo, max(a.desk_seq) AS hi, count(*) AS n
        FROM added a GROUP BY a.desk_id
      LOOP
        SELECT last_desk_seq INTO last FROM ${s}.desk_push WHERE desk_id = r.desk_id FOR UPDATE;
        IF last IS NULL THEN
          RAISE EXCEPTION 'unknown desk %', r.desk_id USING ERRCODE = 'KLD01';
        END IF;
        IF r.lo <> last + 1 OR r.hi - r.lo + 1 <> r.n THEN
          RAISE EXCEPTION 'desk % sent desk_seq % but the hub expects %', r.desk_id, r.lo, last + 1
            USING ERRCODE = 'KLGAP', DETAIL = (last + 1)::text;
        END IF;
        UPDATE ${s}.desk_push SET last_desk_seq = r.hi WHERE desk_id = r.desk_id;
      END LOOP;

      SELECT a.desk_id, a.desk_seq INTO r FROM (
          SELECT desk_id, desk_seq, desk_seq - lag(desk_seq) OVER (PARTITION BY desk_id ORDER BY hub_seq) AS step
          FROM added) AS a
        WHERE a.step <> 1 LIMIT 1;
      IF FOUND THEN
        RAISE EXCEPTION 'desk % sent desk_seq % out of order', r.desk_id, r.desk_seq
          USING ERRCODE = 'KLGAP', DETAIL = r.desk_seq::text;
      END IF;
      SELECT a.card_id INTO r FROM added a
        WHERE (a.payload -> 'card' ->> 'cardId') IS DISTINCT FROM a.card_id::text LIMIT 1;
      IF FOUND THEN
        RAISE EXCEPTION 'the payload card does not match card_id %', r.card_id USING ERRCODE = 'KLINV';
      END IF;

      SELECT a.card_id, c.desk_id AS owner INTO r
        FROM added a JOIN ${s}.cards c ON c.card_id = a.card_id
        WHERE c.desk_id <> a.desk_id LIMIT 1;
      IF FOUND THEN
        RAISE EXCEPTION 'card % belongs to desk %', r.card_id, r.owner USING ERRCODE = 'KLFOR', DETAIL = r.owner;
      END IF;
      SELECT card_id, min(desk_id) AS owner INTO r FROM added GROUP BY card_id
        HAVING count(DISTINCT desk_id) > 1 LIMIT 1;
      IF FOUND THEN
        RAISE EXCEPTION 'card % belongs to desk %', r.card_id, r.owner USING ERRCODE = 'KLFOR', DETAIL = r.owner;
      END IF;

      INSERT INTO ${s}.cards AS cur (card_id, desk_id, desk_seq, hub_seq, organisation_hsa_id,
          organisation_name, assurance_level, card_number, issued_at, expires_at, ended_at,
          extends_card_id, reason_code, reason_text, voided)
        SELECT DISTINCT ON (a.card_id) a.card_id, a.desk_id, a.desk_seq, a.hub_seq,
          c ->> 'organisationHsaId', c ->> 'organisationName', (c ->> 'assuranceLevel')::smallint,
          c ->> 'cardNumber', (c ->> 'issuedAt')::bigint, (c ->> 'expiresAt')::bigint,
          (c ->> 'endedAt')::bigint, (c ->> 'extendsCardId')::uuid, c ->> 'reasonCode',
          c ->> 'reasonText', (c ->> 'voided')::boolean
        FROM added a CROSS JOIN LATERAL (SELECT a.payload -> 'card' AS c) AS p
        ORDER BY a.card_id, a.desk_seq DESC
        ON CONFLICT (card_id) DO UPDATE SET desk_seq = EXCLUDED.desk_seq, hub_seq = EXCLUDED.hub_seq,
          organisation_hsa_id = EXCLUDED.organisation_hsa_id, organisation_name = EXCLUDED.organisation_name,
          assurance_level = EXCLUDED.assurance_level, card_number = EXCLUDED.card_number,
          issued_at = EXCLUDED.issued_at, expires_at = EXCLUDED.expires_at, ended_at = EXCLUDED.ended_at,
          extends_card_id = EXCLUDED.extends_card_id, reason_code = EXCLUDED.reason_code,
          reason_text = EXCLUDED.reason_text, voided = EXCLUDED.voided
        WHERE cur.desk_id = EXCLUDED.desk_id AND cur.desk_seq < EXCLUDED.desk_seq;

      INSERT INTO ${s}.organisations AS o (hsa_id, name, hub_seq)
        SELECT DISTINCT ON (org) org, name, hub_seq
        FROM (SELECT a.payload -> 'card' ->> 'organisationHsaId' AS org,
                     a.payload -> 'card' ->> 'organisationName' AS name, a.hub_seq FROM added a) AS n
        ORDER BY org, hub_seq DESC
        ON CONFLICT (hsa_id) DO UPDATE SET name = EXCLUDED.name, hub_seq = EXCLUDED.hub_seq
        WHERE o.hub_seq < EXCLUDED.hub_seq;
      RETURN NULL;
    END
    $fn$;
    REVOKE ALL ON FUNCTION ${s}.accept_events() FROM PUBLIC;

    CREATE TRIGGER accept_events AFTER INSERT ON ${s}.events
      REFERENCING NEW TABLE AS added
      FOR EACH STATEMENT EXECUTE FUNCTION ${s}.accept_events();

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
    -- A subquery, not current_desk(): it runs once per statement, a function once per row.
    CREATE POLICY events_insert_own ON ${s}.events FOR INSERT
      WITH CHECK (desk_id = (SELECT d.desk_id FROM ${s}.desks d WHERE d.role_name = current_user));

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
