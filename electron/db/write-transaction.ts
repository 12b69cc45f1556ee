import type { Db } from './open';

/** Runs after every outermost write transaction on a connection has committed. */
export type CommitHook = (db: Db) => void;

const commitHooks = new WeakMap<Db, CommitHook>();

/**
 * Registers what runs after each outermost write transaction of `db` commits (the audit
 * chain's head sidecar). One hook per connection; a later call replaces it.
 */
export function onWriteCommitted(db: Db, hook: CommitHook): void {
  commitHooks.set(db, hook);
}

/**
 * Runs `fn` in a write transaction that starts as BEGIN IMMEDIATE: the write lock is taken
 * before the first read, so while another process (the CLI importing beside the app)
 * writes, SQLite's busy_timeout makes this one wait instead of failing at once. A
 * transaction begun deferred reads first and then cannot wait for the lock (SQLite
 * refuses to, to avoid a deadlock): it fails with SQLITE_BUSY within milliseconds.
 * Nested inside another transaction it becomes a savepoint of that one. Throwing in `fn`
 * rolls everything back.
 */
export function writeTransaction<T>(db: Db, fn: () => T): T {
  const outermost = !db.inTransaction;
  const result = db.transaction(fn).immediate();
  if (outermost) {
    try {
      commitHooks.get(db)?.(db);
    } catch {
      // The change is committed and must be reported as done; a hook records its own trouble.
    }
  }
  return result;
}

/**
 * Runs `fn` in a read transaction (BEGIN DEFERRED): one consistent snapshot, no write
 * lock, so it works beside a writer and on a database opened read-only.
 */
export function readTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).deferred();
}
