import type { TFunction } from 'i18next';
import type { IpcError } from '../../../shared/ipc/result';

/** A back-end refusal as a page shows it: messages per field, and the rest as one line. */
export interface PageErrors {
  fields: Record<string, string>;
  general: string | null;
}

export const NO_PAGE_ERRORS: PageErrors = { fields: {}, general: null };

/**
 * Translates an `invalid-input` refusal into messages per field (`validation.` keys of the
 * `common` namespace); `known` lists the fields the page shows, anything else is general.
 * `t` must be bound to `common`.
 */
export function toPageErrors(error: IpcError, t: TFunction, known: readonly string[]): PageErrors {
  if (error.code !== 'invalid-input' || !error.fields?.length) {
    return { fields: {}, general: t(`error.${error.code}`, { defaultValue: error.message }) };
  }
  const out: PageErrors = { fields: {}, general: null };
  for (const f of error.fields) {
    const message = t(`validation.${f.message}`, { ...f.params, defaultValue: f.message });
    const field = known.find((k) => f.field === k) ?? known.find((k) => f.field.startsWith(`${k}.`));
    if (field) {
      out.fields[field] = out.fields[field] ? `${out.fields[field]} ${message}` : message;
    } else {
      const label = t(`field.${f.field.split('.')[0] ?? f.field}`, { defaultValue: f.field });
      out.general = [out.general, `${label}: ${message}`].filter(Boolean).join(' ');
    }
  }
  return out;
}
