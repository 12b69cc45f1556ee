/**
 * The one set of forms an import cell may be written in (SPEC §6), for the CLI's CSV
 * import and the UI's import wizard alike: reason, identity-type and end-reason codes or
 * their Swedish or English labels, booleans in Swedish and English, levels as "Nivå 2",
 * and local times with or without seconds. Whatever is not recognised gets an error that
 * lists what is accepted. The README's command-line section documents the same list.
 */
import { END_REASONS, HOLDER_ID_TYPES, REASON_CODES } from '../domain/reason-codes';
import { en } from '../i18n/en';
import { sv } from '../i18n/sv';
import { formatInstant, parseInstant, parseLocalDateTime } from '../time/stockholm';

/**
 * Reduces text to what matters for matching a label: lower case, no accents (å → a),
 * nothing but a–z and 0–9. "Glömt kort", "glomt kort" and "GLÖMT-KORT" are the same.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Code by folded code, by folded label (both languages) and by the label's first part. */
function lookup(
  codes: readonly string[],
  labels: readonly Readonly<Record<string, string>>[],
  extra: Record<string, string>,
): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const code of codes) map.set(foldText(code), code);
  for (const set of labels) {
    for (const [code, label] of Object.entries(set)) {
      map.set(foldText(label), code);
      // "Annat — fritext krävs" is written "Annat" in a log.
      const head = label.split(/\s[—(-]\s?/)[0];
      if (head && !map.has(foldText(head))) map.set(foldText(head), code);
    }
  }
  for (const [label, code] of Object.entries(extra)) map.set(foldText(label), code);
  return map;
}

const REASONS = lookup(REASON_CODES, [sv.reason, en.reason], {
  Glömt: 'forgotten-card',
  Glömd: 'forgotten-card',
  Förlorat: 'lost-or-stolen',
  Stulet: 'lost-or-stolen',
  Trasigt: 'damaged-card',
  Spärrat: 'blocked-card',
  Låst: 'blocked-card',
});
const ID_TYPES = lookup(HOLDER_ID_TYPES, [sv.holderIdType, en.holderIdType], {
  Pnr: 'personnummer',
  Snr: 'samordningsnummer',
  Pass: 'other',
  Annat: 'other',
  Övrigt: 'other',
});
const END_REASON_FORMS = lookup(END_REASONS, [sv.endReason, en.endReason], {
  Återlämnad: 'returned',
  Spärrad: 'revoked',
  Förlängd: 'extended',
});

/**
 * The booleans a cell may hold, case-insensitive: `true`/`false` (JSON, and an XLSX
 * boolean cell), `ja`/`nej`, `sant`/`falskt` (Swedish Excel's TRUE and FALSE in a CSV),
 * `yes`/`no`, and `1`/`0` (a spreadsheet's tick column).
 */
export const BOOLEAN_FORMS: Readonly<Record<string, boolean>> = {
  true: true,
  false: false,
  ja: true,
  nej: false,
  sant: true,
  falskt: false,
  yes: true,
  no: false,
  '1': true,
  '0': false,
};

