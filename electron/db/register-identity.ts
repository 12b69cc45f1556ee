import { statSync } from 'node:fs';
import { openReadOnly } from './health';
import type { Db } from './open';

/** The `register_meta` key of the register's identity (migration 007). */
export const REGISTER_ID_KEY = 'register-id';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The identity of the register open in `db`: a UUID, or null for a database from before
 * migration 007 (an old backup) that has none.
 */
export function readRegisterId(db: Db): string | null {
  let statement = idStatements.get(db);
  if (!statement) {
    const table = db
      .prepare<[], { n: number }>(
        "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'register_meta'",
      )
      .get();
    if (!table?.n) return null;
    statement = db.prepare<[string], { value: string }>('SELECT value FROM register_meta WHERE key = ?');
    // Read after every commit (audit-head.ts): prepared once, when the table exists.
    idStatements.set(db, statement);
  }
  const row = statement.get(REGISTER_ID_KEY);
  return row && UUID_RE.test(row.value) ? row.value : null;
}

const idStatements = new WeakMap<Db, { get(key: string): { value: string } | undefined }>();

/**
 * Gives the register in `db` an identity (inside the caller's write transaction): used when
 * a backup from before identities was restored, so the register keeps the identity its
 * other backups carry.
 */
export function writeRegisterId(db: Db, id: string): void {
  if (!UUID_RE.test(id)) throw new Error(`not a register identity: ${id}`);
  db.prepare(
    'INSERT INTO register_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(REGISTER_ID_KEY, id);
}

// A backup never changes once written; its identity is read once per file version.
const fileIds = new Map<string, { stamp: string; id: string | null | undefined }>();

/**
 * The identity recorded in a database file (a backup), read without changing it: a UUID;
 * null when the file predates identities; undefined when it cannot be read at all.
 */
export function registerIdOfFile(path: string, nativeBinding?: string): string | null | undefined {
  let stamp: string;
  try {
    const stat = statSync(path);
    stamp = `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return undefined;
  }
  const known = fileIds.get(path);
  if (known?.stamp === stamp) return known.id;
  let id: string | null | undefined;
  let db: Db | undefined;
  try {
    db = openReadOnly(path, nativeBinding);
    id = readRegisterId(db);
  } catch {
    id = undefined;
  } finally {
    db?.close();
  }
  fileIds.set(path, { stamp, id });
  return id;
}
