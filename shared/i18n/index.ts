import i18next, { type i18n, type Resource } from 'i18next';
import { en } from './en';
import { sv } from './sv';

export const LANGUAGES = ['sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Shared resources under the `common` namespace. */
export const sharedResources = { sv: { common: sv }, en: { common: en } } satisfies Resource;

/**
 * Creates an isolated i18next instance with the shared texts plus any extra namespaces
 * (the UI adds its own). Swedish is the default and the fallback.
 */
export function createI18n(language: Language = 'sv', extra: Resource = {}): i18n {
  const instance = i18next.createInstance();
  const resources: Resource = {};
  for (const lng of LANGUAGES) {
    resources[lng] = { ...sharedResources[lng], ...(extra[lng] ?? {}) };
  }
  void instance.init({
    lng: language,
    fallbackLng: 'sv',
    resources,
    defaultNS: 'common',
    ns: ['common', ...Object.keys(extra.sv ?? {})],
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}

/** Formats one field error for a person: "Fältnamn: meddelande". */
export function describeFieldError(
  t: i18n['t'],
  error: { field: string; message: string; params?: Record<string, string | number> },
): string {
  const base = error.field.split('.')[0] ?? error.field;
  const label = t(`field.${base}`, { defaultValue: error.field });
  return `${label}: ${t(`validation.${error.message}`, { ...error.params, defaultValue: error.message })}`;
}
