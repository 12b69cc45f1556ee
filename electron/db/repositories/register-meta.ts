import type { Db } from '../open';

/**
 * Keys of `register_meta` (migration 007), facts about the register itself. `findings-stale`
 * is set by a migration that changed what the rules compare (008: HSA-ids upper-cased), so
 * the first open that may write recomputes every card's stored findings.
 */
export const META_KEYS = { registerId: 'register-id', findingsStale: 'findings-stale' } as const;
export type MetaKey = (typeof META_KEYS)[keyof typeof META_KEYS];

/** SQL for `register_meta`. */
export interface RegisterMetaRepository {
  /** The value of a key, or undefined. */
  get: (key: MetaKey) => string | undefined;
  /** Stores (or replaces) the value of a key. */
  set: (key: MetaKey, value: string) => void;
  /** Removes a key; nothing happens when it is absent. */
  remove: (key: MetaKey) => void;
}

/** Prepares the register_meta statements of a connection. */
export function createRegisterMetaRepository(db: Db): RegisterMetaRepository {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM register_meta WHERE key = ?');
  const set = db.prepare<[string, string]>(
    'INSERT INTO register_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  const remove = db.prepare<[string]>('DELETE FROM register_meta WHERE key = ?');
  return {
    get: (key: MetaKey): string | undefined => get.get(key)?.value,
    set: (key: MetaKey, value: string): void => void set.run(key, value),
    remove: (key: MetaKey): void => void remove.run(key),
  };
}
