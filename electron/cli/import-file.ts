import { readFileSync } from 'node:fs';
import { extname } from 'node:path';

/** An import file read from disk, ready for the parser of its kind. */
export type ImportFile =
  { kind: 'json'; text: string } | { kind: 'csv'; text: string } | { kind: 'csv'; notUtf8: true };

/**
 * Reads an import file and tells JSON from CSV: by the extension `.json` or `.csv`, else
 * by the content (a JSON register starts with `{`). CSV must be valid UTF-8 — a file
 * saved as Windows-1252 would otherwise import å, ä and ö as replacement characters.
 * Throws when the file cannot be read.
 */
export function readImportFile(path: string): ImportFile {
  const bytes = readFileSync(path);
  const ext = extname(path).toLowerCase();
  if (ext === '.json') return { kind: 'json', text: bytes.toString('utf8') };
  if (ext !== '.csv' && /^\s*\{/.test(bytes.toString('utf8').replace(/^\uFEFF/, ''))) {
    return { kind: 'json', text: bytes.toString('utf8') };
  }
  try {
    return { kind: 'csv', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { kind: 'csv', notUtf8: true };
  }
}
