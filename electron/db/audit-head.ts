import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Db } from './open';
import { readRegisterId } from './register-identity';
import { onWriteCommitted } from './write-transaction';

/**
 * The audit chain's head kept outside the database: `<register>.audit-head`, a small JSON
 * file rewritten (atomically) after each commit that moved the head. A database that
 * lost committed transactions — its `-wal` deleted after a crash, an old copy put in its
 * place — no longer holds the entry the file names: the check at start and in `audit
 * verify` says so, where the hash chain alone cannot (a shorter chain is still a chain).
 *
 * Cost per change: one indexed read of the newest audit row after the commit, and, when
 * it moved, a write of about 200 bytes and a rename. The file is not fsynced: it is
 * always written after the database's own (synchronous=FULL) commit, so after a power cut
 * it can only lag the database, which the check accepts; a torn file is ignored.
 */

/** The newest audit row: its sequence number and hash. */
export interface AuditHead {
  seq: number;
  hash: string;
}

/** What the sidecar file holds. */
export interface AuditHeadRecord extends AuditHead {
  format: typeof FORMAT;
  /** The register's identity (migration 007), or null for a register without one. */
  registerId: string | null;
  /** When it was written (ISO instant, UTC). */
  writtenAt: string;
}

const FORMAT = 'kortliggaren/audit-head@1';

/** The sidecar file beside the register. */
export function auditHeadPath(databasePath: string): string {
  return `${databasePath}.audit-head`;
}

// Prepared once per connection: the head is read after every commit.
const headStatements = new WeakMap<Db, { get(): AuditHead | undefined }>();

/** The newest audit row of `db`, or null when the log is empty (or not there yet). */
export function readAuditHead(db: Db): AuditHead | null {
  try {
    let statement = headStatements.get(db);
    if (!statement) {
      statement = db.prepare<[], AuditHead>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
      headStatements.set(db, statement);
    }
    return statement.get() ?? null;
  } catch {
    // A database without the table (a brand-new file before migration 001).
    return null;
  }
}

function hashAt(db: Db, seq: number): string | undefined {
  return db.prepare<[number], { hash: string }>('SELECT hash FROM audit_log WHERE seq = ?').get(seq)?.hash;
}

/** The recorded head, or undefined when there is none (or the file is torn or foreign). */
export function readAuditHeadFile(path: string): AuditHeadRecord | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
  const r = parsed as Partial<AuditHeadRecord> | null;
  const valid =
    r !== null &&
    typeof r === 'object' &&
    r.format === FORMAT &&
    Number.isSafeInteger(r.seq) &&
    (r.seq ?? 0) > 0 &&
    typeof r.hash === 'string' &&
    /^[0-9a-f]{64}$/.test(r.hash) &&
    (r.registerId === null || typeof r.registerId === 'string') &&
    typeof r.writtenAt === 'string';
  return valid ? (r as AuditHeadRecord) : undefined;
}

/** Writes the record atomically: a temporary file beside it, then a rename over it. */
export function writeAuditHeadFile(path: string, head: AuditHead, registerId: string | null, at: Date): void {
  const record: AuditHeadRecord = {
    format: FORMAT,
    registerId,
    seq: head.seq,
    hash: head.hash,
    writtenAt: at.toISOString(),
  };
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, `${JSON.stringify(record)}\n`);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Removes the record (a restore put another database in place: the next open records it anew). */
export function removeAuditHeadFile(path: string): void {
  rmSync(path, { force: true });
}

/**
 * How the database stands against its recorded head. `behind`: the database does not
 * hold the recorded entry (`missing`: it ends before it; `different`: it holds another
 * entry under that number) — committed changes were lost.
 */
export type AuditHeadCheck =
  | { status: 'ok' }
  | { status: 'no-record' }
  | { status: 'other-register' }
  | {
      status: 'behind';
      how: 'missing' | 'different';
      recorded: AuditHeadRecord;
      database: AuditHead | null;
    };

/** Compares the database with the recorded head (read-only; works on any connection). */
export function checkAuditHead(db: Db, path: string): AuditHeadCheck {
  const recorded = readAuditHeadFile(path);
  if (!recorded) return { status: 'no-record' };
  let registerId: string | null = null;
  try {
    registerId = readRegisterId(db);
  } catch {
    // Unreadable identity: compared by the chain alone.
  }
  if (recorded.registerId !== null && registerId !== null && recorded.registerId !== registerId) {
    return { status: 'other-register' };
  }
  const database = readAuditHead(db);
  let hash: string | undefined;
  try {
    hash = hashAt(db, recorded.seq);
  } catch {
    hash = undefined;
  }
  if (hash === recorded.hash) return { status: 'ok' };
  return { status: 'behind', how: hash === undefined ? 'missing' : 'different', recorded, database };
}

/**
 * Keeps the sidecar of `db` up to date from now on: writes the current head at once, then
 * after every write transaction that moved it. Errors (a full disk, a read-only folder)
 * go to `onError`; the committed change stands.
 */
export function trackAuditHead(
  db: Db,
  path: string,
  options: { now?: () => Date; onError?: (error: unknown) => void } = {},
): void {
  const now = options.now ?? (() => new Date());
  let written: AuditHead | null = readAuditHeadFile(path) ?? null;
  const record = () => {
    const head = readAuditHead(db);
    if (!head || (written && written.seq === head.seq && written.hash === head.hash)) return;
    try {
      // Read each time: a restore of an old backup gives the register its identity back.
      writeAuditHeadFile(path, head, readRegisterId(db), now());
      written = head;
    } catch (error) {
      options.onError?.(error);
    }
  };
  record();
  onWriteCommitted(db, record);
}
