import type { i18n } from 'i18next';
import { createI18n, type Language } from '../i18n/index';
import type { FindingCode, FindingParams, FindingTranslator } from './types';

/**
 * Swedish finding texts, one plain-language line per code. Registered as the i18n
 * namespace `findings`; `fix.*` are the labels of the one-click corrections.
 */
const sv = {
  'l2-outside-dispensation-period':
    'Tillitsnivå 2 är inte tillåten: inget beslut om dispens gäller utfärdandedagen {{issuedDate}} för den här korthållaren.',
  'l2-validity-over-two-weeks':
    'Kortet gäller längre än {{days}} dagar: det får gälla högst till {{limit}} men gäller till {{expiresAt}}.',
  'l2-valid-beyond-dispensation':
    'Kortet gäller till {{expiresAt}}, efter dispensens sista dag {{lastDay}} för den här korthållaren.',
  'l2-issued-in-office-hours':
    'Utfärdat {{issuedAt}}, en arbetsdag inom kontorstid ({{start}}–{{end}}); tillitsnivå 2 får bara utfärdas utanför kontorstid.',
  'l2-planned-personnel': 'Tillitsnivå 2 får bara utfärdas till ej planerad personal.',
  'l2-frequent-reissue':
    'Korthållaren har fått {{count}} reservkort på tillitsnivå 2 under de senaste 30 dagarna.',
  'l3-requires-personnummer': 'Tillitsnivå 3 kräver att korthållaren har ett svenskt personnummer.',
  'l3-needs-two-id-administrators': 'Tillitsnivå 3 ska utfärdas av två olika ID-administratörer.',
  'holder-has-active-card':
    'Korthållaren har redan ett reservkort som gäller vid utfärdandet (utfärdat {{otherIssuedAt}}, giltigt till {{otherExpiresAt}}).',
  'card-reused-for-other-holder':
    'Kortnumret är också registrerat för en annan korthållare ({{otherHolderHsaId}}); ett reservkort får bara gå till en person.',
  'card-number-unusual-format': 'Kortnumret har inte det vanliga formatet: 19 siffror som börjar med 9752.',
  fix: {
    shortenToMaxValidity: 'Korta till {{days}} dagar',
    shortenToDispensationEnd: 'Korta till dispensens slut',
  },
} as const satisfies Record<FindingCode, string> & { fix: Record<string, string> };

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

const en: Texts<typeof sv> = {
  'l2-outside-dispensation-period':
    'Assurance level 2 is not allowed: no dispensation decision covers the issue date {{issuedDate}} for this holder.',
  'l2-validity-over-two-weeks':
    'The card is valid for more than {{days}} days: it may be valid until {{limit}} at most but is valid until {{expiresAt}}.',
  'l2-valid-beyond-dispensation':
    "The card is valid until {{expiresAt}}, after the dispensation's last day {{lastDay}} for this holder.",
  'l2-issued-in-office-hours':
    'Issued {{issuedAt}}, on a working day within office hours ({{start}}–{{end}}); level 2 may only be issued outside office hours.',
  'l2-planned-personnel': 'Assurance level 2 may only be issued to non-planned personnel.',
  'l2-frequent-reissue': 'The holder has received {{count}} level-2 reserve cards in the last 30 days.',
  'l3-requires-personnummer':
    'Assurance level 3 requires the holder to have a Swedish personal identity number.',
  'l3-needs-two-id-administrators': 'Assurance level 3 must be issued by two different ID administrators.',
  'holder-has-active-card':
    'The holder already has a reserve card that is valid at the time of issue (issued {{otherIssuedAt}}, valid until {{otherExpiresAt}}).',
  'card-reused-for-other-holder':
    'The card number is also registered for another holder ({{otherHolderHsaId}}); a reserve card may only ever go to one person.',
  'card-number-unusual-format':
    'The card number does not have the usual format: 19 digits starting with 9752.',
  fix: {
    shortenToMaxValidity: 'Shorten to {{days}} days',
    shortenToDispensationEnd: 'Shorten to the end of the dispensation',
  },
};

/** Finding texts per language; the lead registers them as the i18n namespace `findings`. */
export const findingTexts = { sv, en };

/** The resources to pass to `createI18n` so that `findings:*` keys resolve. */
export const findingResources = { sv: { findings: sv }, en: { findings: en } };

const instances = new Map<Language, i18n>();

// i18next instances are comparatively costly, so one per language, made on first use.
function instanceFor(language: Language): i18n {
  let instance = instances.get(language);
  if (!instance) {
    instance = createI18n(language, findingResources);
    instances.set(language, instance);
  }
  return instance;
}

/** Creates a translator that renders finding messages in the given language. */
export function createFindingTranslator(language: Language): FindingTranslator {
  return (code: FindingCode, params: FindingParams) =>
    String(instanceFor(language).t(`findings:${code}`, params));
}

/** Swedish, the default language of every message a person reads (SPEC §6). */
export const translateFindingSv: FindingTranslator = createFindingTranslator('sv');
