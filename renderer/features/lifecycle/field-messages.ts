import type { TFunction } from 'i18next';
import { describeFieldError } from '../../../shared/i18n';
import type { IpcError } from '../../../shared/ipc/result';

/** A refused change: messages for the fields the dialog shows, and the rest as text. */
export interface ActionErrors {
  fields: Record<string, string>;
  general: string[];
}

export const NO_ACTION_ERRORS: ActionErrors = { fields: {}, general: [] };

/**
 * Places the back end's field errors under the dialog's inputs (`shown` maps a back-end
 * field such as `issuedBy.1` to an input name); others, and errors without fields, go to
 * the general list. `t` must be bound to the shared `common` namespace.
 */
export function toActionErrors(
  error: IpcError,
  t: TFunction,
  shown: Record<string, string> = {},
): ActionErrors {
  const out: ActionErrors = { fields: {}, general: [] };
  for (const field of error.fields ?? []) {
    const input = shown[field.field];
    if (input) {
      const message = t(`validation.${field.message}`, { ...field.params, defaultValue: field.message });
      out.fields[input] = out.fields[input] ? `${out.fields[input]} ${message}` : message;
    } else {
      out.general.push(describeFieldError(t, field));
    }
  }
  // A busy register, a full disk: the code's text says what to do (the message is for logs).
  if (!error.fields?.length) out.general.push(t(`error.${error.code}`, { defaultValue: error.message }));
  return out;
}
