/**
 * Swedish and English texts of the regional hub in the desk app: Settings' "Regional hubb"
 * section, the shell's sync state, the register's and the report's region views. Spread
 * into `ui` by renderer/i18n/sv.ts and en.ts under their own top-level key `hub`.
 */
export const hubTextsSv = {
  hub: {
    settings: {
      title: 'Regional hubb',
      intro:
        'Med en regional hubb delar kortstationerna i regionen ett register: reglerna ser korthållarens kort på alla stationer, och månadsrapporten kan tas fram för hela regionen. Namn, anteckningar och ID-administratörer lämnar aldrig den här datorn.',
      url: 'Hubbens adress (URL)',
      urlHint:
        'Från regional IT, t.ex. postgres://kortstation_boras@hubb.regionen.se:5432/kortliggaren?sslmode=verify-full',
      password: 'Lösenord',
      passwordHint: 'Kortstationens lösenord från regional IT.',
      passwordKeptOs: 'Lösenordet sparas krypterat av operativsystemet, aldrig i registerfilen.',
      passwordKeptMemory:
        'Webbläget sparar lösenordet bara i minnet: det glöms när servern stoppas. Skrivbordsappen sparar det krypterat av operativsystemet.',
      connect: 'Anslut',
      reconnect: 'Anslut igen',
      connecting: 'Ansluter…',
      connected: 'Ansluten som kortstationen {{desk}} ({{deskId}}) på hubben {{hub}}',
      hubId: 'Hubbens id: {{hubId}}',
      connectedTitle: 'Ansluten',
      connectedNow: 'Registret är anslutet. {{count}} händelser skickas till hubben nu.',
      noPassword:
        'Registret hör till kortstationen {{desk}} men inget lösenord är sparat här, så det synkas inte. Ange lösenordet och anslut igen.',
      address: 'Adress',
      syncNow: 'Synka nu',
      syncing: 'Synkar…',
      disconnect: 'Glöm lösenordet',
      disconnectHint:
        'Synkningen stannar och lösenordet tas bort från datorn. Registret förblir kortstationen {{desk}}; anslut igen med lösenordet för att fortsätta.',
      disconnected: 'Lösenordet är borttaget. Registret synkas inte förrän du ansluter igen.',
      failedTitle: 'Det gick inte att ansluta',
      lastResult: 'Senaste synkning {{time}}: {{pushed}} skickade, {{pulled}} hämtade.',
      never: 'Inte synkat ännu',
    },
    status: {
      label: 'Synkning med den regionala hubben',
      regionDataFrom: 'Regionens data från {{time}}',
      noRegionData: 'Regionens data har inte hämtats ännu',
      pending_one: '{{count}} händelse väntar',
      pending_other: '{{count}} händelser väntar',
      allSent: 'Allt skickat',
      running: 'Synkar…',
      retryAt: 'Synkfel · nytt försök {{time}}',
      failed: 'Synkfel',
      stopped: 'Synkningen stoppad',
      noPassword: 'Lösenord saknas',
      openSettings: 'Visa i Inställningar',
      changedReport: 'Regionrapporten för {{months}} har ändrats sedan exporten',
      changedReportShort: 'Rapport {{months}} ändrad',
      openReport: 'Visa rapporten',
      errorTitle: 'Senaste synkningen misslyckades',
    },
    scope: {
      label: 'Visa',
      desk: 'Den här kortstationen',
      region: 'Hela regionen',
    },
    register: {
      title: 'Register — hela regionen',
      validity: 'Giltighet',
      cardAndLevel: 'Kortnummer, nivå',
      intro:
        'Alla kortstationers kort som den här datorn känner till. Andra stationers kort kan bara läsas; de saknar korthållarens namn, som aldrig lämnar stationen som registrerade kortet.',
      station: 'Kortstation',
      allStations: 'Alla kortstationer',
      thisStation: '{{name}} (den här)',
      readOnly: 'Bara läsning',
      noName: 'Namnet finns hos {{station}}',
      empty: 'Inga kort i regionen matchar.',
      loadError: 'Regionens kort kunde inte läsas.',
      page: 'Sida {{page}} av {{pages}}',
      searchPlaceholder: 'HSA-id, kortnummer eller namn',
      otherStation: 'Gäller ett kort på {{station}}',
      tableLabel: 'Regionens reservkort',
      openCard: 'Visa kortet {{cardNumber}}',
    },
    card: {
      title: 'Kort {{cardNumber}} — {{station}}',
      readOnly:
        'Kortet registrerades på kortstationen {{station}} och kan bara ändras där. Korthållarens namn, anteckningen och ID-administratörerna finns bara hos {{station}}.',
      extend: 'Förläng här',
      lastEvent: 'Senaste händelse',
      station: 'Kortstation',
      event: {
        registered: 'Registrerat',
        corrected: 'Rättat',
        extended: 'Förlängt',
        ended: 'Avslutat',
        voided: 'Makulerat',
        erased: 'Korthållarens uppgifter raderade',
      },
      notFound: 'Kortet finns inte bland regionens kort (det kan ha makulerats).',
    },
    report: {
      title: 'Månadsrapport — hela regionen',
      intro:
        'Alla kortstationers kort som den här datorn har hämtat från hubben; varje kort räknas en gång, för organisationen på kortet. Alla tider är svensk tid.',
      coverage: 'Kortstationer',
      coverageHint:
        'När varje station senast skickade till hubben, enligt hubben vid den här datorns senaste synkning.',
      station: 'Kortstation',
      lastPush: 'Senast skickat',
      neverPushed: 'Aldrig',
      complete: 'Med efter månadens slut',
      incomplete: 'Inte skickat sedan månaden slutade',
      monthOpen: 'Månaden pågår',
      incompleteTitle: 'Månaden är kanske inte komplett',
      incompleteBody_one:
        '{{stations}} har inte skickat till hubben sedan månaden slutade och kan ha fler kort för månaden. Vänta med exporten eller kontakta stationen.',
      incompleteBody_other:
        '{{stations}} har inte skickat till hubben sedan månaden slutade och kan ha fler kort för månaden. Vänta med exporten eller kontakta stationerna.',
      regionDataFrom: 'Regionens data från {{time}}',
      notSynced: 'Den här datorn har inte hämtat regionens data ännu: rapporten visar bara egna kort.',
      own: 'den här',
    },
  },
};

