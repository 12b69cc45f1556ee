import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeImportText } from '../../../shared/import/decode-text';

// Windows-1252 as Swedish Excel writes it, built by hand so the test does not trust the
// decoder it checks: Latin-1 for the letters below 0x100, and the 0x80–0x9F specials.
const CP1252_SPECIALS: Record<string, number> = {
  '€': 0x80,
  '–': 0x96,
  '—': 0x97,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '…': 0x85,
  Š: 0x8a,
  š: 0x9a,
  Ž: 0x8e,
  ž: 0x9e,
  Œ: 0x8c,
  œ: 0x9c,
  Ÿ: 0x9f,
  '•': 0x95,
};

function encodeCp1252(text: string): Uint8Array {
  return Uint8Array.from(
    [...text].map((ch) => {
      const special = CP1252_SPECIALS[ch];
      if (special !== undefined) return special;
      const code = ch.codePointAt(0)!;
      if (code > 0xff || (code >= 0x80 && code <= 0x9f)) throw new Error(`not in Windows-1252: ${ch}`);
      return code;
    }),
  );
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const withPrefix = (prefix: number[], bytes: Uint8Array) => Uint8Array.from([...prefix, ...bytes]);
function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (littleEndian) out.push(unit & 0xff, unit >> 8);
    else out.push(unit >> 8, unit & 0xff);
  }
  return Uint8Array.from(out);
}

const LINE = 'Korthållare;Organisation\r\nÅsa Öberg;Region Västra Götaland – Sjukhus €\r\n';

describe('decodeImportText', () => {
  it.each([
    ['plain ASCII', utf8('a;b\r\n1;2'), 'a;b\r\n1;2', 'utf-8'],
    ['UTF-8 without BOM', utf8(LINE), LINE, 'utf-8'],
    ['UTF-8 with BOM (Excel "CSV UTF-8")', withPrefix([0xef, 0xbb, 0xbf], utf8(LINE)), LINE, 'utf-8-bom'],
    ['UTF-16 LE with BOM', withPrefix([0xff, 0xfe], utf16(LINE, true)), LINE, 'utf-16le-bom'],
    ['UTF-16 BE with BOM', withPrefix([0xfe, 0xff], utf16(LINE, false)), LINE, 'utf-16be-bom'],
    ['Windows-1252 (Excel "CSV semikolonavgränsad")', encodeCp1252(LINE), LINE, 'windows-1252'],
    ['empty', new Uint8Array(), '', 'utf-8'],
  ] as const)('%s', (_, bytes, text, encoding) => {
    expect(decodeImportText(bytes)).toEqual({ text, encoding });
  });

  it('reads "Åsa Öberg" from Windows-1252 bytes, not "�sa �berg"', () => {
    const { text } = decodeImportText(
      Uint8Array.from([0xc5, 0x73, 0x61, 0x20, 0xd6, 0x62, 0x65, 0x72, 0x67]),
    );
    expect(text).toBe('Åsa Öberg');
    expect(text).not.toContain('\uFFFD');
  });

  it('decodes every byte from 0x80 as the WHATWG windows-1252 index does (not as Latin-1)', () => {
    // Python's cp1252 codec, with the five undefined bytes as their C1 code points.
    const expected =
      '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ' +
      String.fromCharCode(...Array.from({ length: 0x60 }, (_, i) => 0xa0 + i));
    const bytes = Uint8Array.from({ length: 0x80 }, (_, i) => 0x80 + i);
    expect(decodeImportText(bytes)).toEqual({ text: expected, encoding: 'windows-1252' });
  });

  it('gives the bytes Windows-1252 leaves undefined as control characters, which text validation refuses', () => {
    expect(decodeImportText(Uint8Array.from([0x41, 0x81, 0x8d, 0x8f, 0x90, 0x9d]))).toEqual({
      text: 'A\u0081\u008d\u008f\u0090\u009d',
      encoding: 'windows-1252',
    });
  });

  it('keeps a broken byte of a UTF-8 BOM file as U+FFFD, for validation to refuse with its cause', () => {
    const { text, encoding } = decodeImportText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41, 0xc5, 0x42]));
    expect(encoding).toBe('utf-8-bom');
    expect(text).toBe('A\uFFFDB');
  });

  // Swedish text as a desk types it: letters, digits, punctuation, and the Windows-1252
  // specials (dashes, €, quotes) after a space. A Swedish letter followed at once by one
  // of those specials (bytes 0x80–0xBF) can happen to be valid UTF-8 ("Ä…" is C4 85, "ą"):
  // no detection can tell those apart, and no desk's file holds them.
  const swedishText = fc.string({
    unit: fc.constantFrom(
      ...'abcdefghijklmnopqrstuvwxyzåäöéüABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖÉÜ0123456789 ;,.-:|"\'\r\n',
      ...[' –', ' —', ' €', ' …', ' ’', ' ”'],
    ),
    minLength: 1,
  });

  it('decodes any Swedish text saved as Windows-1252 back exactly (property)', () => {
    fc.assert(
      fc.property(swedishText, (text) => {
        const bytes = encodeCp1252(text);
        const decoded = decodeImportText(bytes);
        // Pure ASCII is valid UTF-8 too, and reads the same either way.
        expect(decoded.text).toBe(text);
        const ascii = [...text].every((c) => c.charCodeAt(0) < 0x80);
        expect(decoded.encoding).toBe(ascii ? 'utf-8' : 'windows-1252');
      }),
    );
  });

  it('never takes valid UTF-8 for Windows-1252 (property)', () => {
    fc.assert(
      // A text that starts with U+FEFF starts with the UTF-8 BOM's bytes: read as utf-8-bom.
      fc.property(
        fc.string({ unit: 'grapheme' }).filter((t) => !t.startsWith('\uFEFF')),
        (text) => {
          const decoded = decodeImportText(utf8(text));
          expect(decoded.encoding).toBe('utf-8');
          expect(decoded.text).toBe(text);
        },
      ),
    );
  });
});
