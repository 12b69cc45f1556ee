import { describe, expect, it } from 'vitest';
import {
  duplicateTargets,
  matchColumns,
  matchHeader,
  missingRequired,
  normaliseHeader,
} from '../../../renderer/features/import/column-matching';
import { toImportRows } from '../../../renderer/features/import/to-import-rows';
import { excelDateText, cellText } from '../../../renderer/features/import/parse-file';
import {
  extendedElsewhere,
  previewChunks,
  type WizardRow,
} from '../../../renderer/features/import/import-preview';

describe('column matching', () => {
  it('ignores case, accents, spaces and punctuation', () => {
    expect(normaliseHeader(' Korthållarens HSA-id ')).toBe('korthallarenshsaid');
    expect(matchHeader('KORTNUMMER')).toBe('cardNumber');
    expect(matchHeader('korthallare')).toBe('holderName');
    expect(matchHeader('Giltig  till')).toBe('expiresAt');
    expect(matchHeader('tillitsniva')).toBe('assuranceLevel');
    expect(matchHeader('Utfärdat_av')).toBe('issuedBy');
  });

  it.each([
    ['Kortnummer', 'cardNumber'],
    ['Namn', 'holderName'],
    ['Korthållare', 'holderName'],
    ['Korthållarens namn', 'holderName'],
    ['HSA-id', 'holderHsaId'],
    ['Korthållarens HSA-id', 'holderHsaId'],
    ['Organisation HSA-id', 'organisationHsaId'],
    ['Org HSA-id', 'organisationHsaId'],
    ['Organisation', 'organisationName'],
    ['Organisationsnamn', 'organisationName'],
    ['Utfärdat', 'issuedAt'],
    ['Utfärdad', 'issuedAt'],
    ['Utlämnat', 'issuedAt'],
    ['Giltigt till', 'expiresAt'],
    ['Giltig till', 'expiresAt'],
    ['Slutdatum', 'expiresAt'],
    ['Anledning', 'reasonCode'],
    ['Orsak', 'reasonCode'],
    ['Anledningstext', 'reasonText'],
    ['Kommentar', 'reasonText'],
    ['Tillitsnivå', 'assuranceLevel'],
    ['Nivå', 'assuranceLevel'],
    ['Utfärdat av', 'issuedBy'],
    ['Handläggare', 'issuedBy'],
    ['Ej planerad personal', 'unplannedPersonnel'],
    ['Oplanerad', 'unplannedPersonnel'],
    ['Identitetsnummer', 'holderIdType'],
    ['ID-typ', 'holderIdType'],
    ['Anteckning', 'note'],
  ] as const)('maps %s to %s', (header, field) => {
    expect(matchHeader(header)).toBe(field);
  });

  it('accepts the exact field names of SPEC §3 in any case', () => {
    expect(matchHeader('holderHsaId')).toBe('holderHsaId');
    expect(matchHeader('ISSUEDAT')).toBe('issuedAt');
    expect(matchHeader('organisationHsaId')).toBe('organisationHsaId');
  });

  it('leaves unknown headers unmapped and maps a field only once', () => {
    expect(matchColumns(['Kortnummer', 'Löpnummer', 'Kortnr', 'Namn'])).toEqual([
      'cardNumber',
      null,
      null,
      'holderName',
    ]);
  });

  it('names required fields without a column and fields mapped twice', () => {
    const mapping = matchColumns(['Kortnummer', 'Namn']);
    expect(missingRequired(mapping)).toContain('organisationHsaId');
    expect(missingRequired(mapping)).not.toContain('cardNumber');
    expect(duplicateTargets(['cardNumber', null, 'cardNumber', 'note'])).toEqual(['cardNumber']);
  });
});

describe('cell values', () => {
  it('builds rows keyed by field, leaving ignored columns out, in the shared canonical form', () => {
    expect(toImportRows([['1', ' Anna ', 'x']], ['cardNumber', 'holderName', null])).toEqual([
      { cardNumber: '1', holderName: 'Anna' },
    ]);
    expect(
      toImportRows(
        [['Glömt kort', 'Nivå 2', 'ja', '2026-02-11 9:40:00']],
        ['reasonCode', 'assuranceLevel', 'unplannedPersonnel', 'issuedAt'],
      ),
    ).toEqual([
      {
        reasonCode: 'forgotten-card',
        assuranceLevel: '2',
        unplannedPersonnel: 'true',
        issuedAt: '2026-02-11 09:40',
      },
    ]);
  });

  it('reads Excel dates as the wall-clock time typed', () => {
    expect(excelDateText(new Date(Date.UTC(2026, 1, 11, 19, 40)))).toBe('2026-02-11 19:40');
    expect(cellText({ richText: [{ text: 'Glömt ' }, { text: 'kort' }] })).toBe('Glömt kort');
    expect(cellText({ formula: 'A1', result: 3 })).toBe('3');
    expect(cellText(null)).toBe('');
  });

  it('writes a number cell that cannot hold a card number exactly in exponent form', () => {
    // 9752 2100 0000 0000 201 as Excel holds it: 15 significant digits.
    expect(cellText(Number('9752210000000000201'))).toBe('9.75221e+18');
    expect(cellText(2 ** 53)).toBe('9.007199254740992e+15');
    expect(cellText(1234567890123456)).toBe('1.234567890123456e+15');
    expect(cellText(123456789012345)).toBe('123456789012345');
    expect(cellText(3)).toBe('3');
    expect(cellText({ formula: 'A1', result: 9752210000000000000 })).toBe('9.75221e+18');
  });

  it('checks up to 5 000 rows in one call and more in parts of 2 000', () => {
    expect(previewChunks(5_000)).toEqual([{ start: 0, end: 5_000 }]);
    expect(previewChunks(5_001)).toHaveLength(3);
    expect(previewChunks(5_001).at(-1)).toEqual({ start: 4_000, end: 5_001 });
  });

  it('tells a part which of the ids its rows extend are rows kept in other parts', () => {
    const row = (values: Record<string, string>, removed = false): WizardRow => ({
      source: 0,
      values,
      removed,
    });
    const A = 'aaaaaaaa-0000-4000-8000-000000000001';
    const B = 'bbbbbbbb-0000-4000-8000-000000000002';
    const C = 'cccccccc-0000-4000-8000-000000000003';
    const rows = [
      row({ id: A }),
      row({ id: B }, true),
      row({ id: C }),
      row({ extendsCardId: ` ${A.toUpperCase()} ` }), // another part's kept row, written differently
      row({ extendsCardId: B }), // removed: the check must still report it unknown
      row({ extendsCardId: C }), // in the same part: found by the preview itself
      row({ extendsCardId: 'dddddddd-0000-4000-8000-000000000004' }), // in no row at all
    ];
    const kept = [0, 2, 3, 4, 5, 6];
    expect(extendedElsewhere(rows, kept, [2, 3, 4, 5, 6])).toEqual([A]);
    expect(extendedElsewhere(rows, kept, [0])).toEqual([]);
  });
});
