/**
 * Swedish and English texts of the Organisationer section of Inställningar. Spread into
 * `ui` by renderer/i18n/sv.ts and en.ts under their own top-level key.
 */
export const organisationTextsSv = {
  organisations: {
    title: 'Organisationer',
    intro:
      'Organisationerna som korten hör till. Rätta ett namn som blivit fel, t.ex. efter en import med fel teckenkodning; ändringen loggas och månadsrapporten visar det nya namnet.',
    loading: 'Läser in organisationer…',
    loadError: 'Organisationerna kunde inte läsas in.',
    empty: 'Inga organisationer ännu. De läggs till när det första kortet registreras eller importeras.',
    hsaId: 'HSA-id',
    name: 'Namn',
    actions: 'Ändra',
    rename: 'Ändra namn',
    renameLabel: 'Ändra namn på {{name}}',
    modalTitle: 'Ändra organisationens namn',
    newName: 'Nytt namn',
    save: 'Spara namnet',
    cancel: 'Avbryt',
    saved: 'Namnet på {{hsaId}} är ändrat till {{name}}.',
    failed: 'Namnet kunde inte sparas',
  },
};

export const organisationTextsEn: typeof organisationTextsSv = {
  organisations: {
    title: 'Organisations',
    intro:
      'The organisations the cards belong to. Correct a name that came out wrong, e.g. after an import in the wrong encoding; the change is logged and the monthly report shows the new name.',
    loading: 'Loading organisations…',
    loadError: 'The organisations could not be loaded.',
    empty: 'No organisations yet. They are added when the first card is registered or imported.',
    hsaId: 'HSA-id',
    name: 'Name',
    actions: 'Change',
    rename: 'Rename',
    renameLabel: 'Rename {{name}}',
    modalTitle: "Change the organisation's name",
    newName: 'New name',
    save: 'Save the name',
    cancel: 'Cancel',
    saved: 'The name of {{hsaId}} is changed to {{name}}.',
    failed: 'The name could not be saved',
  },
};
