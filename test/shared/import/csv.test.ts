import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectSeparator, parseCsv } from '../../../shared/import/csv';

function ok(text: string) {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed;
}

describe('parseCsv', () => {
  it('reads ; files as Swedish Excel writes them, CRLF and all', () => {
    const parsed = ok('a;b;c\r\n1;2,5;3\r\n4;5;6\r\n');
    expect(parsed.separator).toBe(';');
    expect(parsed.header).toEqual(['a', 'b', 'c']);
    expect(parsed.records).toEqual([
      { row: 1, cells: ['1', '2,5', '3'] },
      { row: 2, cells: ['4', '5', '6'] },
    ]);
  });

  it('reads , files with LF or CR line ends and no final line end', () => {
    expect(ok('a,b\n1,2\n3,4').records.map((r) => r.cells)).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(ok('a,b\r1,2\r').records.map((r) => r.cells)).toEqual([['1', '2']]);
  });

  it('detects the separator from the header line only, ignoring quoted ones', () => {
    expect(detectSeparator('a,b,c\n1;2;3;4;5')).toBe(',');
    expect(detectSeparator('"a,b,c";d\n')).toBe(';');
    expect(detectSeparator('single\n')).toBe(';');
  });

  it('strips a UTF-8 byte-order mark so the first header is clean', () => {
    expect(ok('\uFEFFholderName;note\nÅsa;x').header).toEqual(['holderName', 'note']);
  });

  it('reads quoted fields with "" escapes, separators and embedded line breaks', () => {
    const parsed = ok('a;b;c\n"x;y";"säger ""hej""";"rad 1\r\nrad 2"\n2;"";3\n');
    expect(parsed.records).toEqual([
      { row: 1, cells: ['x;y', 'säger "hej"', 'rad 1\r\nrad 2'] },
      { row: 2, cells: ['2', '', '3'] },
    ]);
  });

  it('skips blank records but keeps counting them, so row numbers match the sheet', () => {
    const parsed = ok('a;b\n1;2\n\n;\n3;4\n\n');
    expect(parsed.records).toEqual([
      { row: 1, cells: ['1', '2'] },
      { row: 4, cells: ['3', '4'] },
    ]);
  });

  it('counts a record with an embedded line break as one row', () => {
    const parsed = ok('a;b\n"1\n1";2\n3;4');
    expect(parsed.records.map((r) => r.row)).toEqual([1, 2]);
  });

  it('keeps a quote inside an unquoted cell as written', () => {
    expect(ok('a;b\nAnna "Bosse" B;2').records[0]!.cells).toEqual(['Anna "Bosse" B', '2']);
  });

  it.each([
    ['a;b\n1;2;3\n4;5', [{ row: 1, message: 'csv.cellCount', params: { found: 3, expected: 2 } }]],
    ['a;b\n1;2\n"3;4', [{ row: 2, message: 'csv.unterminatedQuote' }]],
    ['a;b\n"1"x;2', [{ row: 1, message: 'csv.textAfterQuote' }]],
    ['"a;b\n', [{ row: 'header', message: 'csv.unterminatedQuote' }]],
    ['', [{ row: 'header', message: 'csv.noHeader' }]],
    ['\n\n', [{ row: 'header', message: 'csv.noHeader' }]],
  ])('refuses %j naming the row', (text, errors) => {
    expect(parseCsv(text)).toEqual({ ok: false, errors });
  });

  it('reads back whatever a standard writer writes (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Å', ';', ',', '"', '\n', '\r\n', ' ', '1') });
    const quote = (c: string) => (/[;,"\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    fc.assert(
      fc.property(
        fc.constantFrom(';', ','),
        fc
          .integer({ min: 1, max: 4 })
          .chain((width) =>
            fc.tuple(
              fc.constant(width),
              fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 5 }),
            ),
          ),
        (sep, [width, rows]) => {
          const header = Array.from({ length: width }, (_, i) => `f${i}`);
          const text = [header, ...rows].map((r) => r.map(quote).join(sep)).join('\r\n');
          const parsed = ok(text);
          const expected = rows
            .map((cells, i) => ({ row: i + 1, cells }))
            .filter((r) => r.cells.some((c) => c.trim() !== ''));
          expect(parsed.header).toEqual(header);
          expect(parsed.records).toEqual(expected);
        },
      ),
    );
  });
});