const LEVEL_RE = /^(?:niva|loa|tillitsniva|level)?([23])$/;
const NUMBER_RE = /^[+-]?\d+(\.\d+)?$/;
// A number in exponent form ("9,75221E+18"): what a spreadsheet writes for a card number
// it holds as a number, after it has dropped the digits beyond the fifteenth.
const EXPONENT_RE = /^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$/;
// Local Stockholm time: a space (or T) between date and time, an hour of one or two
// digits, optional seconds.
const LOCAL_TIME_RE = /^(\d{4}-\d{2}-\d{2})(?:\s+|[Tt])(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const TIME_FIELDS = new Set(['issuedAt', 'expiresAt', 'endedAt']);
// Fields whose cell is read through normaliseCellText (or checked, as the card number is).
const NORMALISED_FIELDS = new Set([
  'assuranceLevel',
  'unplannedPersonnel',
  'reasonCode',
  'holderIdType',
  'endReason',
  'cardNumber',
]);

/** A cell read for the card schema, or why it cannot be: a key under `validation.` and its params. */
export type CellRead =
  { ok: true; value: unknown } | { ok: false; message: string; params?: Record<string, string | number> };

const pad = (n: string | number) => String(n).padStart(2, '0');

// An example in the accepted form built from what the cell holds ("2025-12-03 18.30" →
// "2025-12-03 18:30"), so the message shows the desk its own time written right.
function timeExample(text: string): string {
  const date = /(\d{4})[-./](\d{1,2})[-./](\d{1,2})/.exec(text);
  const rest = date ? text.slice(date.index + date[0].length) : text;
  const time = /(\d{1,2})[:.,](\d{2})/.exec(rest);
  const day = date ? `${date[1]}-${pad(date[2]!)}-${pad(date[3]!)}` : '2025-12-03';
  return `${day} ${time ? `${pad(time[1]!)}:${time[2]}` : '18:30'}`;
}

/**
 * Reads a time cell: an ISO instant with offset or `Z` passes through; a local
 * `YYYY-MM-DD HH:MM` or `YYYY-MM-DD HH:MM:SS` (or with `T`) is read as Europe/Stockholm
 * and becomes an instant — unless it falls in the spring gap or the autumn overlap, which
 * is an error rather than a guess. Anything else is `time.format` with an example.
 */
export function readTimeCell(text: string): { ok: true; value: string } | Extract<CellRead, { ok: false }> {
  const trimmed = text.trim();
  if (parseInstant(trimmed) !== null) return { ok: true, value: trimmed };
  const m = LOCAL_TIME_RE.exec(trimmed);
  if (!m || Number(m[4] ?? 0) > 59) {
    return { ok: false, message: 'time.format', params: { example: timeExample(trimmed) } };
  }
  // The DST gap and overlap are whole hours, so seconds never move a time into or out of one.
  const local = parseLocalDateTime(`${m[1]} ${pad(m[2]!)}:${m[3]}`);
  if (!local.ok) return { ok: false, message: `localTime.${local.reason}` };
  return { ok: true, value: formatInstant(local.epochMs + Number(m[4] ?? 0) * 1000) };
}

const unknownOf = (message: string, codes: readonly string[]): CellRead => ({
  ok: false,
  message,
  params: { allowed: codes.join(', ') },
});

// A code as written is taken at once: most files hold codes, and an import has 100 000 rows.
function canonicalCode(codes: readonly string[], forms: ReadonlyMap<string, string>, text: string): string {
  return codes.includes(text) ? text : (forms.get(foldText(text)) ?? text);
}

/**
 * The text a cell stands for in its canonical form: a label becomes its code ("Glömt kort"
 * → `forgotten-card`), "Nivå 2" → `2`, `ja` → `true`, `2026-02-11 9:40:00` →
 * `2026-02-11 09:40`. What is not recognised comes back trimmed, for readCardCell to name.
 * The wizard shows and sends this form; reading it again gives the same value.
 */
export function normaliseCellText(field: string, cell: string): string {
  const text = cell.trim();
  if (text === '') return text;
  switch (field) {
    case 'reasonCode':
      return canonicalCode(REASON_CODES, REASONS, text);
    case 'holderIdType':
      return canonicalCode(HOLDER_ID_TYPES, ID_TYPES, text);
    case 'endReason':
      return canonicalCode(END_REASONS, END_REASON_FORMS, text);
    case 'assuranceLevel':
      return LEVEL_RE.exec(foldText(text))?.[1] ?? text;
    case 'unplannedPersonnel': {
      const value = BOOLEAN_FORMS[text.toLowerCase()];
      return value === undefined ? text : String(value);
    }
    default: {
      const m = TIME_FIELDS.has(field) ? LOCAL_TIME_RE.exec(text) : null;
      if (!m) return text;
      const seconds = m[4] && m[4] !== '00' ? `:${m[4]}` : '';
      return `${m[1]} ${pad(m[2]!)}:${m[3]}${seconds}`;
    }
  }
}

/**
 * Reads one non-empty cell of a card row (SPEC §3 field names) into what the card schema
 * expects, or an error naming what is accepted. Text fields pass through as text for the
 * schema to check; numbers and booleans that do not read as one stay text only where the
 * schema's own message already lists the allowed values (the level: "2 or 3").
 */
export function readCardCell(field: string, cell: string): CellRead {
  // A character the file's encoding could not give: refused in any field, with the cause.
  if (cell.includes('\uFFFD')) return { ok: false, message: 'text.replacementCharacter' };
  if (TIME_FIELDS.has(field)) return readTimeCell(cell);
  // Text fields go to the schema as they are (it trims them): an import has 100 000 rows.
  if (!NORMALISED_FIELDS.has(field))
    return { ok: true, value: field === 'issuedBy' ? cell.split('|') : cell };
  const text = normaliseCellText(field, cell);
  switch (field) {
    case 'assuranceLevel':
      return { ok: true, value: NUMBER_RE.test(text) ? Number(text) : text };
    case 'unplannedPersonnel':
      return text === 'true' || text === 'false'
        ? { ok: true, value: text === 'true' }
        : { ok: false, message: 'boolean.invalid' };
    case 'reasonCode':
      return (REASON_CODES as readonly string[]).includes(text)
        ? { ok: true, value: text }
        : unknownOf('reasonCode.unknown', REASON_CODES);
    case 'holderIdType':
      return (HOLDER_ID_TYPES as readonly string[]).includes(text)
        ? { ok: true, value: text }
        : unknownOf('holderIdType.unknown', HOLDER_ID_TYPES);
    case 'endReason':
      return (END_REASONS as readonly string[]).includes(text)
        ? { ok: true, value: text }
        : unknownOf('endReason.unknown', END_REASONS);
    default:
      // The card number: a spreadsheet's number in exponent form has lost digits.
      return EXPONENT_RE.test(text)
        ? { ok: false, message: 'cardNumber.numberCell', params: { value: text } }
        : { ok: true, value: cell };
  }
}
