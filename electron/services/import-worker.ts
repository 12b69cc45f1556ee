import { postToReader, waitForReader, workerInput } from '../platform/worker-link';
import { openImportCsv } from './import-csv';
import type { ImportWorkerData, ImportWorkerMessage } from './import-worker-protocol';

// The import worker (see import-worker-host.ts): parses and validates a card CSV a step
// at a time, at most `lookahead` steps ahead of the thread that stores the rows.

const { text, rowsPerStep, lookahead } = workerInput<ImportWorkerData>();

function post(message: ImportWorkerMessage): void {
  postToReader(message);
}

try {
  const opened = openImportCsv(text);
  if (!opened.ok) {
    post({ kind: 'refused', errors: opened.errors });
  } else {
    post({ kind: 'opened', size: opened.rows.size });
    for (let start = 0, step = 0; start < opened.rows.size; start += rowsPerStep, step++) {
      waitForReader(step, lookahead);
      post({ kind: 'step', start, json: JSON.stringify(opened.rows.read(start, start + rowsPerStep)) });
    }
  }
} catch (error) {
  post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
}
