/**
 * Every way talking to the hub can fail, each with a code the desk can act on, a Swedish
 * message that tells regional IT (or the desk) what to do, and the same in English.
 * Messages never contain a password.
 */

export const HUB_ERROR_CODES = [
  'hub-url',
  'hub-tls',
  'hub-unreachable',
  'hub-auth',
  'hub-not-initialised',
  'hub-newer-schema',
  'hub-older-schema',
  'hub-not-a-desk',
  'hub-wrong-desk',
  'hub-conflict',
  'hub-gap',
  'hub-foreign-card',
  'hub-invalid-event',
  'hub-corrupt-event',
  'hub-newer-event',
  'hub-permission',
  'hub-desk-exists',
  'hub-invalid-input',
  'hub-failed',
] as const;
export type HubErrorCode = (typeof HUB_ERROR_CODES)[number];

type Params = Record<string, string | number>;

const TEXTS: Record<HubErrorCode, { sv: string; en: string }> = {
  'hub-url': {
    sv: 'Hubbens adress är inte giltig: {{detail}}',
    en: "The hub's address is not valid: {{detail}}",
  },
  'hub-tls': {
    sv: 'TLS-anslutningen till hubben {{host}} kunde inte verifieras ({{detail}}). Kontrollera att serverns certifikat är utfärdat för {{host}} och att sslrootcert pekar på rätt CA-fil.',
    en: 'The TLS connection to the hub {{host}} could not be verified ({{detail}}). Check that the server certificate is issued for {{host}} and that sslrootcert names the right CA file.',
  },
  'hub-unreachable': {
    sv: 'Hubben {{host}} går inte att nå just nu ({{detail}}). Inget har gått förlorat; synkningen försöker igen senare.',
    en: 'The hub {{host}} cannot be reached right now ({{detail}}). Nothing is lost; the sync tries again later.',
  },
  'hub-auth': {
    sv: 'Hubben {{host}} godtog inte inloggningen för rollen {{user}}. Kontrollera lösenordet, eller be regional IT skapa ett nytt med hub desk add.',
    en: 'The hub {{host}} did not accept the login of role {{user}}. Check the password, or ask regional IT for a new one (hub desk add).',
  },
  'hub-not-initialised': {
    sv: 'Databasen {{database}} är ingen Kortliggaren-hubb ännu. Regional IT kör: hub init --url ADMIN-URL',
    en: 'The database {{database}} is not a Kortliggaren hub yet. Regional IT runs: hub init --url ADMIN_URL',
  },
  'hub-newer-schema': {
    sv: 'Hubben har schemaversion {{hub}}, men den här versionen av Kortliggaren känner bara till version {{known}}. Uppdatera Kortliggaren.',
    en: 'The hub has schema version {{hub}}, but this version of Kortliggaren only knows version {{known}}. Update Kortliggaren.',
  },
  'hub-older-schema': {
    sv: 'Hubben har schemaversion {{hub}} men den här versionen av Kortliggaren behöver {{known}}. Regional IT kör: hub init --url ADMIN-URL',
    en: 'The hub has schema version {{hub}} but this version of Kortliggaren needs {{known}}. Regional IT runs: hub init --url ADMIN_URL',
  },
  'hub-not-a-desk': {
    sv: 'Rollen {{user}} hör inte till någon kortstation på hubben. Be regional IT skapa kortstationen med hub desk add.',
    en: 'The role {{user}} belongs to no card station on the hub. Ask regional IT to create the station with hub desk add.',
  },
  'hub-wrong-desk': {
    sv: 'Händelse {{deskSeq}} kommer från kortstationen {{eventDesk}}, men inloggningen hör till {{desk}}. En kortstation skickar bara sina egna händelser.',
    en: 'Event {{deskSeq}} comes from station {{eventDesk}}, but the login belongs to {{desk}}. A station only sends its own events.',
  },
  'hub-conflict': {
    sv: 'Synkningen stoppades: händelse nummer {{deskSeq}} från kortstationen {{desk}} finns redan på hubben med annat innehåll. Troligen har registret återställts från en äldre säkerhetskopia. Ingenting har skrivits över. Regional IT: se docs/hub.md, "En kortstation återställd från säkerhetskopia".',
    en: 'The sync stopped: event number {{deskSeq}} from station {{desk}} is already on the hub with other content. The register was probably restored from an older backup. Nothing was overwritten. Regional IT: see docs/hub.md, "A desk restored from a backup".',
  },
  'hub-gap': {
    sv: 'Synkningen stoppades: kortstationen {{desk}} skickade händelse {{deskSeq}}, men hubben väntar sig nummer {{expected}}. Händelser saknas emellan; ingenting skrevs. Kontakta regional IT.',
    en: 'The sync stopped: station {{desk}} sent event {{deskSeq}}, but the hub expects number {{expected}}. Events are missing in between; nothing was written. Contact regional IT.',
  },
  'hub-foreign-card': {
    sv: 'Synkningen stoppades: kortet {{cardId}} registrerades av kortstationen {{owner}}, och bara den får ändra det. Ingenting skrevs.',
    en: 'The sync stopped: card {{cardId}} was registered by station {{owner}}, and only that station may change it. Nothing was written.',
  },
  'hub-invalid-event': {
    sv: 'Händelse {{deskSeq}} är inte giltig och skickades inte ({{detail}}). Ingenting skrevs.',
    en: 'Event {{deskSeq}} is not valid and was not sent ({{detail}}). Nothing was written.',
  },
  'hub-corrupt-event': {
    sv: 'Händelse {{hubSeq}} på hubben stämmer inte med sin kontrollsumma och lästes inte. Regional IT bör kontrollera hubbens databas.',
    en: "Event {{hubSeq}} on the hub does not match its content hash and was not read. Regional IT should check the hub's database.",
  },
  'hub-newer-event': {
    sv: 'Händelse {{hubSeq}} på hubben har schemaversion {{version}}, som den här versionen av Kortliggaren inte kan läsa. Uppdatera Kortliggaren.',
    en: 'Event {{hubSeq}} on the hub has schema version {{version}}, which this version of Kortliggaren cannot read. Update Kortliggaren.',
  },
  'hub-permission': {
    sv: 'Rollen {{user}} saknar behörighet för det här på hubben ({{detail}}).',
    en: 'The role {{user}} is not allowed to do this on the hub ({{detail}}).',
  },
  'hub-desk-exists': {
    sv: 'Kortstationen {{desk}} finns redan på hubben. Välj ett annat id.',
    en: 'The station {{desk}} already exists on the hub. Choose another id.',
  },
  'hub-invalid-input': {
    sv: '{{field}}: {{detail}}',
    en: '{{field}}: {{detail}}',
  },
  'hub-failed': {
    sv: 'Hubben svarade med ett fel: {{detail}}',
    en: 'The hub answered with an error: {{detail}}',
  },
};

function fill(template: string, params: Params): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(params[key] ?? ''));
}

/** Codes worth retrying later without anyone doing anything (the network, a restarting server). */
export const RETRYABLE_HUB_ERRORS: readonly HubErrorCode[] = ['hub-unreachable'];

/**
 * A failure talking to the hub. `message` is Swedish; `messageIn('en')` gives English.
 * `retryable` says whether the sync may simply try again later (with backoff); every other
 * code needs a person (usually regional IT) and should stop the background sync.
 */
export class HubError extends Error {
  readonly retryable: boolean;

  constructor(
    readonly code: HubErrorCode,
    readonly params: Params = {},
    options?: { cause?: unknown },
  ) {
    super(fill(TEXTS[code].sv, params), options);
    this.name = 'HubError';
    this.retryable = RETRYABLE_HUB_ERRORS.includes(code);
  }

  /** The message in Swedish or English. */
  messageIn(language: 'sv' | 'en'): string {
    return fill(TEXTS[this.code][language], this.params);
  }
}

/** Whether `error` is a HubError, optionally of one code. */
export function isHubError(error: unknown, which?: HubErrorCode): error is HubError {
  return error instanceof HubError && (which === undefined || error.code === which);
}
