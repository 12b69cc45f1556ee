import type { sv } from './sv';

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

/** English texts; the shape must match the Swedish default exactly. */
export const en: Texts<typeof sv> = {
  field: {
    id: 'Id',
    organisationHsaId: 'Organisation HSA-id',
    organisationName: 'Organisation name',
    assuranceLevel: 'Assurance level',
    cardNumber: 'Card number',
    holderHsaId: 'Holder HSA-id',
    holderName: 'Holder name',
    holderIdType: 'Identity number',
    unplannedPersonnel: 'Non-planned personnel',
    issuedAt: 'Issued',
    expiresAt: 'Valid until',
    reasonCode: 'Reason',
    reasonText: 'Reason description',
    issuedBy: 'Issued by',
    extendsCardId: 'Extends registration',
    endedAt: 'Ended',
    endReason: 'End reason',
    note: 'Note',
    violationJustification: 'Justification',
    title: 'Title',
    from: 'First day',
    to: 'Last day',
    maxValidityDays: 'Longest validity (days)',
    withoutPersonnummerUntil: 'Last day without personnummer',
    officeHours: 'Office hours',
    closedDays: 'Closed days',
    expiringSoonHours: 'Expiring soon (hours)',
    '(root)': 'The registration',
    why: 'Reason',
    now: 'Now',
    withinHours: 'Within (hours)',
    hsaId: 'HSA-id',
    '(row)': 'The row',
    path: 'Path',
    name: 'Backup',
    retentionYears: 'Retention period (years)',
  },
  reason: {
    'forgotten-card': 'Forgotten card',
    'lost-or-stolen': 'Lost or stolen card',
    'damaged-card': 'Damaged card',
    'blocked-card': 'Blocked or locked card',
    'not-yet-received': 'Has not yet received a regular card',
    'short-notice-staff': 'Agency or newly hired at short notice',
    other: 'Other — description required',
  },
  holderIdType: {
    personnummer: 'Personal identity number',
    samordningsnummer: 'Coordination number',
    other: 'No Swedish number (passport etc.)',
  },
  endReason: {
    returned: 'Returned',
    revoked: 'Revoked',
    extended: 'Extended',
  },
  validation: {
    required: 'Required.',
    'type.string': 'Must be text.',
    'type.boolean': 'Must be true or false.',
    'type.array': 'Must be a list.',
    'type.object': 'Must be an object.',
    'type.invalid': 'Has the wrong type or shape.',
    'field.unknown': 'Unknown field.',
    'enum.invalid': 'Is not one of the allowed values.',
    'text.forbiddenCharacters': 'Contains forbidden characters (control characters or broken Unicode).',
    'text.lineBreak': 'Must not contain line breaks; write it all on one line.',
    'text.tooShort': 'Must be at least {{min}} characters.',
    'text.tooLong': 'Must be at most {{max}} characters.',
    'hsaId.format': 'Is not an HSA-id (SE, ten digits, hyphen, letters/digits).',
    'hsaId.checksum': 'The HSA-id has a wrong check digit.',
    'hsaId.length': 'The HSA-id may be at most 31 characters.',
    'uuid.format': 'Is not a valid UUID.',
    'instant.format': 'Is not a time with a time zone (e.g. 2026-01-03T22:15:00+01:00).',
    'localTime.format': 'Write the time as YYYY-MM-DD HH:MM.',
    'localTime.nonexistent': 'That time does not exist (daylight saving time starts).',
    'localTime.ambiguous': 'That time occurs twice (daylight saving time ends); give an offset.',
    'cardNumber.format': 'Must be 10–20 digits (spaces and hyphens are removed).',
    'assuranceLevel.invalid': 'Must be 2 or 3.',
    'issuedBy.count': 'Give one or two ID administrators.',
    'expiresAt.notAfterIssued': 'Must be after the issue time.',
    'unplannedPersonnel.requiredForLevel2': 'Required for assurance level 2.',
    'reasonText.requiredForOther': 'Required when the reason is Other.',
    'end.together': 'End time and end reason go together.',
    'endedAt.beforeIssued': 'Cannot be before the issue time.',
    'extendsCardId.self': 'A registration cannot extend itself.',
    'extendsCardId.unknown': 'The registration being extended does not exist.',
    'holderName.requiredForOtherStation':
      "The card was registered at another station and its holder's name stays there: enter the name.",
    'organisationName.requiredForNew': 'The organisation is new: give its name.',
    'id.conflict': 'A registration with this id and other content already exists.',
    'id.otherDesk':
      'The id belongs to a registration from another card station; only that station can change it.',
    'date.format': 'Write the date as YYYY-MM-DD.',
    'month.format': 'Write the month as YYYY-MM.',
    'violationJustification.required': 'The card breaks a rule: confirm and give a justification.',
    'type.number': 'Must be a number.',
    'integer.range': 'Must be a whole number from {{min}} to {{max}}.',
    'decisionId.format': 'May only contain a–z, 0–9 and hyphens (1–64 characters).',
    'decision.toBeforeFrom': 'The last day cannot be before the first day.',
    'decision.withoutPersonnummerUntilBeforeFrom': "Cannot be before the decision's first day.",
    'decision.exists': 'A decision with this id already exists.',
    'clock.format': 'Write the time as HH:MM (00:00–23:59).',
    'officeHours.order': 'Office hours must end after they start.',
    'officeHours.format': 'Write office hours as HH:MM-HH:MM, e.g. 08:00-17:00.',
    'card.voided': 'The registration is voided and cannot be changed.',
    'card.alreadyVoided': 'The registration is already voided.',
    'card.alreadyEnded': 'The registration has already ended (returned, revoked or extended).',
    'extension.beforePrevious': 'The extension cannot start before the registration it extends.',
    'correction.idFixed': 'The id cannot be changed; void and register again instead.',
    'csv.noHeader': 'The file has no header line with field names.',
    'csv.unterminatedQuote': 'A quotation mark opens here but is never closed.',
    'csv.textAfterQuote': 'Text after a closing quotation mark (write "" for a quotation mark in the text).',
    'csv.cellCount': 'The row has {{found}} fields but the header has {{expected}}.',
    'csv.duplicateColumn': 'The column occurs more than once.',
    'csv.columnMissing': 'The column is missing.',
    'csv.unnamedColumn': 'The column has content but no header.',
    'text.replacementCharacter':
      'Contains the character �, which stands where the file\'s encoding could not be read. Save the file again as "CSV UTF-8" and read it again.',
    'time.format':
      'Cannot be read as a time; write for example {{example}}. Accepted: YYYY-MM-DD HH:MM and YYYY-MM-DD HH:MM:SS (Swedish time, also with T between date and time) or an instant with an offset, e.g. 2025-12-03T18:30:00+01:00 or 2025-12-03T17:30:00Z.',
    'boolean.invalid': 'Write yes or no (or true/false, ja/nej, sant/falskt, 1/0).',
    'reasonCode.unknown':
      'Is not a known reason. Write one of the codes {{allowed}} or its Swedish or English label (e.g. Forgotten card).',
    'holderIdType.unknown':
      'Is not a known type. Write one of the codes {{allowed}} or its label (e.g. Personal identity number).',
    'endReason.unknown':
      'Is not a known end reason. Write one of the codes {{allowed}} or its label (e.g. Returned).',
    'cardNumber.numberCell':
      'The card number is stored as a number ({{value}}) and has lost its last digits. Format the column as Text in Excel and type the card numbers again.',
    'organisation.unknown': 'There is no organisation with this HSA-id.',
    'backup.otherRegister':
      'The backup is of another register and cannot be restored here. Choose one of this register’s backups.',
    'backup.name': 'Is not the name of a backup.',
    'path.notAbsolute': 'The path must be absolute.',
    'path.folderMissing': 'The folder does not exist.',
    'path.isDatabase':
      "The file is the register's own database or belongs to it; an export never overwrites the register. Choose another file.",
    'path.inBackups': 'The file is in the backups folder; choose another folder.',
    'path.notAFile': 'The path points at something that is not a file.',
    'path.wouldOverwrite': 'The file exists and is not a backup; choose a new file name.',
  },
  error: {
    'invalid-input': 'The data is not valid.',
    'not-found': 'Not found.',
    'forbidden-sender': 'The call did not come from the app’s own window.',
    'unknown-channel': 'Unknown call.',
    internal: 'An unexpected error occurred.',
    'database-damaged': 'The database is damaged and open read-only. Restore a backup to register again.',
    'backup-failed': 'The backup could not be written or failed its check.',
    busy: 'The register is busy: another program (such as an import from the command line) is writing to it right now. Nothing was saved. Wait a moment and try again.',
    'disk-full':
      'The disk is full, so nothing could be saved; the register is unchanged. Free space on the disk (or ask IT to) and try again.',
    'read-only':
      'The register or its folder is read-only, so nothing could be saved. You can still read. Ask IT for write access to the data folder.',
    'access-denied':
      'Kortliggaren has no permission for the file or folder, or another program has it open. Nothing was saved. Close the program that has the file open or ask IT for access.',
    'path-conflict':
      'A folder is where a file should be (or the other way round). Nothing was written. Choose another path, or ask IT to move what is in the way.',
    'file-missing':
      'The file or folder no longer exists (it may have been moved, or a network drive disconnected). Check the path and try again.',
    'cannot-open':
      'The register could not be opened: its folder is missing, read-only, or access is denied. Check the data folder and ask IT for write access.',
    'io-error':
      'The disk could not read or write (input/output error). Nothing was saved. Check that the disk is not full and that the network drive is connected, restart Kortliggaren and contact IT if it happens again.',
    'database-too-new':
      'The register was written by a newer version of Kortliggaren. Install the newest version; this version changes nothing in the file.',
    'hub-failed':
      'Syncing with the regional hub failed. The register here is unchanged and keeps working; changes go out with the next sync. See Settings → Regional hub for the reason.',
  },
  health: {
    bannerTitle: 'Check the register',
    ok: 'The database has been checked and works.',
    damaged:
      'The database is damaged. It is open read-only: you can read but not change anything. Nothing has been overwritten. Restore the latest good backup.',
    unreadable:
      'The database is so damaged that it cannot be read. Nothing has been overwritten. Restore the latest good backup.',
    restoreOffer: 'Restore the backup from {{createdAt}}?',
    restoreConfirm:
      'The register is replaced by the backup from {{createdAt}}. What was registered after that time remains only in the copy of the current database ({{aside}}). Continue?',
    noBackup: 'There is no good backup. Contact IT support.',
    backupFailed: 'The automatic backup could not be written.',
    backupUnverified: 'The automatic backup failed its check and was deleted.',
    rollback:
      'The register lacks changes that had already been saved: audit entry {{recordedSeq}} existed at {{recordedAt}}, but the database ends at entry {{databaseSeq}}. Registrations may have been lost, for example after a crash. Compare the latest registrations with your notes, restore the latest backup if it holds them, and contact IT support.',
  },
  backupKind: {
    daily: 'Daily',
    manual: 'Manual',
    'pre-migration': 'Before upgrade',
    'before-restore': 'Before restore',
  },
  personalData: {
    erasedName: 'Erased (past the retention period)',
  },
  maintenanceCli: {
    usageBackup: 'usage: backup [--out FILE] | backup list',
    usageRestore: 'usage: restore NAME --yes',
    confirmRestore:
      'restore replaces the database with the backup; add --yes to confirm (close the app first)',
    usagePersonalData:
      'usage: personal-data erase-expired [--now INSTANT] | personal-data export --holder HSA-ID [--out FILE] | personal-data retention [--years N]',
    damaged: 'the database is damaged ({{problem}}); restore a backup with: restore NAME --yes',
  },
};