export const hubTextsEn: typeof hubTextsSv = {
  hub: {
    settings: {
      title: 'Regional hub',
      intro:
        "With a regional hub the region's card stations share one register: the rules see a holder's cards at every station, and the monthly report can be made for the whole region. Names, notes and ID administrators never leave this computer.",
      url: "The hub's address (URL)",
      urlHint:
        'From regional IT, e.g. postgres://kortstation_boras@hubb.regionen.se:5432/kortliggaren?sslmode=verify-full',
      password: 'Password',
      passwordHint: "The station's password from regional IT.",
      passwordKeptOs: 'The password is kept encrypted by the operating system, never in the register file.',
      passwordKeptMemory:
        'The browser mode keeps the password in memory only: it is forgotten when the server stops. The desktop app keeps it encrypted by the operating system.',
      connect: 'Connect',
      reconnect: 'Connect again',
      connecting: 'Connecting…',
      connected: 'Connected as station {{desk}} ({{deskId}}) on hub {{hub}}',
      hubId: "The hub's id: {{hubId}}",
      connectedTitle: 'Connected',
      connectedNow: 'The register is connected. {{count}} events are being sent to the hub now.',
      noPassword:
        'The register belongs to station {{desk}} but no password is stored here, so it does not sync. Enter the password and connect again.',
      address: 'Address',
      syncNow: 'Sync now',
      syncing: 'Syncing…',
      disconnect: 'Forget the password',
      disconnectHint:
        'The sync stops and the password is removed from this computer. The register stays station {{desk}}; connect again with the password to continue.',
      disconnected: 'The password is removed. The register does not sync until you connect again.',
      failedTitle: 'Could not connect',
      lastResult: 'Last sync {{time}}: {{pushed}} sent, {{pulled}} received.',
      never: 'Not synced yet',
    },
    status: {
      label: 'Sync with the regional hub',
      regionDataFrom: 'Region data as of {{time}}',
      noRegionData: 'Region data not fetched yet',
      pending_one: '{{count}} event waiting',
      pending_other: '{{count}} events waiting',
      allSent: 'All sent',
      running: 'Syncing…',
      retryAt: 'Sync error · retrying {{time}}',
      failed: 'Sync error',
      stopped: 'Sync stopped',
      noPassword: 'Password missing',
      openSettings: 'Show in Settings',
      changedReport: 'The region report for {{months}} has changed since the export',
      changedReportShort: 'Report {{months}} changed',
      openReport: 'Show the report',
      errorTitle: 'The last sync failed',
    },
    scope: {
      label: 'Show',
      desk: 'This card station',
      region: 'The whole region',
    },
    register: {
      title: 'Register — the whole region',
      validity: 'Validity',
      cardAndLevel: 'Card number, level',
      intro:
        "Every station's cards this computer knows of. Other stations' cards are read-only; they have no holder name, which never leaves the station that registered the card.",
      station: 'Card station',
      allStations: 'All card stations',
      thisStation: '{{name}} (this one)',
      readOnly: 'Read-only',
      noName: 'The name is kept at {{station}}',
      empty: 'No cards in the region match.',
      loadError: "The region's cards could not be read.",
      page: 'Page {{page}} of {{pages}}',
      searchPlaceholder: 'HSA-id, card number or name',
      otherStation: 'About a card at {{station}}',
      tableLabel: "The region's reserve cards",
      openCard: 'Show card {{cardNumber}}',
    },
    card: {
      title: 'Card {{cardNumber}} — {{station}}',
      readOnly:
        "The card was registered at station {{station}} and can only be changed there. The holder's name, the note and the ID administrators are kept at {{station}} only.",
      extend: 'Extend here',
      lastEvent: 'Latest event',
      station: 'Card station',
      event: {
        registered: 'Registered',
        corrected: 'Corrected',
        extended: 'Extended',
        ended: 'Ended',
        voided: 'Voided',
        erased: "Holder's data erased",
      },
      notFound: "The card is not among the region's cards (it may have been voided).",
    },
    report: {
      title: 'Monthly report — the whole region',
      intro:
        "Every station's cards this computer has fetched from the hub; each card counts once, for the organisation on the card. All times are Swedish time.",
      coverage: 'Card stations',
      coverageHint: "When each station last sent to the hub, as the hub said at this computer's last sync.",
      station: 'Card station',
      lastPush: 'Last sent',
      neverPushed: 'Never',
      complete: 'In after the month ended',
      incomplete: 'Not sent since the month ended',
      monthOpen: 'Month in progress',
      incompleteTitle: 'The month may not be complete',
      incompleteBody_one:
        '{{stations}} has not sent to the hub since the month ended and may have more cards for the month. Wait with the export or contact the station.',
      incompleteBody_other:
        '{{stations}} have not sent to the hub since the month ended and may have more cards for the month. Wait with the export or contact the stations.',
      regionDataFrom: 'Region data as of {{time}}',
      notSynced: "This computer has not fetched the region's data yet: the report shows own cards only.",
      own: 'this one',
    },
  },
};
