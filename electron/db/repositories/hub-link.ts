import type { Db } from '../open';

/** The one row of hub_link: the hub this register joined and how far it has synced. */
export interface HubLinkRow {
  url: string;
  hub_id: string;
  desk_id: string;
  desk_name: string;
  joined_at: number;
  pushed_seq: number;
  pull_cursor: number;
  last_push_at: number | null;
  last_pull_at: number | null;
  last_error: string | null;
  last_error_at: number | null;
}

/** SQL for the register's link to its hub. */
export interface HubLinkRepository {
  /** The link, or undefined before `hub join`. */
  get: () => HubLinkRow | undefined;
  /** Records the join. */
  insert: (link: { url: string; hubId: string; deskId: string; deskName: string }, at: number) => void;
  /** A new address of the same hub, or a new name of this desk. */
  update: (url: string, deskName: string) => void;
  /**
   * Links the register to another hub (one restored from a backup, with a new id): the new
   * identity, nothing pushed (the whole outbox goes again), nothing pulled, no error.
   */
  relink: (link: { url: string; hubId: string; deskId: string; deskName: string }, at: number) => void;
  /** The hub has every event up to and including `deskSeq` (the marker only moves forwards). */
  markPushed: (deskSeq: number, at: number) => void;
  /** Everything up to `cursor` is pulled and stored. */
  markPulled: (cursor: number, at: number) => void;
  /** The last sync error in plain Swedish, or null to clear it. */
  setError: (message: string | null, at: number | null) => void;
}

/** Prepares the hub-link statements of a connection. */
export function createHubLinkRepository(db: Db): HubLinkRepository {
  const get = db.prepare<[], HubLinkRow>('SELECT * FROM hub_link WHERE one = 1');
  const insert = db.prepare<[string, string, string, string, number]>(
    `INSERT INTO hub_link (one, url, hub_id, desk_id, desk_name, joined_at) VALUES (1, ?, ?, ?, ?, ?)`,
  );
  const setIdentity = db.prepare<[string, string]>(
    'UPDATE hub_link SET url = ?, desk_name = ? WHERE one = 1',
  );
  const relink = db.prepare<[string, string, string, string, number]>(
    `UPDATE hub_link SET url = ?, hub_id = ?, desk_id = ?, desk_name = ?, joined_at = ?, pushed_seq = 0,
       pull_cursor = 0, last_push_at = NULL, last_pull_at = NULL, last_error = NULL, last_error_at = NULL
     WHERE one = 1`,
  );
  // Only forwards: an acknowledgement that arrives late never takes the marker back.
  const pushed = db.prepare<[number, number]>(
    'UPDATE hub_link SET pushed_seq = max(pushed_seq, ?), last_push_at = ? WHERE one = 1',
  );
  const pulled = db.prepare<[number, number]>(
    'UPDATE hub_link SET pull_cursor = ?, last_pull_at = ? WHERE one = 1',
  );
  const setError = db.prepare<[string | null, number | null]>(
    'UPDATE hub_link SET last_error = ?, last_error_at = ? WHERE one = 1',
  );
  return {
    get: (): HubLinkRow | undefined => get.get(),
    insert: (link: { url: string; hubId: string; deskId: string; deskName: string }, at: number): void =>
      void insert.run(link.url, link.hubId, link.deskId, link.deskName, at),
    update: (url: string, deskName: string): void => void setIdentity.run(url, deskName),
    relink: (link: { url: string; hubId: string; deskId: string; deskName: string }, at: number): void =>
      void relink.run(link.url, link.hubId, link.deskId, link.deskName, at),
    markPushed: (deskSeq: number, at: number): void => void pushed.run(deskSeq, at),
    markPulled: (cursor: number, at: number): void => void pulled.run(cursor, at),
    setError: (message: string | null, at: number | null): void => void setError.run(message, at),
  };
}
