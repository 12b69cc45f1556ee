import type { AppHealth, BackupCreated, BackupInfo, BackupRestored } from '../../shared/ipc/maintenance';

/**
 * What the health and backup channels need from the backend itself rather than from one
 * database connection: a restore closes the connection and opens another.
 */
export interface Maintenance {
  /** The database's state as checked at open, with the newest backup. */
  health(): AppHealth;
  /** Every backup in the backups folder, newest first. */
  listBackups(): BackupInfo[];
  /** A verified backup into the backups folder, or to `path`. */
  createBackup(path?: string): BackupCreated;
  /** Verifies the named backup, puts the current database aside and replaces it, reopens. */
  restoreBackup(name: string): BackupRestored;
  /**
   * Accepts a database found behind its recorded audit head (IT, after looking into it):
   * audited, and the check is clear from then on. False when there was nothing to accept.
   */
  acceptAuditHead(): boolean;
}
