import { z } from 'zod';
import { CardRecord, HsaId } from '../domain/card';
import { AuditEntryOut } from '../domain/lifecycle';
import { BACKUP_KIND_NAMES } from '../domain/backup';

export { BACKUP_KIND_NAMES } from '../domain/backup';

/** One backup in the data folder's `backups/`. `createdAt` is ISO with the Stockholm offset. */
export const BackupInfo = z.object({
  name: z.string(),
  kind: z.enum(BACKUP_KIND_NAMES),
  createdAt: z.string(),
  sizeBytes: z.number().int(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

/**
 * Input of `backup:create`: without `path` the backup goes to the backups folder; with
 * it (absolute, chosen in a save dialog) to that file, replacing it atomically.
 */
export const BackupCreateInput = z.strictObject({
  path: z
    .string({ error: (iss) => (iss.input === undefined ? 'required' : 'type.string') })
    .min(1, { message: 'required' })
    .max(4096, { message: 'text.tooLong' })
    .optional(),
});

/** Output of `backup:create`: the file written (in the backups folder, or the chosen path). */
export const BackupCreated = z.object({
  path: z.string(),
  sizeBytes: z.number().int(),
  backup: BackupInfo.nullable(),
});
export type BackupCreated = z.infer<typeof BackupCreated>;

/** Input of `backup:restore`: the name of a file listed by `backup:list`. */
export const BackupRestoreInput = z.strictObject({
  name: z
    .string({ error: (iss) => (iss.input === undefined ? 'required' : 'type.string') })
    .max(255, { message: 'text.tooLong' })
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.db$/, { message: 'backup.name' }),
});

/** The state of the database as the UI shows it (`app:health`). */
export const AppHealth = z.object({
  /** ok; damaged (read-only, readable); unreadable (nothing but restore works). */
  status: z.enum(['ok', 'damaged', 'unreadable']),
  readOnly: z.boolean(),
  /** Translation key of the message to show: `health.ok`, `health.damaged`, `health.unreadable`. */
  messageKey: z.string(),
  /** What PRAGMA quick_check said when the database was opened. */
  quickCheck: z.object({ ok: z.boolean(), problems: z.array(z.string()), checkedAt: z.string() }),
  /** The newest backup (any verified kind). */
  latestBackup: BackupInfo.nullable(),
  /** For a damaged database: the newest backup that passed integrity_check just now. */
  restoreCandidate: BackupInfo.nullable(),
  /** The last automatic backup that failed, as a translation key and detail. */
  backupProblem: z.object({ messageKey: z.string(), detail: z.string() }).nullable(),
  /**
   * The database is behind the audit head recorded beside it (`<register>.audit-head`):
   * entry `recordedSeq` existed at `recordedAt`, the database ends at `databaseSeq` (or
   * holds another entry there). Committed changes may have been lost. Null when all is well.
   */
  rollback: z
    .object({ recordedSeq: z.number().int(), recordedAt: z.string(), databaseSeq: z.number().int() })
    .nullable(),
});
export type AppHealth = z.infer<typeof AppHealth>;

/** Output of `backup:restore`. `beforeRestore` names the copy of the replaced database. */
export const BackupRestored = z.object({
  restored: BackupInfo,
  beforeRestore: z.string().nullable(),
  health: AppHealth,
});
export type BackupRestored = z.infer<typeof BackupRestored>;

/** Input of `personal:export` (an access request, GDPR art. 15). */
export const PersonalExportInput = z.strictObject({ holderHsaId: HsaId });

/**
 * Another station's card of the holder, as this desk holds it from the regional hub (SPEC
 * §8): only what travels — never a holder name, note or ID administrators, which stay at
 * that station — marked with the station. Instants are ISO with the Stockholm offset.
 */
export const PulledCardOfHolder = z.object({
  id: z.string(),
  stationId: z.string(),
  station: z.string(),
  organisationHsaId: z.string(),
  organisationName: z.string(),
  assuranceLevel: z.union([z.literal(2), z.literal(3)]),
  cardNumber: z.string(),
  holderHsaId: z.string(),
  holderIdType: z.enum(['personnummer', 'samordningsnummer', 'other']),
  unplannedPersonnel: z.boolean().nullable(),
  issuedAt: z.string(),
  expiresAt: z.string(),
  endedAt: z.string().nullable(),
  endReason: z.enum(['returned', 'revoked', 'extended']).nullable(),
  reasonCode: z.string(),
  reasonText: z.string(),
  extendsCardId: z.string().nullable(),
  voided: z.boolean(),
});
export type PulledCardOfHolder = z.infer<typeof PulledCardOfHolder>;

/**
 * Everything stored about one holder: the cards, every audit entry that mentions them, and
 * the other stations' cards of the holder pulled from the regional hub (empty when none).
 */
export const PersonalDataExport = z.object({
  format: z.literal('kortliggaren/personal-data@1'),
  holderHsaId: z.string(),
  exportedAt: z.string(),
  cards: z.array(CardRecord),
  auditEntries: z.array(AuditEntryOut),
  pulledCards: z.array(PulledCardOfHolder),
});
export type PersonalDataExport = z.infer<typeof PersonalDataExport>;
