import type { MonthlyReport } from '../../shared/report/monthly';
import {
  aboutTable,
  reasonsTable,
  statisticsTable,
  type ReportAbout,
  type ReportTable,
  type TableCell,
} from '../../shared/report/tables';
import { startWorker, unpackedUrl, workerScript, type WorkerReader } from '../platform/worker-thread';
import { neutraliseCell } from './neutralise';

/** One worksheet as plain data: what the worker turns into XLSX. */
export interface SheetSpec {
  name: string;
  columns: { header: string; width: number }[];
  rows: TableCell[][];
  /** The last row is a total and is set in bold. */
  boldLastRow: boolean;
}

/** A whole workbook as plain data, so it can cross into the rendering worker. */
export interface WorkbookSpec {
  creator: string;
  createdAtMs: number;
  sheets: SheetSpec[];
}

/** Sheet names of SPEC §5, in order. */
export const SHEET_NAMES = ['Statistik', 'Anledningar nivå 2', 'Om rapporten'] as const;

// Characters XML 1.0 cannot carry, which would make the file unreadable; the register
// refuses them on input, this only guards the file format.
const XML_INVALID =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function xlsxCell(cell: TableCell): TableCell {
  return typeof cell === 'number' ? cell : neutraliseCell(cell).replace(XML_INVALID, '\uFFFD');
}

// The longest line: a wrapped multi-line cell is as wide as its widest line.
function widthOf(cell: TableCell | undefined): number {
  return Math.max(
    ...String(cell ?? '')
      .split('\n')
      .map((line) => line.length),
  );
}

function columnWidth(header: string, rows: TableCell[][], index: number): number {
  const longest = Math.max(widthOf(header), ...rows.map((r) => widthOf(r[index])));
  // Excel measures in character widths; a little air, and no column wider than a screen.
  return Math.min(Math.max(longest + 2, 10), 60);
}

function sheet(name: string, table: ReportTable, boldLastRow = false): SheetSpec {
  const rows = table.rows.map((row) => row.map(xlsxCell));
  return {
    name,
    columns: table.headers.map((header, i) => ({ header, width: columnWidth(header, rows, i) })),
    rows,
    boldLastRow,
  };
}

/** The three sheets of the XLSX export, every text cell neutralised, numbers as numbers. */
export function buildWorkbookSpec(
  report: MonthlyReport,
  about: ReportAbout,
  generatedAtMs: number,
): WorkbookSpec {
  return {
    creator: 'Kortliggaren',
    createdAtMs: generatedAtMs,
    sheets: [
      sheet(SHEET_NAMES[0], statisticsTable(report), true),
      sheet(SHEET_NAMES[1], reasonsTable(report)),
      sheet(SHEET_NAMES[2], aboutTable(report, about)),
    ],
  };
}

/** What the rendering worker (xlsx-worker.ts) posts once: the file, or why it failed. */
export type XlsxWorkerReply = { kind: 'done'; bytes: Uint8Array } | { kind: 'failed'; message: string };

// Generous: a month of a desk's cards renders in well under a second.
const SYNC_TIMEOUT_MS = 120_000;

/**
 * Where the rendering worker's script is. From source (tsx, vitest) it is xlsx-worker.ts
 * beside this file. In the desktop bundle scripts/build-electron.mjs writes
 * xlsx-worker.mjs next to main.cjs and makes `import.meta.url` name main.cjs, so the same
 * relative URL finds it; a packaged app takes the copy outside the asar archive.
 */
export function xlsxWorkerUrl(base: string = import.meta.url): URL {
  return unpackedUrl(new URL('./xlsx-worker.mjs', base));
}

function start(spec: WorkbookSpec): WorkerReader {
  return startWorker(workerScript('xlsx-worker', import.meta.url), spec);
}

function unwrap(reply: XlsxWorkerReply): Uint8Array {
  if (reply.kind !== 'done') throw new Error(`XLSX rendering failed: ${reply.message}`);
  return reply.bytes;
}

/** Renders a workbook to XLSX bytes in a worker thread. */
export async function renderXlsx(spec: WorkbookSpec): Promise<Uint8Array> {
  const reader = start(spec);
  try {
    return unwrap((await reader.nextAsync()) as XlsxWorkerReply);
  } finally {
    reader.close();
  }
}

/**
 * Renders a workbook to XLSX bytes, blocking until the worker is done: for the CLI, whose
 * commands are synchronous while exceljs is not.
 */
export function renderXlsxSync(spec: WorkbookSpec): Uint8Array {
  const reader = start(spec);
  try {
    return unwrap(reader.next(SYNC_TIMEOUT_MS) as XlsxWorkerReply);
  } finally {
    reader.close();
  }
}
