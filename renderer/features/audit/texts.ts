/**
 * Swedish and English texts of the audit viewer (Händelser). Spread into `ui` by renderer/i18n/sv.ts
 * and en.ts under the top-level key `audit`.
 */
export const auditTextsSv = {
  audit: {
    nav: 'Händelser',
    title: 'Händelser',
    intro: 'Loggen över varje ändring i registret. Den kan inte ändras i efterhand.',
    section: 'Händelser',
    empty: 'Inga händelser.',
    loading: 'Läser in händelser…',
    loadError: 'Händelserna kunde inte läsas in.',
    filterCard: 'Kort-id',
    filterCardPlaceholder: 'Visa bara ett korts händelser',
    at: 'Tid',
    actor: 'Vem',
    action: 'Vad',
    entity: 'Gäller',
    more: 'Visa fler',
    actionName: {
      'card.register': 'Registrerat',
      'card.extend': 'Förlängning registrerad',
      'card.end': 'Avslutat',
      'card.void': 'Makulerat',
      'card.import': 'Importerat',
      'card.correct': 'Rättat',
      'card.reopen': 'Återöppnat',
      'organisation.rename': 'Organisationens namn ändrat',
    },
    endReason: {
      returned: 'återlämnat',
      revoked: 'spärrat',
      extended: 'förlängt',
    },
    detailEnd: '{{reason}} {{time}}',
    detailVoid: 'Motivering: {{why}}',
  },
};

export const auditTextsEn: typeof auditTextsSv = {
  audit: {
    nav: 'Events',
    title: 'Events',
    intro: 'The log of every change to the register. It cannot be changed afterwards.',
    section: 'Events',
    empty: 'No events.',
    loading: 'Loading events…',
    loadError: 'The events could not be loaded.',
    filterCard: 'Card id',
    filterCardPlaceholder: 'Show only one card’s events',
    at: 'Time',
    actor: 'Who',
    action: 'What',
    entity: 'Concerns',
    more: 'Show more',
    actionName: {
      'card.register': 'Registered',
      'card.extend': 'Extension registered',
      'card.end': 'Ended',
      'card.void': 'Voided',
      'card.import': 'Imported',
      'card.correct': 'Corrected',
      'card.reopen': 'Reopened',
      'organisation.rename': 'Organisation renamed',
    },
    endReason: {
      returned: 'returned',
      revoked: 'revoked',
      extended: 'extended',
    },
    detailEnd: '{{reason}} {{time}}',
    detailVoid: 'Justification: {{why}}',
  },
};
