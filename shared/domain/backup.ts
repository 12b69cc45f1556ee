/**
 * Kinds of backup file. `daily` and `pre-migration` are automatic, `manual` is asked for,
 * `before-restore` is the raw copy of the database that a restore replaced
 * (see electron/db/backup-store.ts).
 */
export const BACKUP_KIND_NAMES = ['daily', 'manual', 'pre-migration', 'before-restore'] as const;
export type BackupKind = (typeof BACKUP_KIND_NAMES)[number];
