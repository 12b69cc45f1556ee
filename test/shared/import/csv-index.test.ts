import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexCsv, parseCsv } from '../../../shared/import/csv';

// indexCsv must read every file exactly as parseCsv does; it only defers cutting records.
function viaIndex(text: string) {
  const index = indexCsv(text);
  if (!index.ok) return index;
  const records = Array.from({ length: index.size }, (_, i) => index.record(i));
  return { ok: true as const, separator: index.separator, header: index.header, records };
}

// Pieces a quote-free CSV is made of: cells, separators of both kinds, every line end,
// blank and space-only lines, Unicode spaces that trim() removes, a BOM.
const piece = fc.constantFrom(
  'a',
  'Anna Lindqvist',
  ' ',
  '\u00a0',
  '\u2003',
  '\t',
  ';',
  ',',
  '\n',
  '\r\n',
  '\r',
  '9752 2000',
  'SE2321000016-A1B2',
  'å',
  '',
);
const quoteFree = fc
  .tuple(fc.boolean(), fc.array(piece, { maxLength: 60 }))
  .map(([bom, pieces]) => (bom ? '\uFEFF' : '') + pieces.join(''));

describe('indexCsv', () => {
  it('reads any quote-free file exactly as parseCsv does', () => {
    fc.assert(
      fc.property(quoteFree, (text) => {
        expect(viaIndex(text)).toEqual(parseCsv(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads well-formed files with blank lines and ragged rows as parseCsv does', () => {
    const rows = fc.array(
      fc.oneof(
        fc
          .array(fc.constantFrom('x', 'y z', ' ', ''), { minLength: 3, maxLength: 3 })
          .map((c) => c.join(';')),
        fc.array(fc.constantFrom('x', ''), { minLength: 1, maxLength: 5 }).map((c) => c.join(';')),
        fc.constant(''),
        fc.constant(' ; ;'),
      ),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(rows, fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), (lines, eol, trailing) => {
        const text = ['a;b;c', ...lines].join(eol) + (trailing ? eol : '');
        expect(viaIndex(text)).toEqual(parseCsv(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves a file with quotes to parseCsv, errors included', () => {
    for (const text of ['a;b\n"x;y";z\n', 'a;b\n"x;y\n', 'a;b\n"x"y;z\n', '"a\nb";c\n1;2']) {
      expect(viaIndex(text)).toEqual(parseCsv(text));
    }
  });
});
