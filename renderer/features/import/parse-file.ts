import { splitCsvLines } from '../../../shared/import/csv';
import { decodeImportText, type ImportEncoding } from '../../../shared/import/decode-text';
import {
  applyHeader,
  findHeaderIndex,
  type SourceLine,
  type SourceRecord,
  type StructureProblem,
} from './header-row';

export type { SourceLine, SourceRecord };

/**
 * A source file read into its lines, with the header row chosen (found, or picked by the
 * user) and the data rows below it; every cell is text.
 */
export interface ParsedFile {
  kind: 'csv' | 'xlsx';
  /** The encoding a CSV file was read in; an XLSX file has none of its own. */
  encoding?: ImportEncoding;
  /** Every non-blank line of the file, the header row and anything above it included. */
  lines: SourceLine[];
  /** Index into `lines` of the header row. */
  headerIndex: number;
  header: string[];
  records: SourceRecord[];
  /** What is wrong with the structure under this header row; nothing can be imported then. */
  problems: StructureProblem[];
}

/** Why a file could not be read; `message` is a key under `importWizard.parseError` or `common:validation`. */
export type ParseFailure = StructureProblem;

export type ParseOutcome = { ok: true; file: ParsedFile } | { ok: false; errors: ParseFailure[] };

/** The file with another line taken as its header row (see applyHeader). */
export function withHeaderAt(file: ParsedFile, headerIndex: number): ParsedFile {
  return { ...file, headerIndex, ...applyHeader(file.lines, headerIndex, file.kind) };
}

// The file's lines with the header found; refused when that header leaves it unreadable.
function toOutcome(base: Pick<ParsedFile, 'kind' | 'encoding' | 'lines'>): ParseOutcome {
  if (base.lines.length === 0) return { ok: false, errors: [{ message: 'noRows' }] };
  const file = withHeaderAt(
    { ...base, headerIndex: 0, header: [], records: [], problems: [] },
    findHeaderIndex(base.lines),
  );
  return file.problems.length > 0 ? { ok: false, errors: file.problems } : { ok: true, file };
}

/** Reports how far reading has come, from 0 to 1. */
export type OnProgress = (fraction: number) => void;

/** Whether a file is read as an Excel workbook (by name or type); everything else as CSV. */
export function isXlsx(file: { name: string; type: string }): boolean {
  return (
    /\.xlsx$/i.test(file.name) ||
    file.type === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  );
}

/**
 * Reads a file's bytes, reporting the share read so far, and decodes them as the CLI does
 * (BOM, else UTF-8 when valid, else Windows-1252: Swedish Excel's semicolon CSV).
 */
async function readText(
  file: Blob,
  onProgress: OnProgress,
): Promise<{ text: string; encoding: ImportEncoding }> {
  if (typeof file.stream !== 'function') return decodeImportText(new Uint8Array(await file.arrayBuffer()));
  const reader = file.stream().getReader();
  const parts: Uint8Array[] = [];
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    read += value.byteLength;
    parts.push(value);
    onProgress(file.size > 0 ? read / file.size : 1);
  }
  const bytes = new Uint8Array(read);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.byteLength;
  }
  return decodeImportText(bytes);
}

/** Parses decoded CSV text (`;` or `,`, quotes) into its lines, with the header row found. */
export function parseCsvText(text: string, encoding?: ImportEncoding): ParseOutcome {
  const csv = splitCsvLines(text);
  if (!csv.ok)
    return { ok: false, errors: csv.errors.map((e) => ({ message: e.message, line: Number(e.row) })) };
  return toOutcome({
    kind: 'csv',
    ...(encoding ? { encoding } : {}),
    lines: csv.lines.map((r) => ({ line: r.row, cells: r.cells })),
  });
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Excel stores a date and time without a zone; exceljs hands it over as if it were UTC.
 * Its UTC fields are therefore the wall-clock time the desk typed, which the import reads
 * as Swedish time (`YYYY-MM-DD HH:MM`).
 */
export function excelDateText(date: Date): string {
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  return `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}

// Excel holds 15 significant digits: an integer of 16 digits or more in a number cell may
// have lost its last ones (a 19-digit card number always has). It is written in exponent
// form, as Excel shows it, so the import refuses it as a card number instead of storing
// another card's number.
function numberText(n: number): string {
  return Number.isInteger(n) && Math.abs(n) >= 1e15 ? n.toExponential() : String(n);
}

/** The text of an exceljs cell value, whatever kind it is. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return excelDateText(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    const v = value as {
      richText?: { text: string }[];
      text?: unknown;
      result?: unknown;
      error?: unknown;
    };
    if (Array.isArray(v.richText)) return v.richText.map((p) => p.text).join('');
    if ('result' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (v.error !== undefined) return '';
  }
  return '';
}

/** Reads the first worksheet of an .xlsx workbook into its rows, with the header row found. */
async function parseXlsx(file: Blob, onProgress: OnProgress): Promise<ParseOutcome> {
  const { default: ExcelJS } = await import('exceljs');
  const buffer = await file.arrayBuffer();
  onProgress(0.2);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer);
  } catch {
    return { ok: false, errors: [{ message: 'xlsxUnreadable' }] };
  }
  onProgress(0.5);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, errors: [{ message: 'noRows' }] };
  const width = sheet.columnCount;
  const lines: SourceLine[] = [];
  const total = Math.max(1, sheet.rowCount);
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value).trim());
    if (cells.every((c) => c === '')) return;
    lines.push({ line: rowNumber, cells });
    if (rowNumber % 2000 === 0) onProgress(0.5 + (0.5 * rowNumber) / total);
  });
  return toOutcome({ kind: 'xlsx', lines });
}

/** Reads a CSV or XLSX file into its lines and data rows. Runs in the parse worker (or inline in tests). */
export async function parseFile(
  file: Blob & { name: string },
  onProgress: OnProgress,
): Promise<ParseOutcome> {
  if (isXlsx(file)) return parseXlsx(file, onProgress);
  const { text, encoding } = await readText(file, (f) => onProgress(f * 0.8));
  const outcome = parseCsvText(text, encoding);
  onProgress(1);
  return outcome;
}
