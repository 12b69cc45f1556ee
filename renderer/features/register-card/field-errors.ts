import type { TFunction } from 'i18next';
import { CARD_FIELDS } from '../../../shared/domain/card';
import type { FieldError } from '../../../shared/domain/errors';
import { describeFieldError } from '../../../shared/i18n';
import type { FormField } from './form-state';

/** Messages shown under the inputs, and those that belong to no visible input. */
export interface FormErrors {
  fields: Partial<Record<FormField, string>>;
  general: string[];
}

export const NO_ERRORS: FormErrors = { fields: {}, general: [] };

// Back-end field names whose input has another name in the form.
const FIELD_ALIASES: Record<string, FormField> = {
  issuedBy: 'administrator1',
  'issuedBy.0': 'administrator1',
  'issuedBy.1': 'administrator2',
};

// The form's inputs in the order of SPEC §3's fields (one list, shared/domain/card.ts): the
// two administrators stand where `issuedBy` does, and a new card's id has no input.
const FORM_FIELDS: readonly FormField[] = CARD_FIELDS.flatMap((field): FormField[] =>
  field === 'id' ? [] : field === 'issuedBy' ? ['administrator1', 'administrator2'] : [field],
);

function toFormField(field: string): FormField | null {
  const alias = FIELD_ALIASES[field];
  if (alias) return alias;
  return (FORM_FIELDS as readonly string[]).includes(field) ? (field as FormField) : null;
}

/**
 * Places each error under its input, translated from its `validation.` key. An error for a
 * field the form does not show (or an unknown one) goes to the summary, named by its field.
 * `t` must be bound to the shared `common` namespace.
 */
export function placeFieldErrors(
  errors: FieldError[],
  t: TFunction,
  isVisible: (field: FormField) => boolean,
): FormErrors {
  const out: FormErrors = { fields: {}, general: [] };
  for (const error of errors) {
    const field = toFormField(error.field);
    if (field && isVisible(field)) {
      const message = t(`validation.${error.message}`, { ...error.params, defaultValue: error.message });
      const previous = out.fields[field];
      out.fields[field] = previous ? `${previous} ${message}` : message;
    } else {
      out.general.push(describeFieldError(t, error));
    }
  }
  return out;
}

/** The fields with an error, in form order: the first one gets the focus. */
export function firstErrorField(errors: FormErrors): FormField | null {
  return FORM_FIELDS.find((field) => errors.fields[field] !== undefined) ?? null;
}
