/**
 * Turns spreadsheet-like rows (every cell a string, keyed by the field names of SPEC §3)
 * into validated card registrations. Shared by the CLI's CSV import and the UI's import
 * wizard, so both read a cell the same way and report the same errors.
 */
import { CARD_FIELDS, CardInput, type CardField, type CardValues } from '../domain/card';
import { toFieldErrors, type FieldError } from '../domain/errors';
import { readCardCell } from './cell-forms';
import { indexCsv } from './csv';

export { readTimeCell } from './cell-forms';

// The field names of SPEC §3 are defined once, with the schema (shared/domain/card.ts).
export { CARD_FIELDS, type CardField };

/** Columns a card file must have whatever its rows hold (the others are optional or conditional). */
export const REQUIRED_COLUMNS: readonly CardField[] = [
  'organisationHsaId',
  'assuranceLevel',
  'cardNumber',
  'holderHsaId',
  'holderName',
  'holderIdType',
  'issuedAt',
  'expiresAt',
  'reasonCode',
  'issuedBy',
];

/** A field error with the data-row number it belongs to (first data row = 1). */
export interface RowFieldError extends FieldError {
  row: number;
}

/** A validated registration and the data row it came from. */
export interface CardRow {
  row: number;
  values: CardValues;
}

const fieldRank = (field: string): number => {
  const i = (CARD_FIELDS as readonly string[]).indexOf(field.split('.')[0] ?? field);
  return i === -1 ? CARD_FIELDS.length : i;
};

/**
 * Validates one row of cells. Empty cells are absent; errors name the field and use the
 * translation keys under `validation.`, in field order.
 */
export function mapCardRow(
  cells: Readonly<Record<string, string>>,
): { ok: true; values: CardValues } | { ok: false; errors: FieldError[] } {
  const raw: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const [field, cell] of Object.entries(cells)) {
    if (typeof cell !== 'string' || cell.trim() === '') continue;
    const read = readCardCell(field, cell);
    if (read.ok) raw[field] = read.value;
    else errors.push({ field, message: read.message, ...(read.params ? { params: read.params } : {}) });
  }
  const parsed = CardInput.safeParse(raw);
  if (parsed.success && errors.length === 0) return { ok: true, values: parsed.data };
  const reported = new Set(errors.map((e) => e.field));
  // A cell refused above is absent to the schema; its "required" would say the same again.
  const more = parsed.success ? [] : toFieldErrors(parsed.error).filter((e) => !reported.has(e.field));
  const all = [...errors, ...more];
  return { ok: false, errors: all.sort((a, b) => fieldRank(a.field) - fieldRank(b.field)) };
}

/** Validates many rows, numbering them from 1; every error of every row is collected. */
export function mapCardRows(rows: readonly Readonly<Record<string, string>>[]): {
  cards: CardRow[];
  errors: RowFieldError[];
} {
  return mapNumberedRows(rows.map((cells, i) => ({ row: i + 1, cells })));
}

function mapNumberedRows(rows: readonly { row: number; cells: Readonly<Record<string, string>> }[]): {
  cards: CardRow[];
  errors: RowFieldError[];
} {
  const cards: CardRow[] = [];
  const errors: RowFieldError[] = [];
  for (const { row, cells } of rows) {
    const mapped = mapCardRow(cells);
    if (mapped.ok) cards.push({ row, values: mapped.values });
    else for (const e of mapped.errors) errors.push({ ...e, row });
  }
  return { cards, errors };
}

/** A problem with a CSV file: a data row, or `header` for the header line and columns. */
export interface CsvFieldError extends FieldError {
  row: number | 'header';
}

/** Matches a header to a field name of SPEC §3, ignoring case. */
function canonicalField(name: string): CardField | undefined {
  const lower = name.toLowerCase();
  return CARD_FIELDS.find((f) => f.toLowerCase() === lower);
}

/** The data rows of a card CSV whose structure and header are right, validated a slice at a time. */
export interface CardCsvRows {
  /** Number of data records (blank lines left out). */
  readonly size: number;
  /**
   * Validates records [start, end) (0-based, of `size`); rows are numbered as in the file.
   * A file without quotes is cut into cells only here (see indexCsv), so an import of
   * 100 000 rows never holds all of them parsed and validated at once.
   */
  map(start: number, end: number): { cards: CardRow[]; errors: RowFieldError[] };
}

/**
 * Opens a card CSV (SPEC §6): checks its structure and that the header names the fields
 * of SPEC §3 (every error of either kind collected), leaving the rows to validate.
 */
export function openCardCsv(
  text: string,
): { ok: true; rows: CardCsvRows } | { ok: false; errors: CsvFieldError[] } {
  const csv = indexCsv(text);
  if (!csv.ok) {
    return {
      ok: false,
      errors: csv.errors.map((e) => ({
        row: e.row,
        field: '(row)',
        message: e.message,
        ...(e.params ? { params: e.params } : {}),
      })),
    };
  }
  const errors: CsvFieldError[] = [];
  const columns: (CardField | null)[] = [];
  csv.header.forEach((name, index) => {
    if (name === '') {
      // Spreadsheets often leave an empty trailing column; only one with content is a problem.
      let filled = false;
      for (let i = 0; i < csv.size && !filled; i++) filled = (csv.record(i).cells[index] ?? '').trim() !== '';
      if (filled) {
        errors.push({ row: 'header', field: `(${index + 1})`, message: 'csv.unnamedColumn' });
      }
      columns.push(null);
      return;
    }
    const field = canonicalField(name);
    if (!field) errors.push({ row: 'header', field: name, message: 'field.unknown' });
    else if (columns.includes(field)) errors.push({ row: 'header', field, message: 'csv.duplicateColumn' });
    columns.push(field ?? null);
  });
  for (const field of REQUIRED_COLUMNS) {
    if (!columns.includes(field)) errors.push({ row: 'header', field, message: 'csv.columnMissing' });
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    rows: {
      size: csv.size,
      map(start, end) {
        const rows: { row: number; cells: Record<string, string> }[] = [];
        for (let i = start; i < Math.min(end, csv.size); i++) {
          const { row, cells } = csv.record(i);
          const record: Record<string, string> = {};
          columns.forEach((field, c) => {
            if (field) record[field] = cells[c] ?? '';
          });
          rows.push({ row, cells: record });
        }
        return mapNumberedRows(rows);
      },
    },
  };
}

/**
 * Reads a card CSV (SPEC §6): the header names the fields of SPEC §3, every row is
 * validated and every error collected. Rows are numbered from the first data row = 1.
 */
export function readCardCsv(
  text: string,
): { ok: true; cards: CardRow[] } | { ok: false; errors: CsvFieldError[] } {
  const opened = openCardCsv(text);
  if (!opened.ok) return opened;
  const mapped = opened.rows.map(0, opened.rows.size);
  if (mapped.errors.length > 0) return { ok: false, errors: mapped.errors };
  return { ok: true, cards: mapped.cards };
}
