import type pg from 'pg';
import {
  canonicalJson,
  HUB_EVENT_SCHEMA_VERSION,
  HubEvent,
  isNewerHubEvent,
  readHubEvent,
  sameHubEventContent,
  unsealedOf,
  type HubEvent as HubEventType,
} from '../../shared/hub/event';
import { describePgError, type HubTarget } from './connect';
import { HubError } from './errors';
import { checkedCanonicalJson, hasValidHash, hashText } from './event-hash';
import { HUB_SCHEMA_VERSION } from './migrations';
import { HUB_SCHEMA, readHubMeta, type Queryable } from './schema';

/**
 * The desk's side of the hub protocol (SPEC §8): who am I, push my events, pull everyone's.
 * Each call is one PostgreSQL transaction. Every failure is a HubError with a code and a
 * Swedish message; `error.retryable` is true only for `hub-unreachable` (try again later,
 * with backoff), every other code needs a person and should stop the background sync.
 *
 * Open the pool with `openHubPool(url, { password })` from ./connect.
 */

/** The largest batch `pushEvents` takes, and a good size for the desk's outbox reads. */
export const HUB_PUSH_BATCH = 1000;
/** The default number of events `pullEvents` returns. */
export const HUB_PULL_BATCH = 1000;

const S = HUB_SCHEMA;

/** The desk a hub login belongs to. */
export interface HubIdentity {
  deskId: string;
  deskName: string;
  /** The hub's id: a desk that finds another id than it joined has been pointed elsewhere. */
  hubId: string;
  /** The PostgreSQL role logged in. */
  role: string;
}

/** What one push did. */
export interface PushResult {
  /** Events new to the hub, now committed. */
  accepted: number;
  /** Events the hub already had with the same content (an earlier push whose answer was lost). */
  duplicates: number;
  /** This desk's last deskSeq on the hub after the push (0 if it has none). */
  lastDeskSeq: number;
}

/** One event read from the hub. */
export interface PulledEvent {
  /** Its place in the hub's commit order. */
  hubSeq: number;
  /** When the hub accepted it (epoch ms). */
  pushedAt: number;
  /** The event in this build's current shape (an older schemaVersion is upcast). */
  event: HubEventType;
}

/** A desk of the hub, for marking pulled cards with the station's name. */
export interface HubDesk {
  deskId: string;
  name: string;
}

/** What one pull returned. */
export interface PullResult {
  /** Events with hubSeq > afterHubSeq, in hubSeq order, without gaps; own events included. */
  events: PulledEvent[];
  /** The hubSeq to pull after next time: the last event's, or afterHubSeq when none. */
  cursor: number;
  hubId: string;
  /** Every desk on the hub. */
  desks: HubDesk[];
  /** True when the hub has more events after `cursor` (pull again). */
  more: boolean;
}

function targetOf(pool: pg.Pool): Pick<HubTarget, 'host' | 'user' | 'database'> {
  const o = pool.options;
  return { host: String(o.host ?? ''), user: String(o.user ?? ''), database: String(o.database ?? '') };
}

// Clients that have a lasting listener for 'error' (an unheard one would end the process).
const guarded = new WeakSet<pg.PoolClient>();

async function withClient<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const target = targetOf(pool);
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw describePgError(error, target);
  }
  let broken: Error | undefined;
  // A connection that breaks while checked out (the server restarts between two queries of
  // a push) emits 'error'; the failing query reports it, and the client is not reused. The
  // server's last word can also come after the client left the pool: it is let go quietly.
  if (!guarded.has(client)) {
    guarded.add(client);
    client.on('error', () => undefined);
  }
  const onError = (error: Error) => {
    broken = error;
  };
  client.on('error', onError);
  try {
    return await work(client);
  } catch (error) {
    const described = describePgError(error, target);
    if (described.retryable) broken = described;
    throw described;
  } finally {
    client.off('error', onError);
    // A connection that failed is not given back to the pool.
    client.release(broken);
  }
}

