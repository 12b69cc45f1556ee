import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { decodeImportText, type ImportEncoding } from '../../shared/import/decode-text';

/** An import file read from disk, ready for the parser of its kind. */
export interface ImportFile {
  kind: 'json' | 'csv';
  /** The file's text, without a byte-order mark. */
  text: string;
  /** The encoding it was read in (see decodeImportText). */
  encoding: ImportEncoding;
}

/**
 * Reads an import file and tells JSON from CSV: by the extension `.json` or `.csv`, else
 * by the content (a JSON register starts with `{`). The bytes are decoded as the import
 * wizard decodes them: by BOM, else UTF-8 when valid, else Windows-1252 — what Swedish
 * Excel's "CSV (semikolonavgränsad)" is saved in. Throws when the file cannot be read.
 */
export function readImportFile(path: string): ImportFile {
  const { text, encoding } = decodeImportText(readFileSync(path));
  const ext = extname(path).toLowerCase();
  const json = ext === '.json' || (ext !== '.csv' && /^\s*\{/.test(text));
  return { kind: json ? 'json' : 'csv', text, encoding };
}
