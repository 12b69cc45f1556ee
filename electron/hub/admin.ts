import { createHash, createHmac, pbkdf2Sync, randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { DESK_ID_RE } from '../../shared/hub/event';
import { formatInstant } from '../../shared/time/stockholm';
import { connectHub, describePgError, parseHubUrl, type HubConnectOptions } from './connect';
import { HubError } from './errors';
import { HUB_MIGRATIONS, HUB_SCHEMA_VERSION } from './migrations';
import { HUB_SCHEMA, hubRoleNames, readHubMeta, type Queryable } from './schema';

/**
 * What regional IT does with the admin URL (a role that owns the hub database and may
 * create roles): create or upgrade the hub, add desks. And the status anyone may read.
 */

// Serialises two `hub init` runs against the same database.
const INIT_LOCK = 0x4b4c4855; // "KLHU"

/** What `hub init` did. */
export interface InitHubResult {
  hubId: string;
  /** The schema version before (0 for a new hub) and after. */
  previousVersion: number;
  schemaVersion: number;
  /** The migrations applied now (empty when the hub was already current). */
  applied: number[];
  /** NOLOGIN role to grant to the logins of regional coordinators (reads everything). */
  coordinatorRole: string;
  /** NOLOGIN role every desk's login role belongs to. */
  deskGroupRole: string;
}

const q = (name: string) => pg.escapeIdentifier(name);

async function inTransaction<T>(client: pg.ClientBase, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

async function checkServerVersion(client: Queryable): Promise<void> {
  const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
  const version = Number(rows[0]?.v ?? 0);
  if (version < 150000) {
    throw new HubError('hub-failed', {
      detail: `hubben kräver PostgreSQL 15 eller senare; servern är version ${Math.floor(version / 10000)}`,
    });
  }
}

/**
 * Creates the hub schema in `adminUrl`'s database, or upgrades an older one: every missing
 * migration, in one transaction. Idempotent (a current hub is left as it is); refuses a
 * hub whose schema is newer than this build. The admin role needs CREATEROLE and must own
 * (or be allowed to create in) the database.
 */
export async function initHub(adminUrl: string, options: HubConnectOptions = {}): Promise<InitHubResult> {
  const target = parseHubUrl(adminUrl);
  const client = await connectHub(adminUrl, options);
  try {
    await checkServerVersion(client);
    return await inTransaction(client, async () => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [INIT_LOCK]);
      let previousVersion = 0;
      let hubId: string = randomUUID();
      const exists = await client.query<{ t: string | null }>(
        `SELECT to_regclass('${HUB_SCHEMA}.meta')::text AS t`,
      );
      if (exists.rows[0]?.t) {
        const { rows } = await client.query<{ hub_id: string; schema_version: number }>(
          `SELECT hub_id::text AS hub_id, schema_version FROM ${HUB_SCHEMA}.meta`,
        );
        if (rows[0]) {
          previousVersion = rows[0].schema_version;
          hubId = rows[0].hub_id;
        }
      }
      if (previousVersion > HUB_SCHEMA_VERSION) {
        throw new HubError('hub-newer-schema', { hub: previousVersion, known: HUB_SCHEMA_VERSION });
      }
      const roles = hubRoleNames(hubId);
      const context = {
        schema: q(HUB_SCHEMA),
        database: q(target.database),
        deskGroup: q(roles.deskGroup),
        coordinator: q(roles.coordinator),
        hubIdLiteral: pg.escapeLiteral(hubId),
      };
      const applied: number[] = [];
      for (const migration of HUB_MIGRATIONS) {
        if (migration.version <= previousVersion) continue;
        await client.query(migration.up(context));
        applied.push(migration.version);
      }
      if (applied.length > 0) {
        await client.query(`UPDATE ${HUB_SCHEMA}.meta SET schema_version = $1, upgraded_at = now()`, [
          HUB_SCHEMA_VERSION,
        ]);
      }
      return {
        hubId,
        previousVersion,
        schemaVersion: HUB_SCHEMA_VERSION,
        applied,
        coordinatorRole: roles.coordinator,
        deskGroupRole: roles.deskGroup,
      };
    });
  } catch (error) {
    throw describePgError(error, target);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The SCRAM-SHA-256 verifier of a password (RFC 5802/7677, PostgreSQL's format). The role
 * is created with the verifier, so the password itself never reaches the server or its log.
 */
export function scramVerifier(password: string, salt = randomBytes(16), iterations = 4096): string {
  const salted = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

/** A new desk's login, as `hub desk add` prints it (the password is shown this once). */
export interface AddedDesk {
  desk: string;
  name: string;
  role: string;
  password: string;
}

/** Checks a desk id and name as `hub desk add` takes them; throws `hub-invalid-input`. */
export function checkDeskInput(input: { desk: string; name: string }): { desk: string; name: string } {
  if (!DESK_ID_RE.test(input.desk)) {
    throw new HubError('hub-invalid-input', {
      field: 'desk',
      detail: 'ska vara 2–40 tecken av a–z, 0–9 och bindestreck',
    });
  }
  const name = input.name.trim();
  if (name.length < 1 || name.length > 200) {
    throw new HubError('hub-invalid-input', { field: 'name', detail: 'ska vara 1–200 tecken' });
  }
  return { desk: input.desk, name };
}

/**
 * Creates desk `desk` and its LOGIN role with a password from the operating system's
 * CSPRNG (24 random bytes, base64url). Returns the password; it is stored nowhere.
 */
export async function addDesk(
  adminUrl: string,
  input: { desk: string; name: string },
  options: HubConnectOptions = {},
): Promise<AddedDesk> {
  const { desk, name } = checkDeskInput(input);
  const target = parseHubUrl(adminUrl);
  const client = await connectHub(adminUrl, options);
  try {
    return await inTransaction(client, async () => {
      const meta = await readHubMeta(client, target.database);
      const roles = hubRoleNames(meta.hubId);
      const role = roles.desk(desk);
      const inserted = await client.query(
        `INSERT INTO ${HUB_SCHEMA}.desks (desk_id, name, role_name) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING`,
        [desk, name, role],
      );
      if (inserted.rowCount !== 1) throw new HubError('hub-desk-exists', { desk });
      const password = randomBytes(24).toString('base64url');
      await client.query(
        `CREATE ROLE ${q(role)} LOGIN CONNECTION LIMIT 10 PASSWORD ${pg.escapeLiteral(scramVerifier(password))}
         IN ROLE ${q(roles.deskGroup)}`,
      );
      await client.query(`INSERT INTO ${HUB_SCHEMA}.desk_push (desk_id) VALUES ($1)`, [desk]);
      return { desk, name, role, password };
    });
  } catch (error) {
    if ((error as { code?: string }).code === '42710') throw new HubError('hub-desk-exists', { desk });
    throw describePgError(error, target);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** One desk as `hub status` shows it. */
export interface DeskStatus {
  desk: string;
  name: string;
  role: string;
  /** Events of this desk on the hub (= its last deskSeq: they have no gaps). */
  events: number;
  /** The last push (also one with nothing new), Europe/Stockholm offset; null if never. */
  lastPush: string | null;
  lastPushMs: number | null;
  appVersion: string | null;
}

/** `hub status`: every desk, and the hub's last hubSeq. */
export interface HubStatus {
  hubId: string;
  schemaVersion: number;
  lastHubSeq: number;
  desks: DeskStatus[];
}

/** Reads the hub's status over any connection that may read it (admin, coordinator or desk). */
export async function readHubStatus(db: Queryable, database: string): Promise<HubStatus> {
  const meta = await readHubMeta(db, database);
  const counter = await db.query<{ last: string }>(`SELECT last_hub_seq AS last FROM ${HUB_SCHEMA}.counter`);
  const { rows } = await db.query<{
    desk_id: string;
    name: string;
    role_name: string;
    last_desk_seq: string | null;
    last_push_ms: string | null;
    app_version: string | null;
  }>(
    `SELECT d.desk_id, d.name, d.role_name, p.last_desk_seq,
            floor(extract(epoch FROM p.last_push_at) * 1000)::bigint AS last_push_ms, p.app_version
     FROM ${HUB_SCHEMA}.desks d LEFT JOIN ${HUB_SCHEMA}.desk_push p USING (desk_id)
     ORDER BY d.desk_id`,
  );
  return {
    hubId: meta.hubId,
    schemaVersion: meta.schemaVersion,
    lastHubSeq: Number(counter.rows[0]?.last ?? 0),
    desks: rows.map((r) => {
      const lastPushMs = r.last_push_ms === null ? null : Number(r.last_push_ms);
      return {
        desk: r.desk_id,
        name: r.name,
        role: r.role_name,
        events: Number(r.last_desk_seq ?? 0),
        lastPush: lastPushMs === null ? null : formatInstant(lastPushMs),
        lastPushMs,
        appVersion: r.app_version,
      };
    }),
  };
}

/** `hub status --url URL`. */
export async function hubStatus(url: string, options: HubConnectOptions = {}): Promise<HubStatus> {
  const target = parseHubUrl(url);
  const client = await connectHub(url, options);
  try {
    return await readHubStatus(client, target.database);
  } catch (error) {
    throw describePgError(error, target);
  } finally {
    await client.end().catch(() => undefined);
  }
}
