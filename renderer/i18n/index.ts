import type { i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { createI18n, LANGUAGES, type Language } from '../../shared/i18n';
import { findingTexts } from '../../shared/rules/messages';
import { readStored, STORAGE_KEYS, writeStored } from '../lib/storage';
import { en } from './en';
import { sv } from './sv';

/**
 * The UI's texts (namespace `ui`) and the rules' finding texts (`findings`) per language,
 * added to the shared `common` resources.
 */
export const uiResources = {
  sv: { ui: sv, findings: findingTexts.sv },
  en: { ui: en, findings: findingTexts.en },
};

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language the user chose last time, or Swedish. */
export function readStoredLanguage(): Language {
  const stored = readStored(STORAGE_KEYS.language);
  return isLanguage(stored) ? stored : 'sv';
}

/** Creates the UI's i18next instance (shared + UI texts) in the given language. */
export function createUiI18n(language: Language = 'sv'): i18n {
  return createI18n(language, uiResources);
}

/**
 * Creates the instance for the running app in the remembered language and makes it the
 * react-i18next default. createI18n initialises the instance itself, so the plugin's
 * init is called directly rather than through `use()`.
 */
export function setupI18n(): i18n {
  const instance = createUiI18n(readStoredLanguage());
  initReactI18next.init(instance);
  document.documentElement.lang = instance.language;
  return instance;
}

/** Switches the language, remembers the choice and updates `<html lang>`. */
export function switchLanguage(instance: i18n, language: Language): void {
  void instance.changeLanguage(language);
  writeStored(STORAGE_KEYS.language, language);
  document.documentElement.lang = language;
}

export { LANGUAGES, type Language };
