import { memo, type FunctionComponent } from 'react';
import type { CardFormValues, FormField } from './form-state';

/** What every part of the registration form receives. */
export interface SectionProps {
  values: CardFormValues;
  /** Translated messages, already placed per input. */
  errors: Partial<Record<FormField, string>>;
  onChange: (patch: Partial<CardFormValues>) => void;
}

/**
 * The narrowest a field that holds a card number or an HSA-id may be (31 characters): two
 * such fields share a row only where both show their whole value, so beside the verdict on
 * a 1280 px window they stack instead of cutting the number off.
 */
export const IDENTIFIER_COLUMN = '16.5rem';

/** The DOM id of a form field's input: labels, focus on error and tests use it. */
export function fieldId(field: FormField): string {
  return `card-${field}`;
}

/**
 * Memoises a part of the form on the fields it reads, so a keystroke re-renders only the
 * part being typed in. `reads` must list every value the part uses (its own fields and
 * any it depends on, such as the level); other props are compared as they are.
 */
export function memoSection<P extends SectionProps>(
  component: FunctionComponent<P>,
  reads: readonly (keyof CardFormValues)[],
): FunctionComponent<P> {
  return memo(component, (prev, next) => {
    for (const key of Object.keys(next) as (keyof P)[]) {
      if (key === 'values' || key === 'errors') continue;
      if (prev[key] !== next[key]) return false;
    }
    return reads.every(
      (field) =>
        prev.values[field] === next.values[field] &&
        (field === 'expiresEdited' || prev.errors[field] === next.errors[field]),
    );
  });
}
