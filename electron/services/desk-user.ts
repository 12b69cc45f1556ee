import { hasForbiddenCharacters, normaliseText, textLength } from '../../shared/domain/text';

/** The settings key naming the desk user recorded in the audit log. */
export const DESK_USER_KEY = 'deskUser';

/**
 * The desk user configured in the settings (`deskUser`), or undefined when it is unset or
 * not a usable name — then the caller falls back to the operating-system user, so the
 * audit log always says who acted.
 */
export function configuredDeskUser(settings: { raw(): Record<string, unknown> }): string | undefined {
  const value = settings.raw()[DESK_USER_KEY];
  if (typeof value !== 'string' || hasForbiddenCharacters(value)) return undefined;
  const name = normaliseText(value);
  return name === '' || textLength(name) > 200 ? undefined : name;
}
