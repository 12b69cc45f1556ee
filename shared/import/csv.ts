/**
 * A small RFC 4180 reader for the CSV files desks export from Excel or other registers:
 * UTF-8 with or without BOM, `;` or `,` (detected from the header line), quoted fields
 * with `""` escapes and embedded line breaks, CRLF, LF or CR line ends. Pure, so the UI's
 * import wizard can use the very same parser.
 */

/** One problem in the file. `row` is the data-row number (first row after the header = 1), or `header`. */
export interface CsvError {
  row: number | 'header';
  message: string;
  params?: Record<string, string | number>;
}

/** One record after the header. `row` counts records, the first data row being 1. */
export interface CsvRecord {
  row: number;
  cells: string[];
}

/** The separators a card file may use. */
export type CsvSeparator = ';' | ',';

/** A parsed file (header trimmed, blank records left out) or every structural error found. */
export type CsvParse =
  | { ok: true; separator: CsvSeparator; header: string[]; records: CsvRecord[] }
  | { ok: false; errors: CsvError[] };

/**
 * Picks the separator from the header line (or the first `lines` lines, for a file whose
 * header may stand below a title): the one that occurs more often outside quotes.
 * Swedish Excel writes `;` (the comma is the decimal sign), so a tie goes to `;`.
 */
export function detectSeparator(text: string, lines = 1): CsvSeparator {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  let ends = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n'))) {
      if (++ends >= lines) break;
    } else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
  }
  return commas > semicolons ? ',' : ';';
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Splits text into records of raw cells. Errors name the record (0 = the header line).
 * Cells are cut out with `slice` rather than built a character at a time: an import of
 * 100 000 rows is tens of megabytes.
 */
function splitRecords(
  text: string,
  separator: CsvSeparator,
): { records: string[][]; error?: { record: number; message: string } } {
  const records: string[][] = [];
  const sep = separator.charCodeAt(0);
  let cells: string[] = [];
  let cell = '';
  let i = 0;
  const n = text.length;
  // `atCellStart` tells whether the current cell has no characters yet (a quote may open it).
  let atCellStart = true;
  while (i < n) {
    const ch = text.charCodeAt(i);
    if (atCellStart && ch === QUOTE) {
      const start = records.length;
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close === -1) return { records, error: { record: start, message: 'csv.unterminatedQuote' } };
        cell += text.slice(i, close);
        if (text.charCodeAt(close + 1) === QUOTE) {
          cell += '"';
          i = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      const next = text.charCodeAt(i);
      if (i < n && next !== sep && next !== LF && next !== CR) {
        return { records, error: { record: records.length, message: 'csv.textAfterQuote' } };
      }
      atCellStart = false;
      continue;
    }
    if (ch === sep) {
      cells.push(cell);
      cell = '';
      atCellStart = true;
      i++;
    } else if (ch === LF || ch === CR) {
      cells.push(cell);
      records.push(cells);
      cells = [];
      cell = '';
      atCellStart = true;
      i += ch === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    } else {
      // Up to the next separator or line end; a quote inside an unquoted cell is kept as
      // written, as Excel reads it.
      let j = i + 1;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === sep || c === LF || c === CR) break;
        j++;
      }
      cell += text.slice(i, j);
      atCellStart = false;
      i = j;
    }
  }
  // The last record needs no line end; a final line end does not start an empty record.
  if (!atCellStart || cells.length > 0 || cell !== '') {
    cells.push(cell);
    records.push(cells);
  }
  return { records };
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

/**
 * Parses CSV text into a header and its records. Blank records (an empty line, or only
 * separators) are skipped but still counted, so row numbers match the spreadsheet's rows.
 * A record with another number of cells than the header is an error naming its row.
 */