async function inTransaction<T>(client: pg.PoolClient, work: () => Promise<T>, mode = 'BEGIN'): Promise<T> {
  await client.query(mode);
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

// Who the login is, on which hub, and how far its events reach: one round trip. A database
// without the hub's tables is "not initialised"; a hub of another schema version is refused.
async function identify(db: Queryable, database: string): Promise<HubIdentity & { lastDeskSeq: number }> {
  let rows: {
    hub_id: string;
    schema_version: number;
    desk_id: string | null;
    name: string | null;
    role: string;
    last_desk_seq: string | null;
  }[];
  try {
    ({ rows } = await db.query(
      `SELECT m.hub_id::text AS hub_id, m.schema_version, d.desk_id, d.name, current_user::text AS role,
              p.last_desk_seq
       FROM ${S}.meta m
       LEFT JOIN ${S}.desks d ON d.role_name = current_user
       LEFT JOIN ${S}.desk_push p ON p.desk_id = d.desk_id`,
    ));
  } catch (error) {
    const code = (error as { code?: string }).code;
    // Undefined table or schema, or no right to it: tell the hub's version apart first.
    if (code === '42P01' || code === '3F000' || code === '42703') await readHubMeta(db, database);
    throw error;
  }
  const row = rows[0];
  if (!row) throw new HubError('hub-not-initialised', { database });
  if (row.schema_version !== HUB_SCHEMA_VERSION) await readHubMeta(db, database);
  if (!row.desk_id || row.name === null) throw new HubError('hub-not-a-desk', { user: row.role });
  return {
    deskId: row.desk_id,
    deskName: row.name,
    hubId: row.hub_id,
    role: row.role,
    lastDeskSeq: Number(row.last_desk_seq ?? 0),
  };
}

/**
 * Which desk the pool's login is, and which hub it is on. Throws `hub-not-a-desk` for a
 * role that is no desk (an admin or coordinator), `hub-not-initialised`, `hub-older-schema`
 * or `hub-newer-schema` for a database this build cannot sync with.
 */
export async function whoAmI(pool: pg.Pool): Promise<HubIdentity> {
  return withClient(pool, async (client) => {
    const { lastDeskSeq: _last, ...identity } = await identify(client, targetOf(pool).database);
    return identity;
  });
}

// Everything about a batch that can be checked without the hub. Returns each event's
// canonical JSON without its hash: what its hash covers, and what the hub stores. An event
// sealed by sealCheckedEvent in this process was checked then and cannot have changed.
function checkBatch(events: readonly HubEventType[]): string[] {
  const texts: string[] = [];
  let previous: HubEventType | undefined;
  for (const event of events) {
    let text = checkedCanonicalJson(event);
    if (text === undefined) {
      const deskSeq = (event as { deskSeq?: unknown }).deskSeq;
      const parsed = HubEvent.safeParse(event);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new HubError('hub-invalid-event', {
          deskSeq: String(deskSeq),
          detail: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'ogiltig'}`,
        });
      }
      // The parsed copy has exactly the schema's keys, in sorted order: the fast way to the
      // canonical JSON of what was given.
      text = canonicalJson(unsealedOf(parsed.data));
      if (hashText(text) !== event.contentHash) {
        throw new HubError('hub-invalid-event', {
          deskSeq: event.deskSeq,
          detail: 'kontrollsumman stämmer inte',
        });
      }
    }
    if (previous) {
      if (event.deskId !== previous.deskId) {
        throw new HubError('hub-invalid-event', {
          deskSeq: event.deskSeq,
          detail: 'en sats får bara innehålla en kortstations händelser',
        });
      }
      if (event.deskSeq !== previous.deskSeq + 1) {
        throw new HubError('hub-invalid-event', {
          deskSeq: event.deskSeq,
          detail: `satsen ska vara i följd utan luckor (efter ${previous.deskSeq})`,
        });
      }
    }
    texts.push(text);
    previous = event;
  }
  return texts;
}

/**
 * Pushes one batch of this desk's events (at most HUB_PUSH_BATCH, in deskSeq order without
 * gaps) in one transaction, and records the push (time and `appVersion`) for deskCoverage —
 * also when `events` is empty or all already on the hub.
 *
 * - Idempotent: an event whose deskSeq is on the hub with the same content hash counts as a
 *   duplicate and changes nothing (an earlier push whose acknowledgement was lost). So does
 *   the erased copy of an event the hub holds (the desk's erasure of personal data rewrote
 *   only the holder's HSA-id to its pseudonym; a hub restored from before the erasure):
 *   the hub keeps its copy, and the desk's `erased` event does the erasing there.
 * - A deskSeq on the hub with OTHER content (a desk restored from an old backup) throws
 *   `hub-conflict` naming the deskSeq; nothing of the batch is written.
 * - The first new event must be the hub's last deskSeq for this desk + 1, else `hub-gap`
 *   (with `params.expected`); an event of another desk throws `hub-wrong-desk`; an event
 *   for a card another desk registered throws `hub-foreign-card`; a malformed event or one
 *   whose hash does not match throws `hub-invalid-event`.
 *
 * After it resolves, the batch is on the hub: mark it acknowledged in the outbox (in a new
 * SQLite transaction). If it throws `hub-unreachable`, the batch may or may not have been
 * committed — push the same events again; duplicates are recognised.
 */
export async function pushEvents(
  pool: pg.Pool,
  events: readonly HubEventType[],
  appVersion: string,
): Promise<PushResult> {
  if (events.length > HUB_PUSH_BATCH) {
    throw new HubError('hub-invalid-input', {
      field: 'events',
      detail: `högst ${HUB_PUSH_BATCH} händelser per sats (fick ${events.length})`,
    });
  }
  const texts = checkBatch(events);
  const database = targetOf(pool).database;
  return withClient(pool, (client) =>
    inTransaction(
      client,
      async () => {
        const me = await identify(client, database);
        const foreign = events.find((e) => e.deskId !== me.deskId);
        if (foreign) {
          throw new HubError('hub-wrong-desk', {
            deskSeq: foreign.deskSeq,
            eventDesk: foreign.deskId,
            desk: me.deskId,
          });
        }
        const last = me.lastDeskSeq;
        let duplicates = 0;
        const fresh: HubEventType[] = [];
        const freshTexts: string[] = [];
        if (events.length > 0) {
          const first = events[0]!.deskSeq;
          const existing = await client.query<{
            desk_seq: string;
            content_hash: string;
            event_id: string;
            schema_version: number;
            payload: Record<string, unknown>;
          }>(
            // The payload only where the hash cannot decide: where the version differs (then
            // the upcast content decides), or the hash differs from the pushed event's (an
            // erased copy, see sameAsStored). An event id already used under another number
            // fails the insert (unique).
            `SELECT desk_seq, content_hash, event_id::text AS event_id, schema_version,
                    CASE WHEN schema_version <> $4 OR content_hash <> ($5::text[])[(desk_seq - $2 + 1)::int]
                         THEN payload END AS payload
             FROM ${S}.events
             WHERE desk_id = $1 AND desk_seq BETWEEN $2 AND $3`,
            [
              me.deskId,
              first,
              first + events.length - 1,
              HUB_EVENT_SCHEMA_VERSION,
              events.map((e) => e.contentHash),
            ],
          );
          const bySeq = new Map(existing.rows.map((r) => [Number(r.desk_seq), r]));
          events.forEach((event, i) => {
            const stored = bySeq.get(event.deskSeq);
            if (stored) {
              if (!sameAsStored(stored, event)) {
                throw new HubError('hub-conflict', { desk: me.deskId, deskSeq: event.deskSeq });
              }
              duplicates++;
            } else {
              fresh.push(event);
              freshTexts.push(texts[i]!);
            }
          });
          if (fresh.length > 0 && fresh[0]!.deskSeq !== last + 1) {
            throw new HubError('hub-gap', {
              desk: me.deskId,
              deskSeq: fresh[0]!.deskSeq,
              expected: last + 1,
            });
          }
          if (fresh.length > 0) await insertEvents(client, me.deskId, fresh, freshTexts);
        }
        await client.query(`SELECT ${S}.record_push($1)`, [appVersion]);
        return { accepted: fresh.length, duplicates, lastDeskSeq: last + fresh.length };
      },
      // Two pushes of one login (two windows, a retry racing the first) wait for each other,
      // from before the desk's last deskSeq is read.
      `BEGIN; SELECT pg_advisory_xact_lock(hashtextextended('kortliggaren-push:' || current_user, 0))`,
    ).catch((error: unknown) => {
      throw fromKlError(error, events);
    }),
  );
}

/**
 * The HSA-id that the erasure of personal data past retention gives a holder in the desk's
 * own outbox: `raderad-` and 12 lower-case hex digits (electron/services/personal-data.ts,
 * PSEUDONYM_PREFIX and randomBytes(6)). Kept exactly that strict: a test erases at a real
 * desk and pushes to a hub restored from before the erasure.
 */
const ERASURE_PREFIX = 'raderad-';
const ERASURE_PSEUDONYM_RE = new RegExp(`^${ERASURE_PREFIX}[0-9a-f]{12}$`);

// The same event: the same hash, or — written by another version — the same upcast content,
// or the erased copy of it (isErasedCopy).
function sameAsStored(
  stored: {
    content_hash: string;
    event_id: string;
    schema_version: number;
    payload: Record<string, unknown> | null;
  },
  event: HubEventType,
): boolean {
  if (stored.event_id !== event.eventId) return false;
  if (stored.content_hash === event.contentHash) return true;
  if (!stored.payload) return false;
  try {
    if (stored.schema_version === event.schemaVersion)
      return isErasedCopy(stored.payload, stored.content_hash, event);
    return sameHubEventContent({ ...stored.payload, contentHash: stored.content_hash }, event);
  } catch {
    return false;
  }
}

/**
 * Whether `event` is the stored event as the desk's erasure of personal data left it in its
 * outbox: the same event id, desk, deskSeq, kind, schema version and time, and the same
 * card state except the holder's HSA-id, which is the erasure's pseudonym where the hub
 * has a real one. The hub keeps what it has (it is append-only; the desk's later `erased`
 * event does the erasing there). A stored payload whose hash no longer matches is never
 * the same event. Anything else that differs is another event: hub-conflict.
 */
function isErasedCopy(payload: Record<string, unknown>, contentHash: string, event: HubEventType): boolean {
  if (!ERASURE_PSEUDONYM_RE.test(event.card.holderHsaId)) return false;
  if (!hasValidHash({ ...payload, contentHash })) return false;
  const stored = HubEvent.parse({ ...payload, contentHash });
  if (
    stored.eventId !== event.eventId ||
    stored.deskId !== event.deskId ||
    stored.deskSeq !== event.deskSeq ||
    stored.kind !== event.kind ||
    stored.schemaVersion !== event.schemaVersion ||
    stored.card.holderHsaId.startsWith(ERASURE_PREFIX)
  ) {
    return false;
  }
  const asErased = { ...unsealedOf(stored), card: { ...stored.card, holderHsaId: event.card.holderHsaId } };
  return canonicalJson(asErased) === canonicalJson(unsealedOf(event));
}

// One statement for the batch. The events travel as one JSON array of their canonical texts
// (no escaping into an array literal, one parse on the server) and their hashes beside
// it; the columns are read from each event. The rows go in deskSeq order so the hub
// numbers them so.
async function insertEvents(
  db: Queryable,
  deskId: string,
  events: readonly HubEventType[],
  texts: readonly string[],
): Promise<void> {
  texts.forEach((text, i) => {
    // PostgreSQL's jsonb cannot hold the NUL character.
    if (text.includes('\\u0000')) {
      throw new HubError('hub-invalid-event', {
        deskSeq: events[i]!.deskSeq,
        detail: 'texten innehåller tecknet NUL',
      });
    }
  });
  await db.query(
    `INSERT INTO ${S}.events (desk_id, desk_seq, event_id, card_id, kind, content_hash, schema_version, payload)
     SELECT $1, (t.e ->> 'deskSeq')::bigint, (t.e ->> 'eventId')::uuid, (t.e -> 'card' ->> 'cardId')::uuid,
            t.e ->> 'kind', t.content_hash, (t.e ->> 'schemaVersion')::int, t.e
     FROM ROWS FROM (jsonb_array_elements($2::jsonb), unnest($3::text[])) WITH ORDINALITY AS t(e, content_hash, ord)
     ORDER BY t.ord`,
    [deskId, `[${texts.join(',')}]`, events.map((e) => e.contentHash)],
  );
}

// The hub's own SQLSTATEs (class KL, raised by accept_event) and races, as HubErrors.
function fromKlError(error: unknown, events: readonly HubEventType[]): unknown {
  const e = error as { code?: string; detail?: string; message?: string; constraint?: string };
  const desk = events[0]?.deskId ?? '';
  switch (e.code) {
    case 'KLGAP': {
      const expected = Number(e.detail ?? 0);
      return new HubError('hub-gap', { desk, deskSeq: events[0]?.deskSeq ?? '', expected }, { cause: error });
    }
    case 'KLFOR': {
      const cardId = /card (\S+)/.exec(e.message ?? '')?.[1] ?? '';
      return new HubError('hub-foreign-card', { cardId, owner: e.detail ?? '' }, { cause: error });
    }
    case 'KLINV':
      return new HubError('hub-invalid-event', { deskSeq: '', detail: e.message ?? '' }, { cause: error });
    case '23505': {
      // An event id the hub has under another number (or, from a race the advisory lock
      // rules out, the same numbers twice): the same id with other content.
      const id = /\(event_id\)=\(([0-9a-f-]+)\)/.exec(e.detail ?? '')?.[1];
      const event = events.find((x) => x.eventId === id) ?? events[0];
      return new HubError('hub-conflict', { desk, deskSeq: event?.deskSeq ?? '' }, { cause: error });
    }
    default:
      return error;
  }
}

/**
 * Reads up to `limit` events with hubSeq > `afterHubSeq`, in hubSeq order. hubSeq is the
 * hub's commit order without gaps, so a pull never skips an event that committed late:
 * store the events and `cursor` in one SQLite transaction and pull after `cursor` next.
 * Each event's content hash is checked (`hub-corrupt-event` otherwise); events of an older
 * schemaVersion are upcast; one newer than this build throws `hub-newer-event`.
 */
export async function pullEvents(
  pool: pg.Pool,
  afterHubSeq: number,
  limit: number = HUB_PULL_BATCH,
): Promise<PullResult> {
  if (!Number.isSafeInteger(afterHubSeq) || afterHubSeq < 0) {
    throw new HubError('hub-invalid-input', { field: 'afterHubSeq', detail: 'ska vara ett heltal ≥ 0' });
  }
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > 10_000) {
    throw new HubError('hub-invalid-input', { field: 'limit', detail: 'ska vara 1–10000' });
  }
  const database = targetOf(pool).database;
  return withClient(pool, (client) =>
    inTransaction(
      client,
      async () => {
        const meta = await readHubMeta(client, database);
        const desks = await client.query<{ desk_id: string; name: string }>(
          `SELECT desk_id, name FROM ${S}.desks ORDER BY desk_id`,
        );
        const { rows } = await client.query<{
          hub_seq: string;
          content_hash: string;
          schema_version: number;
          payload: Record<string, unknown>;
          pushed_ms: string;
        }>(
          `SELECT hub_seq, content_hash, schema_version, payload,
                  floor(extract(epoch FROM pushed_at) * 1000)::bigint AS pushed_ms
           FROM ${S}.events WHERE hub_seq > $1 ORDER BY hub_seq LIMIT $2`,
          [afterHubSeq, limit],
        );
        const events = rows.map((row, i) => readPulled(row, afterHubSeq + i + 1));
        return {
          events,
          cursor: events.length > 0 ? events[events.length - 1]!.hubSeq : afterHubSeq,
          hubId: meta.hubId,
          desks: desks.rows.map((d) => ({ deskId: d.desk_id, name: d.name })),
          more: events.length === limit,
        };
      },
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    ),
  );
}

function readPulled(
  row: {
    hub_seq: string;
    content_hash: string;
    schema_version: number;
    payload: Record<string, unknown>;
    pushed_ms: string;
  },
  expectedHubSeq: number,
): PulledEvent {
  const hubSeq = Number(row.hub_seq);
  if (hubSeq !== expectedHubSeq) {
    // Cannot happen with the counter; refuse rather than let a desk skip an event.
    throw new HubError('hub-failed', {
      detail: `hubSeq ${expectedHubSeq} saknas på hubben (nästa är ${hubSeq})`,
    });
  }
  const raw = { ...row.payload, contentHash: row.content_hash };
  if (!hasValidHash(raw)) throw new HubError('hub-corrupt-event', { hubSeq });
  if (row.schema_version > HUB_EVENT_SCHEMA_VERSION || isNewerHubEvent(raw)) {
    throw new HubError('hub-newer-event', { hubSeq, version: row.schema_version });
  }
  let event: HubEventType;
  try {
    event = readHubEvent(raw);
  } catch (error) {
    throw new HubError('hub-corrupt-event', { hubSeq }, { cause: error });
  }
  return { hubSeq, pushedAt: Number(row.pushed_ms), event };
}
