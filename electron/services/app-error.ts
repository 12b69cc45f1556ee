import type { FieldError } from '../../shared/domain/errors';
import type { ErrorCode } from '../../shared/ipc/result';

/** A failure a handler or service reports on purpose: it becomes `{ ok: false, error }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Invalid input naming the fields; nothing has been written when this is thrown. */
export function invalidInput(fields: FieldError[]): AppError {
  return new AppError('invalid-input', 'invalid input', fields);
}
