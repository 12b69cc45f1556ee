import { z } from 'zod';
import type { FieldError } from '../domain/errors';

export const ERROR_CODES = [
  'invalid-input',
  'not-found',
  'forbidden-sender',
  'unknown-channel',
  'internal',
  // The database failed its check at start: it is open read-only (or not at all) until a
  // backup is restored. The UI shows app:health's message and offers the restore.
  'database-damaged',
  // A backup could not be written or failed integrity_check (it was deleted).
  'backup-failed',
  // Faults of the disk, the file system or another process (electron/services/system-errors.ts);
  // nothing was written, and the message says what the desk can do.
  'busy',
  'disk-full',
  'read-only',
  'access-denied',
  'path-conflict',
  'file-missing',
  'cannot-open',
  'io-error',
  'database-too-new',
  // Talking to the regional hub failed (SPEC §8): the message is the hub's Swedish text; the
  // field error, when there is one, names the input (url, password) and carries the English.
  'hub-failed',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A failure that crosses the IPC boundary: a stable code, a message, and per-field problems. */
export interface IpcError {
  code: ErrorCode;
  message: string;
  fields?: FieldError[];
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Schema of the failure envelope, for the transports that receive it as JSON. */
export const IpcErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  fields: z
    .array(
      z.object({
        field: z.string(),
        message: z.string(),
        params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      }),
    )
    .optional(),
});
