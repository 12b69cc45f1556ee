import { CARD_FIELDS, REQUIRED_COLUMNS, type CardField } from '../../../shared/import/card-rows';
import { foldText } from '../../../shared/import/cell-forms';

/** What a source column is read as: a field of SPEC §3, or nothing. */
export type ColumnTarget = CardField | null;

/** Fields a person may map a column to (the justification is not something an old log has). */
export const MAPPABLE_FIELDS: readonly CardField[] = CARD_FIELDS.filter(
  (f) => f !== 'violationJustification',
);

/** Fields every import needs a column for (SPEC §6); the wizard says which are missing. */
export const REQUIRED_FIELDS: readonly CardField[] = REQUIRED_COLUMNS;

/**
 * Reduces a header to what matters for matching: lower case, no accents (å → a, é → e),
 * no spaces, hyphens, underscores, dots or similar. The same folding the import uses for
 * labels in cells.
 */
export const normaliseHeader: (header: string) => string = foldText;

/** Common Swedish headers of desks' Excel logs, per field (normalised when used). */
const SWEDISH_HEADERS: Readonly<Partial<Record<CardField, readonly string[]>>> = {
  cardNumber: ['Kortnummer', 'Kortnr', 'Reservkortsnummer'],
  holderName: ['Namn', 'Korthållare', 'Korthållarens namn', 'Innehavare'],
  holderHsaId: ['HSA-id', 'Korthållarens HSA-id', 'Användarens HSA-id', 'Personens HSA-id'],
  organisationHsaId: ['Organisation HSA-id', 'Org HSA-id', 'Organisationens HSA-id', 'Organisations HSA-id'],
  organisationName: ['Organisation', 'Organisationsnamn', 'Organisationens namn', 'Kundorganisation'],
  issuedAt: ['Utfärdat', 'Utfärdad', 'Utlämnat', 'Utlämnad', 'Utfärdandedatum', 'Datum utlämnat'],
  expiresAt: ['Giltigt till', 'Giltig till', 'Slutdatum', 'Giltighet till', 'Sista giltighetsdag'],
  reasonCode: ['Anledning', 'Orsak', 'Anledningskod'],
  reasonText: ['Anledningstext', 'Kommentar', 'Beskrivning av anledning', 'Beskrivning'],
  assuranceLevel: ['Tillitsnivå', 'Nivå', 'Tillitsniva'],
  issuedBy: ['Utfärdat av', 'Handläggare', 'Utlämnat av', 'ID-administratör', 'ID-administratörer'],
  unplannedPersonnel: ['Ej planerad personal', 'Oplanerad', 'Oplanerad personal'],
  holderIdType: ['Identitetsnummer', 'ID-typ', 'Typ av identitetsnummer', 'Idtyp'],
  note: ['Anteckning', 'Anteckningar', 'Notering'],
  endedAt: ['Avslutat', 'Återlämnat'],
  endReason: ['Avslutsorsak'],
  extendsCardId: ['Förlänger registrering', 'Förlänger'],
};

const BY_HEADER: ReadonlyMap<string, CardField> = (() => {
  const map = new Map<string, CardField>();
  // Exact field names of SPEC §3 first; a Swedish alias never overrides one.
  for (const field of CARD_FIELDS) map.set(normaliseHeader(field), field);
  for (const [field, headers] of Object.entries(SWEDISH_HEADERS) as [CardField, readonly string[]][]) {
    for (const header of headers) {
      const key = normaliseHeader(header);
      if (!map.has(key)) map.set(key, field);
    }
  }
  return map;
})();

/** The field a single header names, if it is one the wizard recognises. */
export function matchHeader(header: string): CardField | null {
  return BY_HEADER.get(normaliseHeader(header)) ?? null;
}

/**
 * Proposes a field for every source column. A field goes to the first column that names
 * it; a later column with the same meaning is ignored rather than mapped twice.
 */
export function matchColumns(headers: readonly string[]): ColumnTarget[] {
  const taken = new Set<CardField>();
  return headers.map((header) => {
    const field = matchHeader(header);
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

/** Required fields no column is mapped to. */
export function missingRequired(mapping: readonly ColumnTarget[]): CardField[] {
  return REQUIRED_FIELDS.filter((f) => !mapping.includes(f));
}

/** Fields more than one column is mapped to (the wizard refuses to go on until resolved). */
export function duplicateTargets(mapping: readonly ColumnTarget[]): CardField[] {
  const seen = new Set<CardField>();
  const twice = new Set<CardField>();
  for (const f of mapping) {
    if (!f) continue;
    if (seen.has(f)) twice.add(f);
    seen.add(f);
  }
  return [...twice];
}
