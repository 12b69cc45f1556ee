/**
 * Swedish and English texts of the card lifecycle actions (return, end, void, extend). Spread into `ui` by renderer/i18n/sv.ts
 * and en.ts under the top-level key `lifecycle`.
 */
export const lifecycleTextsSv = {
  lifecycle: {
    actions: 'Åtgärder',
    return: 'Återlämna',
    revoke: 'Spärra',
    extend: 'Förläng',
    void: 'Makulera',
    notAvailable: 'Registreringen är avslutad; den kan inte längre ändras.',
    voidedNote: 'Makulerad: {{why}}',
    endTitle: {
      returned: 'Återlämna kortet',
      revoked: 'Spärra kortet',
    },
    endedAt: {
      returned: 'Återlämnat',
      revoked: 'Spärrat',
    },
    endHint: 'Svensk tid, ÅÅÅÅ-MM-DD TT:MM. Förifyllt med nu.',
    confirmEnd: {
      returned: 'Markera som återlämnat',
      revoked: 'Markera som spärrat',
    },
    extendTitle: 'Förläng kortet',
    extendIntro:
      'En ny registrering för samma kort och korthållare. Den nuvarande avslutas som förlängd när den nya börjar.',
    extendOtherIntro:
      'Kortet registrerades på en annan kortstation. Förlängningen blir en ny registrering här för samma kort och korthållare; det andra kortet avslutas bara av sin egen kortstation.',
    holderName: 'Korthållarens namn',
    holderNameHint: 'Namnet följer inte med från den andra kortstationen.',
    issuedAt: 'Ny giltighet från',
    expiresAt: 'Ny giltighet till',
    expiresHint: 'Nivå 2: högst två veckor.',
    administrator1: 'Utfärdat av',
    administrator2: 'Andra ID-administratör',
    administrator2Hint: 'Krävs för nivå 3.',
    confirmExtend: 'Förläng',
    violationTitle: 'Förlängningen bryter mot en regel',
    violationHint: 'Förlängningen sparas med motiveringen och avvikelsen syns i registret.',
    justification: 'Motivering',
    voidTitle: 'Makulera registreringen',
    voidIntro:
      'Använd bara för en registrering som gjordes av misstag. Den finns kvar i loggen men räknas inte i regler eller statistik.',
    voidWhy: 'Varför makuleras registreringen?',
    voidConfirm: 'Jag förstår att makuleringen inte kan ångras',
    confirmVoid: 'Makulera',
    cancel: 'Avbryt',
    invalidTime: 'Ange tiden som ÅÅÅÅ-MM-DD TT:MM.',
    done: {
      returned: 'Kortet är markerat som återlämnat.',
      revoked: 'Kortet är markerat som spärrat.',
      extended: 'Kortet är förlängt.',
      voided: 'Registreringen är makulerad.',
    },
    failed: 'Ändringen kunde inte sparas',
  },
};

export const lifecycleTextsEn: typeof lifecycleTextsSv = {
  lifecycle: {
    actions: 'Actions',
    return: 'Return',
    revoke: 'Revoke',
    extend: 'Extend',
    void: 'Void',
    notAvailable: 'The registration has ended; it can no longer be changed.',
    voidedNote: 'Voided: {{why}}',
    endTitle: {
      returned: 'Return the card',
      revoked: 'Revoke the card',
    },
    endedAt: {
      returned: 'Returned',
      revoked: 'Revoked',
    },
    endHint: 'Swedish time, YYYY-MM-DD HH:MM. Prefilled with now.',
    confirmEnd: {
      returned: 'Mark as returned',
      revoked: 'Mark as revoked',
    },
    extendTitle: 'Extend the card',
    extendIntro:
      'A new registration for the same card and holder. The current one ends as extended when the new one starts.',
    extendOtherIntro:
      'The card was registered at another station. The extension becomes a new registration here for the same card and holder; the other card is ended only by its own station.',
    holderName: "Holder's name",
    holderNameHint: 'The name does not travel from the other station.',
    issuedAt: 'New validity from',
    expiresAt: 'New validity until',
    expiresHint: 'Level 2: at most two weeks.',
    administrator1: 'Issued by',
    administrator2: 'Second ID administrator',
    administrator2Hint: 'Required for level 3.',
    confirmExtend: 'Extend',
    violationTitle: 'The extension breaks a rule',
    violationHint: 'The extension is saved with the justification and the finding shows in the register.',
    justification: 'Justification',
    voidTitle: 'Void the registration',
    voidIntro:
      'Only for a registration made by mistake. It stays in the log but counts in no rule or statistic.',
    voidWhy: 'Why is the registration voided?',
    voidConfirm: 'I understand that voiding cannot be undone',
    confirmVoid: 'Void',
    cancel: 'Cancel',
    invalidTime: 'Enter the time as YYYY-MM-DD HH:MM.',
    done: {
      returned: 'The card is marked as returned.',
      revoked: 'The card is marked as revoked.',
      extended: 'The card is extended.',
      voided: 'The registration is voided.',
    },
    failed: 'The change could not be saved',
  },
};
