import { describe, expect, it } from 'vitest';
import { mapCardRow, mapCardRows, readCardCsv, readTimeCell } from '../../../shared/import/card-rows';

/** One valid row as a spreadsheet holds it: every cell text. */
const ROW: Record<string, string> = {
  organisationHsaId: 'SE2321000016-A1B2',
  organisationName: 'Region Exempel',
  assuranceLevel: '2',
  cardNumber: '9752 2100 0000 0000 001',
  holderHsaId: 'SE2321000016-AB12',
  holderName: 'Anna Åberg',
  holderIdType: 'personnummer',
  unplannedPersonnel: 'ja',
  issuedAt: '2026-02-11 19:40',
  expiresAt: '2026-02-25T19:40:00+01:00',
  reasonCode: 'forgotten-card',
  reasonText: '',
  issuedBy: 'Kim Karlsson|Lo Berg',
  note: '',
};

describe('readTimeCell', () => {
  it.each([
    ['2026-02-11 19:40', '2026-02-11T19:40:00+01:00'],
    ['2026-07-01 08:00', '2026-07-01T08:00:00+02:00'],
    [' 2026-03-29 03:00 ', '2026-03-29T03:00:00+02:00'],
    ['2026-10-25 03:00', '2026-10-25T03:00:00+01:00'],
    ['2026-02-11T19:40:00Z', '2026-02-11T19:40:00Z'],
  ])('%s → %s', (cell, value) => {
    expect(readTimeCell(cell)).toEqual({ ok: true, value });
  });

  it.each([
    ['2026-03-29 02:30', 'localTime.nonexistent'],
    ['2026-10-25 02:30', 'localTime.ambiguous'],
    ['2026-02-30 10:00', 'localTime.format'],
  ])('refuses %s (%s) rather than guessing', (cell, message) => {
    expect(readTimeCell(cell)).toEqual({ ok: false, message });
  });
});

describe('mapCardRow', () => {
  it('reads numbers, ja/nej, | lists and local times, and treats empty cells as absent', () => {
    const mapped = mapCardRow(ROW);
    expect(mapped).toMatchObject({
      ok: true,
      values: {
        assuranceLevel: 2,
        cardNumber: '9752210000000000001',
        unplannedPersonnel: true,
        issuedAt: Date.parse('2026-02-11T18:40:00Z'),
        issuedBy: ['Kim Karlsson', 'Lo Berg'],
        reasonText: '',
        endedAt: null,
      },
    });
  });

  it.each([
    ['true', true],
    ['FALSE', false],
    ['Ja', true],
    ['NEJ', false],
  ])('reads unplannedPersonnel %s', (cell, value) => {
    const mapped = mapCardRow({ ...ROW, unplannedPersonnel: cell });
    expect(mapped.ok && mapped.values.unplannedPersonnel).toBe(value);
  });

  it('reports every problem in field order, once per field', () => {
    const mapped = mapCardRow({
      ...ROW,
      assuranceLevel: 'två',
      unplannedPersonnel: 'kanske',
      issuedAt: '2026-03-29 02:30',
      expiresAt: '2026-10-25 02:30',
      holderName: ' ',
    });
    expect(mapped).toEqual({
      ok: false,
      errors: [
        { field: 'assuranceLevel', message: 'assuranceLevel.invalid' },
        { field: 'holderName', message: 'required' },
        { field: 'unplannedPersonnel', message: 'boolean.invalid' },
        { field: 'issuedAt', message: 'localTime.nonexistent' },
        { field: 'expiresAt', message: 'localTime.ambiguous' },
      ],
    });
  });

  it('numbers rows from 1 and refuses unknown fields', () => {
    const { cards, errors } = mapCardRows([ROW, { ...ROW, colour: 'blå' }]);
    expect(cards.map((c) => c.row)).toEqual([1]);
    expect(errors).toEqual([{ row: 2, field: 'colour', message: 'field.unknown' }]);
  });
});

describe('readCardCsv', () => {
  const header = Object.keys(ROW).join(';');
  const line = Object.values(ROW).join(';');

  it('reads a file and names fields by header, in any case', () => {
    const read = readCardCsv(`${header.replace('holderName', 'HOLDERNAME')}\n${line}\n`);
    expect(read.ok && read.cards.map((c) => [c.row, c.values.holderName])).toEqual([[1, 'Anna Åberg']]);
  });

  it('refuses unknown, duplicated and missing columns at the header', () => {
    const read = readCardCsv('holderName;holderName;colour\nA;B;C\n');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors.slice(0, 2)).toEqual([
      { row: 'header', field: 'holderName', message: 'csv.duplicateColumn' },
      { row: 'header', field: 'colour', message: 'field.unknown' },
    ]);
    expect(read.errors.filter((e) => e.message === 'csv.columnMissing').map((e) => e.field)).toContain(
      'cardNumber',
    );
  });

  it('ignores an empty trailing column, but not one with content', () => {
    expect(readCardCsv(`${header};\n${line};\n`).ok).toBe(true);
    expect(readCardCsv(`${header};\n${line};x\n`)).toEqual({
      ok: false,
      errors: [{ row: 'header', field: '(15)', message: 'csv.unnamedColumn' }],
    });
  });

  it('names the data row of a structural problem', () => {
    expect(readCardCsv(`${header}\n${line}\n1;2\n`)).toEqual({
      ok: false,
      errors: [{ row: 2, field: '(row)', message: 'csv.cellCount', params: { found: 2, expected: 14 } }],
    });
  });
});
