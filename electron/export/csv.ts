import type { ReportTable, TableCell } from '../../shared/report/tables';
import { neutraliseCell } from './neutralise';

/** Byte-order mark: tells Excel the file is UTF-8, so å, ä and ö survive double-clicking. */
const BOM = '\uFEFF';
const SEPARATOR = ';';
const LINE_END = '\r\n';

function encodeCell(cell: TableCell): string {
  // Numbers go out bare: a spreadsheet reads them as numbers, and none can start a formula.
  if (typeof cell === 'number') return String(cell);
  const text = neutraliseCell(cell);
  // RFC 4180: quote a field holding the separator, a quote or a line break; double quotes.
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One table as CSV the way Swedish Excel opens it: UTF-8 with BOM, `;` between fields,
 * CRLF after every row (the last included), RFC 4180 quoting, every text cell neutralised.
 */
export function toCsv(table: ReportTable): string {
  const lines = [table.headers, ...table.rows].map((row) => row.map(encodeCell).join(SEPARATOR));
  return BOM + lines.map((line) => line + LINE_END).join('');
}

/**
 * The two files of a CSV export for a base path: `<base>-statistik.csv` and
 * `<base>-anledningar.csv`. A base given with `.csv` loses it, so `rapport.csv` does not
 * become `rapport.csv-statistik.csv`.
 */
export function csvPaths(base: string): { statistics: string; reasons: string } {
  const stem = base.replace(/\.csv$/i, '');
  return { statistics: `${stem}-statistik.csv`, reasons: `${stem}-anledningar.csv` };
}
