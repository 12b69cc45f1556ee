import { parseCsv } from '../../../shared/import/csv';

/** One data row of the source file; `row` is its number in the file (first data row = 1). */
export interface SourceRecord {
  row: number;
  cells: string[];
}

/** A source file read into its header and data rows, every cell as text. */
export interface ParsedFile {
  kind: 'csv' | 'xlsx';
  header: string[];
  records: SourceRecord[];
}

/** Why a file could not be read; `message` is a key under `importWizard.parseError` or `common:validation`. */
export interface ParseFailure {
  message: string;
  params?: Record<string, string | number>;
  /** The data row (or `header`) the problem is in, when known. */
  row?: number | 'header';
}

export type ParseOutcome = { ok: true; file: ParsedFile } | { ok: false; errors: ParseFailure[] };

/** Reports how far reading has come, from 0 to 1. */
export type OnProgress = (fraction: number) => void;

/** Whether a file is read as an Excel workbook (by name or type); everything else as CSV. */
export function isXlsx(file: { name: string; type: string }): boolean {
  return (
    /\.xlsx$/i.test(file.name) ||
    file.type === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  );
}

/** Reads a file as UTF-8 text, reporting the bytes read so far. */
async function readText(file: Blob, onProgress: OnProgress): Promise<string> {
  if (typeof file.stream !== 'function') return file.text();
  const reader = file.stream().getReader();
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    read += value.byteLength;
    parts.push(decoder.decode(value, { stream: true }));
    onProgress(file.size > 0 ? read / file.size : 1);
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/** Parses CSV text (`;` or `,`, BOM, quotes) into a header and records. */
export function parseCsvText(text: string): ParseOutcome {
  const csv = parseCsv(text);
  if (!csv.ok) {
    return {
      ok: false,
      errors: csv.errors.map((e) => ({
        message: e.message,
        row: e.row,
        ...(e.params ? { params: e.params } : {}),
      })),
    };
  }
  if (csv.records.length === 0) return { ok: false, errors: [{ message: 'noRows' }] };
  return { ok: true, file: { kind: 'csv', header: csv.header, records: csv.records } };
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

/** The text of an exceljs cell value, whatever kind it is. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return excelDateText(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
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

/** Reads the first worksheet of an .xlsx workbook: its first non-empty row is the header. */
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
  let header: string[] | null = null;
  let headerRow = 0;
  const records: SourceRecord[] = [];
  const total = Math.max(1, sheet.rowCount);
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value).trim());
    if (cells.every((c) => c === '')) return;
    if (!header) {
      header = cells;
      headerRow = rowNumber;
      return;
    }
    records.push({ row: rowNumber - headerRow, cells });
    if (rowNumber % 2000 === 0) onProgress(0.5 + (0.5 * rowNumber) / total);
  });
  if (!header) return { ok: false, errors: [{ message: 'noRows' }] };
  // Trailing columns without a header or any content are left out.
  const head: string[] = header;
  let used = head.length;
  while (used > 0 && head[used - 1] === '' && records.every((r) => r.cells[used - 1] === '')) used--;
  if (records.length === 0) return { ok: false, errors: [{ message: 'noRows' }] };
  return {
    ok: true,
    file: {
      kind: 'xlsx',
      header: head.slice(0, used),
      records: used === head.length ? records : records.map((r) => ({ ...r, cells: r.cells.slice(0, used) })),
    },
  };
}

/** Reads a CSV or XLSX file into header and rows. Runs in the parse worker (or inline in tests). */
export async function parseFile(
  file: Blob & { name: string },
  onProgress: OnProgress,
): Promise<ParseOutcome> {
  if (isXlsx(file)) return parseXlsx(file, onProgress);
  const text = await readText(file, (f) => onProgress(f * 0.8));
  const outcome = parseCsvText(text);
  onProgress(1);
  return outcome;
}
