/**
 * The desk-side reasons a sync or a join stops, each with a Swedish message that says what
 * to do (English too). Failures talking to the hub itself are the hub client's HubErrors.
 */

export const SYNC_ERROR_CODES = [
  'sync-not-joined',
  'sync-other-hub',
  'sync-restored',
  'sync-own-event-differs',
  'sync-bad-outbox-event',
  'sync-no-password',
  'sync-rejoin-empty',
  'sync-rejoin-behind',
  'sync-new-hub',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

type Params = Record<string, string | number>;

const RESTORED_HELP_SV =
  'Registret har troligen återställts från en äldre säkerhetskopia. Ingenting har skrivits över, varken här eller på hubben. Regional IT: se docs/hub.md, "En kortstation återställd från säkerhetskopia".';
const RESTORED_HELP_EN =
  'The register was probably restored from an older backup. Nothing was overwritten, here or on the hub. Regional IT: see docs/hub.md, "A desk restored from a backup".';

// `hub join` of a register that has not joined before, for a desk that already has events
// on the hub: a desk set up again (new computer, lost register) under its old login.
const REJOIN_HELP_SV =
  'Registret har inte anslutits och ingenting har ändrats, varken här eller på hubben. Gör så här: återställ kortstationens register från en säkerhetskopia med minst {{hubLast}} händelser (backup list, backup restore) och anslut igen, eller be regional IT skapa en ny kortstation (hub desk add --desk NYTT-ID) och anslut registret med den inloggningen. Se docs/hub.md, "En kortstation som satts upp på nytt".';
const REJOIN_HELP_EN =
  'The register has not joined and nothing was changed, here or on the hub. What to do: restore the station’s register from a backup with at least {{hubLast}} events (backup list, backup restore) and join again, or ask regional IT to create a new station (hub desk add --desk NEW-ID) and join the register with that login. See docs/hub.md, "A desk set up again".';

const TEXTS: Record<SyncErrorCode, { sv: string; en: string }> = {
  'sync-rejoin-empty': {
    sv: `Kortstationen {{desk}} har redan {{hubLast}} händelser på hubben, men det här registret är tomt: inloggningen hör till en kortstation som redan finns, och ett nytt register skulle börja om på händelse nummer 1. ${REJOIN_HELP_SV}`,
    en: `Station {{desk}} already has {{hubLast}} events on the hub, but this register is empty: the login belongs to a station that already exists, and a new register would start again at event number 1. ${REJOIN_HELP_EN}`,
  },
  'sync-rejoin-behind': {
    sv: `Kortstationen {{desk}} har redan händelser till och med nummer {{hubLast}} på hubben, men det här registret har bara till och med nummer {{deskLast}}: det är inte det register som skickade dem. ${REJOIN_HELP_SV}`,
    en: `Station {{desk}} already has events up to number {{hubLast}} on the hub, but this register only up to number {{deskLast}}: it is not the register that sent them. ${REJOIN_HELP_EN}`,
  },
  'sync-not-joined': {
    sv: 'Registret är inte anslutet till någon regional hubb. Anslut det först: hub join --url DESK-URL',
    en: 'The register has not joined a regional hub. Join it first: hub join --url DESK_URL',
  },
  'sync-other-hub': {
    sv: 'Registret är anslutet som kortstationen {{desk}} på hubben {{hub}}, men inloggningen hör till kortstationen {{loginDesk}} på hubben {{loginHub}}. Ett register kan bara höra till en kortstation på en hubb; använd kortstationens egen inloggning.',
    en: 'The register joined as station {{desk}} on hub {{hub}}, but the login belongs to station {{loginDesk}} on hub {{loginHub}}. A register belongs to one station on one hub; use the station’s own login.',
  },
  'sync-restored': {
    sv: `Synkningen stoppades: hubben har händelser till och med nummer {{hubLast}} från den här kortstationen ({{desk}}), men registret har bara till och med nummer {{deskLast}}. ${RESTORED_HELP_SV}`,
    en: `The sync stopped: the hub has events up to number {{hubLast}} from this station ({{desk}}), but the register only up to number {{deskLast}}. ${RESTORED_HELP_EN}`,
  },
  'sync-own-event-differs': {
    sv: `Synkningen stoppades: händelse nummer {{deskSeq}} från den här kortstationen ({{desk}}) är en annan på hubben än i registret. ${RESTORED_HELP_SV}`,
    en: `The sync stopped: event number {{deskSeq}} from this station ({{desk}}) is another one on the hub than in the register. ${RESTORED_HELP_EN}`,
  },
  'sync-no-password': {
    sv: 'Lösenordet för kortstationens inloggning {{user}} saknas. Skriv det i URL:en eller sätt miljövariabeln PGPASSWORD (lösenordet som hub desk add visade).',
    en: "The password of the station's login {{user}} is missing. Put it in the URL or set PGPASSWORD (the password hub desk add showed).",
  },
  'sync-new-hub': {
    sv: 'Registret är anslutet som kortstationen {{desk}} på hubben {{hub}}, men inloggningen hör till kortstationen {{loginDesk}} på en annan hubb, {{loginHub}}. Registret har inte anslutits och ingenting har ändrats, varken här eller på hubben. Om hubben har återställts från en säkerhetskopia och fått ett nytt id, eller flyttats till en ny hubb, ansluter du till den nya hubben med en uttrycklig bekräftelse: hub join --url DESK-URL --new-hub (i appen: bekräfta under Inställningar → Regional hubb). Då kopplas registret till hubben {{loginHub}}, hela registret skickas dit igen från händelse nummer 1, och de andra kortstationernas kort från den gamla hubben tas bort här och hämtas på nytt från början vid nästa synkning. Registrets egna kort ändras inte. Se docs/hub.md, "Säkerhetskopior av hubben".',
    en: 'The register joined as station {{desk}} on hub {{hub}}, but the login belongs to station {{loginDesk}} on another hub, {{loginHub}}. The register has not joined and nothing was changed, here or on the hub. If the hub was restored from a backup and given a new id, or moved to a new hub, join the new hub with an explicit confirmation: hub join --url DESK_URL --new-hub (in the app: confirm under Settings → Regional hub). The register is then linked to hub {{loginHub}}, the whole register is sent there again from event number 1, and the other stations’ cards from the old hub are removed here and fetched again from the start at the next sync. The register’s own cards are not changed. See docs/hub.md, "Backups of the hub".',
  },
  'sync-bad-outbox-event': {
    sv: 'Synkningen stoppades: händelse nummer {{deskSeq}} i registrets utkorg går inte att läsa ({{detail}}). Inget skickades. Kontakta regional IT.',
    en: "The sync stopped: event number {{deskSeq}} in the register's outbox cannot be read ({{detail}}). Nothing was sent. Contact regional IT.",
  },
};

function fill(template: string, params: Params): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(params[key] ?? ''));
}

/** A sync or join that cannot go on until a person acts; `message` is Swedish. */
export class SyncError extends Error {
  readonly retryable = false;

  constructor(
    readonly code: SyncErrorCode,
    readonly params: Params = {},
  ) {
    super(fill(TEXTS[code].sv, params));
    this.name = 'SyncError';
  }

  /** The message in Swedish or English. */
  messageIn(language: 'sv' | 'en'): string {
    return fill(TEXTS[this.code][language], this.params);
  }
}
