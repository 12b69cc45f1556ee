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
 * Picks the separator from the header line: the one that occurs more often outside
 * quotes. Swedish Excel writes `;` (the comma is the decimal sign), so a tie goes to `;`.
 */
export function detectSeparator(text: string): CsvSeparator {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
  }
  return commas > semicolons ? ',' : ';';
}

/** Splits text into records of raw cells. Errors name the record (0 = the header line). */
function splitRecords(
  text: string,
  separator: CsvSeparator,
): { records: string[][]; error?: { record: number; message: string } } {
  const records: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let i = 0;
  const n = text.length;
  // `atCellStart` tells whether the current cell has no characters yet (a quote may open it).
  let atCellStart = true;
  while (i < n) {
    const ch = text[i]!;
    if (atCellStart && ch === '"') {
      const start = records.length;
      i++;
      for (;;) {
        if (i >= n) return { records, error: { record: start, message: 'csv.unterminatedQuote' } };
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        cell += c;
        i++;
      }
      const next = text[i];
      if (next !== undefined && next !== separator && next !== '\n' && next !== '\r') {
        return { records, error: { record: records.length, message: 'csv.textAfterQuote' } };
      }
      atCellStart = false;
      continue;
    }
    if (ch === separator) {
      cells.push(cell);
      cell = '';
      atCellStart = true;
      i++;
    } else if (ch === '\n' || ch === '\r') {
      cells.push(cell);
      records.push(cells);
      cells = [];
      cell = '';
      atCellStart = true;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      // A quote inside an unquoted cell is kept as written, as Excel reads it.
      cell += ch;
      atCellStart = false;
      i++;
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
