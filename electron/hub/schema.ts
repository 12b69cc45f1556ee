import type pg from 'pg';
import { HubError } from './errors';
import { HUB_SCHEMA_VERSION } from './migrations';

/** The hub's own PostgreSQL schema (namespace). */
export const HUB_SCHEMA = 'kortliggaren';

/** Anything that runs a query: a pool, a pooled client or a single client. */
export type Queryable = Pick<pg.ClientBase, 'query'>;

/** The names a hub's roles have: unique per hub (roles are shared by a whole PostgreSQL cluster). */
export interface HubRoleNames {
  deskGroup: string;
  coordinator: string;
  desk: (deskId: string) => string;
}

/** The role names of the hub with this id. A desk id maps one-to-one onto its role. */
export function hubRoleNames(hubId: string): HubRoleNames {
  const prefix = `kl_${hubId.replace(/-/g, '').slice(0, 8)}`;
  return {
    deskGroup: `${prefix}_desks`,
    coordinator: `${prefix}_coordinator`,
    // Desk ids are [a-z0-9-]; '_' never occurs in one, so the mapping stays one-to-one.
    desk: (deskId) => `${prefix}_${deskId.replace(/-/g, '_')}`,
  };
}

/** The hub's id and schema version, as stored in its meta row. */
export interface HubMeta {
  hubId: string;
  schemaVersion: number;
}

/**
 * Reads the hub's meta row and checks its schema against this build: a database that is no
 * hub, an older hub, or a newer one each get their own HubError. `allowOlder` lets the
 * admin's `hub init` read an older hub it is about to upgrade.
 */
export async function readHubMeta(db: Queryable, database: string): Promise<HubMeta> {
  const exists = await db.query<{ t: string | null }>(`SELECT to_regclass('${HUB_SCHEMA}.meta')::text AS t`);
  if (!exists.rows[0]?.t) throw new HubError('hub-not-initialised', { database });
  const { rows } = await db.query<{ hub_id: string; schema_version: number }>(
    `SELECT hub_id::text AS hub_id, schema_version FROM ${HUB_SCHEMA}.meta`,
  );
  const row = rows[0];
  if (!row) throw new HubError('hub-not-initialised', { database });
  if (row.schema_version > HUB_SCHEMA_VERSION)
    throw new HubError('hub-newer-schema', { hub: row.schema_version, known: HUB_SCHEMA_VERSION });
  if (row.schema_version < HUB_SCHEMA_VERSION)
    throw new HubError('hub-older-schema', { hub: row.schema_version, known: HUB_SCHEMA_VERSION });
  return { hubId: row.hub_id, schemaVersion: row.schema_version };
}
