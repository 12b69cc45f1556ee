import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { MonthlyReport } from '../../shared/report/monthly';
import {
  aboutTable,
  reasonsTable,
  statisticsTable,
  type ReportAbout,
  type ReportTable,
  type TableCell,
} from '../../shared/report/tables';
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

type WorkerReply = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

// Generous: a month of a desk's cards renders in well under a second.
const SYNC_TIMEOUT_MS = 120_000;

/**
 * Where the rendering worker's script is. From source (tsx, vitest) it sits beside this
 * file. In the desktop bundle scripts/build-electron.mjs writes it next to main.cjs and
 * makes `import.meta.url` name main.cjs, so the same relative URL finds it. A packaged
 * app keeps it outside the asar archive (`asarUnpack` in electron-builder.yml): Electron
 * patches the CommonJS loader and `fs` for asar, but a worker's ES module loader is not
 * promised to see into the archive, so it is pointed at the unpacked copy.
 */
export function xlsxWorkerUrl(base: string = import.meta.url): URL {
  const url = new URL('./xlsx-worker.mjs', base);
  return new URL(url.href.replace(/\.asar\//, '.asar.unpacked/'));
}

function startWorker(spec: WorkbookSpec): { worker: Worker; port: MessagePort; signal: Int32Array } {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(xlsxWorkerUrl(), {
    workerData: { spec, port: port2, signal },
    transferList: [port2],
  });
  return { worker, port: port1, signal };
}

function unwrap(reply: WorkerReply): Uint8Array {
  if (!reply.ok) throw new Error(`XLSX rendering failed: ${reply.message}`);
  return reply.bytes;
}

/** Renders a workbook to XLSX bytes in a worker thread. */
export async function renderXlsx(spec: WorkbookSpec): Promise<Uint8Array> {
  const { worker, port } = startWorker(spec);
  try {
    const reply = await new Promise<WorkerReply>((resolve, reject) => {
      port.once('message', (message: WorkerReply) => resolve(message));
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`XLSX worker stopped (${code})`)));
    });
    return unwrap(reply);
  } finally {
    port.close();
    void worker.terminate();
  }
}

/**
 * Renders a workbook to XLSX bytes, blocking until the worker is done: for the CLI, whose
 * commands are synchronous while exceljs is not.
 */
export function renderXlsxSync(spec: WorkbookSpec): Uint8Array {
  const { worker, port, signal } = startWorker(spec);
  try {
    if (Atomics.wait(signal, 0, 0, SYNC_TIMEOUT_MS) === 'timed-out') {
      throw new Error('XLSX rendering timed out');
    }
    const received = receiveMessageOnPort(port);
    if (!received) throw new Error('XLSX worker gave no answer');
    return unwrap(received.message as WorkerReply);
  } finally {
    port.close();
    void worker.terminate();
  }
}
