import { HEADER_SEARCH_LINES } from '../../../shared/import/csv';
import { matchColumns } from './column-matching';

/** A non-blank line (CSV record) or row (XLSX) of the source file before a header is chosen. */
export interface SourceLine {
  /** Its number in the file: the first line or sheet row is 1. */
  line: number;
  cells: string[];
}

/** One data row under the header; `row` counts from the header (first data row = 1). */
export interface SourceRecord {
  row: number;
  cells: string[];
}

/** A problem in the file's structure, numbered as a data row (or `header`) or as a line. */
export interface StructureProblem {
  message: string;
  params?: Record<string, string | number>;
  row?: number | 'header';
  /** The line of the file (first = 1), when the problem lies before a header is known. */
  line?: number;
}

/**
 * Finds the header row among the first lines: the one whose cells name the most known
 * fields (exact field names or the Swedish headers of desks' logs), the first of equals.
 * A title, a date or an empty line above the headers is thereby passed over. When no line
 * names a field, the first is taken, as before, and the mapping step asks for every field.
 */
export function findHeaderIndex(lines: readonly SourceLine[]): number {
  let best = 0;
  let bestScore = 0;
  lines.slice(0, HEADER_SEARCH_LINES).forEach((line, index) => {
    const score = matchColumns(line.cells).filter((f) => f !== null).length;
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}

/**
 * Takes the line at `index` as the header: the lines below it become the data rows,
 * numbered from it; lines above it are left out. A CSV row with another number of cells
 * than the header is a problem naming its row. Trailing columns with neither a header nor
 * content in any row are dropped (spreadsheets leave them).
 */
export function applyHeader(
  lines: readonly SourceLine[],
  index: number,
  kind: 'csv' | 'xlsx',
): { header: string[]; records: SourceRecord[]; problems: StructureProblem[] } {
  const head = lines[index];
  if (!head) return { header: [], records: [], problems: [{ message: 'noRows' }] };
  const problems: StructureProblem[] = [];
  const records: SourceRecord[] = [];
  for (const { line, cells } of lines.slice(index + 1)) {
    const row = line - head.line;
    if (kind === 'csv' && cells.length !== head.cells.length) {
      problems.push({
        row,
        message: 'csv.cellCount',
        params: { found: cells.length, expected: head.cells.length },
      });
    } else {
      records.push({ row, cells });
    }
  }
  const header = head.cells.map((h) => h.trim());
  let used = header.length;
  while (used > 0 && header[used - 1] === '' && records.every((r) => (r.cells[used - 1] ?? '').trim() === ''))
    used--;
  if (problems.length === 0 && records.length === 0) problems.push({ message: 'noRows' });
  return {
    header: header.slice(0, used),
    records: used === header.length ? records : records.map((r) => ({ ...r, cells: r.cells.slice(0, used) })),
    problems,
  };
}
