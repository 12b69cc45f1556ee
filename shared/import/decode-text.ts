/**
 * Reads the bytes of an import file as text, in the encoding it was saved in. Shared by the
 * CLI and the UI's import wizard so both read a file the same way: Swedish Excel's
 * "CSV (semikolonavgränsad)" is Windows-1252, "CSV UTF-8" is UTF-8 with a BOM, and a
 * Windows-1252 file read as UTF-8 would turn "Åsa Öberg" into "�sa �berg" for good.
 */

/** The encodings an import file is read in; the wizard names the one it used. */
export const IMPORT_ENCODINGS = [
  'utf-8',
  'utf-8-bom',
  'utf-16le-bom',
  'utf-16be-bom',
  'windows-1252',
] as const;
/** One encoding of {@link IMPORT_ENCODINGS}. */
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

/** An import file's text (without its byte-order mark) and the encoding it was read in. */
export interface DecodedText {
  text: string;
  encoding: ImportEncoding;
}

// Windows-1252's characters for the bytes 0x80–0x9F (the WHATWG Encoding Standard's
// index; the five bytes it leaves undefined stay C1 controls, which text validation
// refuses). Node's TextDecoder (since 20.18.3, nodejs/node#60888) decodes windows-1252 as
// Latin-1 and gives C1 controls for all 32, so they are mapped here; in a browser the
// decoder has already done it and this finds nothing to change.
const CP1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const C1_RE = /[\u0080-\u009F]/g;

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(C1_RE, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]!);
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

/**
 * Decodes an import file: a byte-order mark decides first (UTF-8, UTF-16 LE or BE); else
 * bytes that are valid UTF-8 are UTF-8 (so valid UTF-8 is never taken for anything else);
 * else Windows-1252, which gives every byte a character. A BOM file with broken bytes is
 * still read in its BOM's encoding: its U+FFFD characters are then refused by the text
 * validation with a message that the encoding could not be read, never stored.
 */
export function decodeImportText(bytes: Uint8Array): DecodedText {
  // TextDecoder drops the BOM itself (ignoreBOM is false by default).
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8-bom' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le-bom' };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}
