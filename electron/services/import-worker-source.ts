import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { ImportRowSource, RowError } from './import';
import { POSTED, TAKEN, type ImportWorkerData, type ImportWorkerMessage } from './import-worker-protocol';

/** Steps the worker may validate ahead of the rows stored: bounds what waits in memory. */
const LOOKAHEAD_STEPS = 4;
/** How long the reader waits for the worker's next message before giving up. */
const STALL_TIMEOUT_MS = 120_000;

/**
 * How to start the worker from here: bundled, `import-worker.mjs` lies beside this code
 * (the bench's bundle); from source (tsx, vitest) it is `import-worker.ts`, loaded through
 * tsx's API, since a worker thread does not inherit the TypeScript loader.
 */
export function importWorkerEntry(base: string = import.meta.url): { url: URL; typescript: boolean } {
  const bundled = new URL('./import-worker.mjs', base);
  if (existsSync(fileURLToPath(bundled))) return { url: bundled, typescript: false };
  return { url: new URL('./import-worker.ts', base), typescript: true };
}

// tsx's module API (ESM), from its package's exports.
function tsxApiUrl(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>;
  };
  return pathToFileURL(join(dirname(manifest), exports['./esm/api']!.import.default)).href;
}

// The worker's first code: loads the entry and, should that fail (a missing file, no tsx),
// says so the way the entry would, instead of leaving the reader to wait.
function startWorker(
  entry: { url: URL; typescript: boolean },
  data: ImportWorkerData,
  transfer: MessagePort[],
) {
  const url = JSON.stringify(entry.url.href);
  const load = entry.typescript
    ? `import(${JSON.stringify(tsxApiUrl())}).then((api) => (api.tsImport ?? api.default.tsImport)(${url}, ${url}))`
    : `import(${url})`;
  const boot = `const { workerData } = require('node:worker_threads');
${load}.catch((error) => {
  workerData.port.postMessage({ kind: 'failed', message: String((error && error.message) || error) });
  Atomics.add(workerData.signal, ${POSTED}, 1);
  Atomics.notify(workerData.signal, ${POSTED});
});`;
  return new Worker(boot, { eval: true, workerData: data, transferList: transfer });
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
  const signal = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    worker = startWorker(entry, { text, rowsPerStep, lookahead: LOOKAHEAD_STEPS, port: port2, signal }, [
      port2,
    ]);
  } catch {
    // No way to start it here (from source without tsx installed): the caller does the work.
    port1.close();
    return null;
  }
  // A worker left waiting (the import failed half-way) must not keep the process alive.
  worker.unref();
  const close = () => {
    port1.close();
    void worker.terminate();
  };
  const next = (): ImportWorkerMessage => {
    for (;;) {
      const posted = Atomics.load(signal, POSTED);
      const received = receiveMessageOnPort(port1);
      if (received) {
        const message = received.message as ImportWorkerMessage;
        if (message.kind === 'failed') throw new Error(`the import worker failed: ${message.message}`);
        return message;
      }
      if (Atomics.wait(signal, POSTED, posted, STALL_TIMEOUT_MS) === 'timed-out') {
        throw new Error('the import worker stopped answering');
      }
    }
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
        Atomics.add(signal, TAKEN, 1);
        Atomics.notify(signal, TAKEN);
        return JSON.parse(message.json) as ReturnType<ImportRowSource['read']>;
      },
    };
    return { opened: { ok: true, rows }, close };
  } catch (error) {
    close();
    throw error;
  }
}