export function parseCsv(input: string): CsvParse {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const separator = detectSeparator(text);
  const split = splitRecords(text, separator);
  if (split.error) {
    const { record, message } = split.error;
    return { ok: false, errors: [{ row: record === 0 ? 'header' : record, message }] };
  }
  const [header, ...rest] = split.records;
  if (!header || isBlank(header)) return { ok: false, errors: [{ row: 'header', message: 'csv.noHeader' }] };
  const errors: CsvError[] = [];
  const records: CsvRecord[] = [];
  rest.forEach((cells, index) => {
    const row = index + 1;
    if (isBlank(cells)) return;
    if (cells.length !== header.length) {
      errors.push({
        row,
        message: 'csv.cellCount',
        params: { found: cells.length, expected: header.length },
      });
      return;
    }
    records.push({ row, cells });
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, separator, header: header.map((h) => h.trim()), records };
}

/** How many lines the import wizard looks at for the separator and the header row. */
export const HEADER_SEARCH_LINES = 20;

/**
 * Cuts CSV text into records without taking any of them as the header, for the import
 * wizard, which finds the header row itself (a title may stand above it). The separator
 * is the commonest on the first lines. Blank records are left out; `row` numbers every
 * record from 1 (the first line of the file), so a problem names the line it is on.
 */
export function splitCsvLines(
  input: string,
): { ok: true; separator: CsvSeparator; lines: CsvRecord[] } | { ok: false; errors: CsvError[] } {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const separator = detectSeparator(text, HEADER_SEARCH_LINES);
  const split = splitRecords(text, separator);
  if (split.error)
    return { ok: false, errors: [{ row: split.error.record + 1, message: split.error.message }] };
  const lines: CsvRecord[] = [];
  split.records.forEach((cells, index) => {
    if (!isBlank(cells)) lines.push({ row: index + 1, cells });
  });
  return { ok: true, separator, lines };
}

/** A parsed file whose records are cut out of the text only when asked for. */
export type CsvIndex =
  | {
      ok: true;
      separator: CsvSeparator;
      header: string[];
      /** Number of records (blank ones left out). */
      size: number;
      /** The record at an index below `size`, cut out now. */
      record(index: number): CsvRecord;
    }
  | { ok: false; errors: CsvError[] };

// What String.prototype.trim removes, less the line ends (which end a line here).
function isTrimmedSpace(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0b ||
    code === 0x0c ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Parses CSV text exactly as {@link parseCsv} does, but cuts a record into cells only when
 * it is asked for: opening a file of 100 000 rows then costs one pass over its characters
 * instead of two million strings. Text with a quote in it is parsed by parseCsv (a quote
 * may hide a separator or a line end); without one, a record is a line and its cells are
 * what lies between separators.
 */
export function indexCsv(input: string): CsvIndex {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  if (text.includes('"')) {
    const parsed = parseCsv(input);
    if (!parsed.ok) return parsed;
    return { ...parsed, size: parsed.records.length, record: (index) => parsed.records[index]! };
  }
  const separator = detectSeparator(text);
  const sep = separator.charCodeAt(0);
  const n = text.length;
  // Lines: [start, end) of each record kept, and its row number.
  const starts: number[] = [];
  const ends: number[] = [];
  const rows: number[] = [];
  const errors: CsvError[] = [];
  let header: string[] | undefined;
  let record = 0;
  let pos = 0;
  while (pos < n) {
    let end = pos;
    let separators = 0;
    let blank = true;
    for (; end < n; end++) {
      const c = text.charCodeAt(end);
      if (c === LF || c === CR) break;
      if (c === sep) separators++;
      else if (blank && !isTrimmedSpace(c)) blank = false;
    }
    if (record === 0) {
      if (blank) return { ok: false, errors: [{ row: 'header', message: 'csv.noHeader' }] };
      header = text.slice(pos, end).split(separator);
    } else if (!blank) {
      if (separators + 1 !== header!.length) {
        errors.push({
          row: record,
          message: 'csv.cellCount',
          params: { found: separators + 1, expected: header!.length },
        });
      } else {
        starts.push(pos);
        ends.push(end);
        rows.push(record);
      }
    }
    record++;
    // A line end; CR LF is one.
    pos = end + (text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? 2 : 1);
  }
  if (!header) return { ok: false, errors: [{ row: 'header', message: 'csv.noHeader' }] };
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    separator,
    header: header.map((h) => h.trim()),
    size: rows.length,
    record: (index) => ({
      row: rows[index]!,
      cells: text.slice(starts[index], ends[index]).split(separator),
    }),
  };
}
