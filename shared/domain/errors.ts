import type { z } from 'zod';

/** One problem with one field: `message` is a translation key under `validation.`. */
export interface FieldError {
  field: string;
  message: string;
  params?: Record<string, string | number>;
}

const KNOWN_KEY = /^[a-zA-Z0-9]+(\.[a-zA-Z0-9]+)*$/;

/** Turns a zod error into field errors whose messages are translation keys. */
export function toFieldErrors(error: z.ZodError): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || '(root)';
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ field: key, message: 'field.unknown' });
      continue;
    }
    const params = (issue as { params?: Record<string, string | number> }).params;
    // Our schemas set keys as messages; anything else zod says becomes a generic type error.
    const message = KNOWN_KEY.test(issue.message) ? issue.message : 'type.invalid';
    out.push(params ? { field, message, params } : { field, message });
  }
  return out;
}
