import { startWorker, workerScript, type WorkerReader, type WorkerScript } from '../platform/worker-thread';
import type { ImportRowSource, RowError } from './import';
import type { ImportWorkerData, ImportWorkerMessage } from './import-worker-protocol';

/** Steps the worker may validate ahead of the rows stored: bounds what waits in memory. */
const LOOKAHEAD_STEPS = 4;
/** How long the reader waits for the worker's next message before giving up. */
const STALL_TIMEOUT_MS = 120_000;

/** The import worker's script: bundled `import-worker.mjs` beside this code (the bench's bundle), else the source. */
export function importWorkerEntry(base: string = import.meta.url): WorkerScript {
  return workerScript('import-worker', base);
}

/** A CSV being opened and validated in a worker; see {@link openImportCsvInWorker}. */
export interface WorkerImport {
  /** As openImportCsv returns it; `rows` must be read in order, a step of rowsPerStep at a time. */
  opened: { ok: true; rows: ImportRowSource } | { ok: false; errors: RowError[] };
  /** Stops the worker. Call when done, whether or not every row was read. */
  close(): void;
}

/**
 * Opens a card CSV in a worker thread (import-worker.ts), which then validates it a step
 * at a time, a few steps ahead of the caller: the same rows as openImportCsv, while this
 * thread stores the steps already validated. Blocks until the file is opened; null when
 * the worker could not start or open it (then open it here: the outcome is the same).
 */
export function openImportCsvInWorker(
  text: string,
  rowsPerStep: number,
  entry = importWorkerEntry(),
): WorkerImport | null {
  const data: ImportWorkerData = { text, rowsPerStep, lookahead: LOOKAHEAD_STEPS };
  let reader: WorkerReader;
  try {
    reader = startWorker(entry, data);
  } catch {
    // No way to start it here (from source without tsx installed): the caller does the work.
    return null;
  }
  // A worker left waiting (the import failed half-way) must not keep the process alive.
  reader.worker.unref();
  const close = () => reader.close();
  const next = (): ImportWorkerMessage => {
    const message = reader.next(STALL_TIMEOUT_MS) as ImportWorkerMessage;
    if (message.kind === 'failed') throw new Error(`the import worker failed: ${message.message}`);
    return message;
  };
  let first: ImportWorkerMessage;
  try {
    first = next();
  } catch {
    // The worker could not start (or open the file): the caller does the work itself.
    close();
    return null;
  }
  try {
    if (first.kind === 'refused') return { opened: { ok: false, errors: first.errors }, close };
    if (first.kind !== 'opened') throw new Error(`the import worker sent ${first.kind} first`);
    let expected = 0;
    const rows: ImportRowSource = {
      size: first.size,
      read(start, end) {
        if (start !== expected || end - start !== rowsPerStep) {
          throw new Error(`rows are read from the worker in steps of ${rowsPerStep}, in order`);
        }
        const message = next();
        if (message.kind !== 'step' || message.start !== start) {
          throw new Error(`the import worker sent ${message.kind} instead of the rows from ${start}`);
        }
        expected = start + rowsPerStep;
        reader.taken();
        return JSON.parse(message.json) as ReturnType<ImportRowSource['read']>;
      },
    };
    return { opened: { ok: true, rows }, close };
  } catch (error) {
    close();
    throw error;
  }
}
