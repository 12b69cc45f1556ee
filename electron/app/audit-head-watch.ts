import type { AppHealth } from '../../shared/ipc/maintenance';
import { formatInstant } from '../../shared/time/stockholm';
import {
  auditHeadPath,
  checkAuditHead,
  readAuditHead,
  trackAuditHead,
  type AuditHeadCheck,
} from '../db/audit-head';
import type { Db } from '../db/open';
import type { ServiceContext } from '../services/context';

/** What the open register's audit head check found, and the way IT clears a rollback. */
export interface AuditHeadWatch {
  /** For app:health: the lost span when the database is behind its recorded head, else null. */
  rollback(): AppHealth['rollback'];
  /**
   * IT has looked into a rollback and accepts the database as it is: an audit entry
   * records both heads, and the sidecar follows the database again. False when there was
   * nothing to clear.
   */
  accept(services: ServiceContext): boolean;
}

/**
 * Checks the register just opened against `<register>.audit-head` and, when it may write
 * and is not behind, keeps the file up to date after every commit. A register found
 * behind leaves the file as it is — the evidence — so every start says so until a backup
 * is restored or IT accepts the loss (`audit accept-head`).
 */
export function watchAuditHead(
  db: Db | undefined,
  databasePath: string,
  options: { writable: boolean; now: () => number; logError: (scope: string, error: unknown) => void },
): AuditHeadWatch {
  const path = auditHeadPath(databasePath);
  const track = (open: Db) =>
    trackAuditHead(open, path, {
      now: () => new Date(options.now()),
      onError: (error) => options.logError('audit-head', error),
    });
  let check: AuditHeadCheck = { status: 'no-record' };
  if (db) {
    try {
      check = checkAuditHead(db, path);
    } catch (error) {
      // A damaged register may not answer; it has its own state to show.
      options.logError('audit-head', error);
    }
    if (options.writable && check.status !== 'behind') track(db);
  }
  return {
    rollback: () =>
      check.status === 'behind'
        ? {
            recordedSeq: check.recorded.seq,
            recordedAt: formatInstant(Date.parse(check.recorded.writtenAt)),
            databaseSeq: check.database?.seq ?? 0,
          }
        : null,
    accept(services) {
      if (check.status !== 'behind' || !options.writable) return false;
      const recorded = check.recorded;
      services.transaction(() => {
        services.audit.append({
          at: options.now(),
          actor: services.actor(),
          action: 'audit.head-accepted',
          entity: 'database',
          entityId: null,
          before: { seq: recorded.seq, hash: recorded.hash, writtenAt: recorded.writtenAt },
          after: { databaseSeqBefore: readAuditHead(services.db)?.seq ?? 0 },
        });
      });
      track(services.db);
      check = { status: 'ok' };
      return true;
    },
  };
}
