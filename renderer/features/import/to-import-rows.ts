import { en } from '../../../shared/i18n/en';
import { sv } from '../../../shared/i18n/sv';
import { normaliseHeader, type ColumnTarget } from './column-matching';

type Lookup = ReadonlyMap<string, string>;

/** Code by normalised label (both languages), by the code itself, and by the label's first part. */
function lookup(
  labels: readonly Readonly<Record<string, string>>[],
  extra: Record<string, string> = {},
): Lookup {
  const map = new Map<string, string>();
  for (const set of labels) {
    for (const [code, label] of Object.entries(set)) {
      map.set(normaliseHeader(code), code);
      map.set(normaliseHeader(label), code);
      // "Annat — fritext krävs" is written "Annat" in a log.
      const head = label.split(/\s[—(-]\s?/)[0];
      if (head) map.set(normaliseHeader(head), code);
    }
  }
  for (const [label, code] of Object.entries(extra)) map.set(normaliseHeader(label), code);
  return map;
}

const REASONS = lookup([sv.reason, en.reason], {
  Glömt: 'forgotten-card',
  Glömd: 'forgotten-card',
  Förlorat: 'lost-or-stolen',
  Stulet: 'lost-or-stolen',
  Trasigt: 'damaged-card',
  Spärrat: 'blocked-card',
  Låst: 'blocked-card',
});
const ID_TYPES = lookup([sv.holderIdType, en.holderIdType], {
  Pnr: 'personnummer',
  Snr: 'samordningsnummer',
  Pass: 'other',
  Annat: 'other',
  Övrigt: 'other',
});

const LEVEL_RE = /^(?:niva|loa|tillitsniva)?([23])$/;
const LOCAL_WITH_SECONDS_RE = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})(?::00)?$/;

/**
 * Reads a cell the way a desk's old log writes it into what the import understands:
 * reason and identity-type labels ("Glömt kort", "Personnummer") become their codes,
 * "Nivå 2" becomes 2, and `2026-02-11 9:40:00` becomes `2026-02-11 09:40`. Anything not
 * recognised is passed on unchanged, so the back end names it in its error.
 */
export function normaliseCell(field: ColumnTarget, cell: string): string {
  const text = cell.trim();
  if (text === '' || !field) return text;
  const key = normaliseHeader(text);
  switch (field) {
    case 'reasonCode':
      return REASONS.get(key) ?? text;
    case 'holderIdType':
      return ID_TYPES.get(key) ?? text;
    case 'assuranceLevel':
      return LEVEL_RE.exec(key)?.[1] ?? text;
    case 'issuedAt':
    case 'expiresAt':
    case 'endedAt': {
      const m = LOCAL_WITH_SECONDS_RE.exec(text);
      return m ? `${m[1]} ${m[2]!.padStart(2, '0')}:${m[3]}` : text;
    }
    default:
      return text;
  }
}

/** Turns source records into rows keyed by field name; ignored columns are left out. */
export function toImportRows(
  records: readonly (readonly string[])[],
  mapping: readonly ColumnTarget[],
): Record<string, string>[] {
  return records.map((cells) => {
    const row: Record<string, string> = {};
    mapping.forEach((field, i) => {
      if (field) row[field] = normaliseCell(field, cells[i] ?? '');
    });
    return row;
  });
}
