import { parseFile, type OnProgress, type ParseOutcome } from './parse-file';
import type { ParseWorkerMessage } from './parse-worker';

/**
 * Reads an import file in a Web Worker, reporting progress; where no Worker exists (the
 * jsdom tests) or it fails to start, it parses on the calling thread instead.
 */
export function readImportFile(
  file: File,
  onProgress: OnProgress,
  signal?: AbortSignal,
): Promise<ParseOutcome> {
  if (typeof Worker === 'undefined') return parseFile(file, onProgress);
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' });
    } catch {
      resolve(parseFile(file, onProgress));
      return;
    }
    let heard = false;
    const finish = (outcome: ParseOutcome) => {
      worker.terminate();
      resolve(outcome);
    };
    signal?.addEventListener('abort', () => finish({ ok: false, errors: [{ message: 'aborted' }] }));
    worker.onmessage = (event: MessageEvent<ParseWorkerMessage>) => {
      heard = true;
      if (event.data.type === 'progress') onProgress(event.data.value);
      else finish(event.data.outcome);
    };
    // A worker that cannot even start (a locked-down file:// origin) falls back to this thread.
    worker.onerror = () => {
      if (heard) finish({ ok: false, errors: [{ message: 'unreadable' }] });
      else {
        worker.terminate();
        resolve(parseFile(file, onProgress));
      }
    };
    worker.postMessage(file);
  });
}
