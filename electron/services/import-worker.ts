import { workerData } from 'node:worker_threads';
import { openImportCsv } from './import-csv';
import { POSTED, TAKEN, type ImportWorkerData, type ImportWorkerMessage } from './import-worker-protocol';

// The import worker (see import-worker-source.ts): parses and validates a card CSV a step
// at a time, at most `lookahead` steps ahead of the thread that stores the rows.

const { text, rowsPerStep, lookahead, port, signal } = workerData as ImportWorkerData;

function post(message: ImportWorkerMessage): void {
  port.postMessage(message);
  Atomics.add(signal, POSTED, 1);
  Atomics.notify(signal, POSTED);
}

try {
  const opened = openImportCsv(text);
  if (!opened.ok) {
    post({ kind: 'refused', errors: opened.errors });
  } else {
    post({ kind: 'opened', size: opened.rows.size });
    for (let start = 0, step = 0; start < opened.rows.size; start += rowsPerStep, step++) {
      for (
        let taken = Atomics.load(signal, TAKEN);
        step - taken >= lookahead;
        taken = Atomics.load(signal, TAKEN)
      ) {
        Atomics.wait(signal, TAKEN, taken);
      }
      post({ kind: 'step', start, json: JSON.stringify(opened.rows.read(start, start + rowsPerStep)) });
    }
  }
} catch (error) {
  post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
}
