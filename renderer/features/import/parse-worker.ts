import { parseFile, type ParseOutcome } from './parse-file';

/** Messages from the parse worker to the page. */
export type ParseWorkerMessage =
  { type: 'progress'; value: number } | { type: 'done'; outcome: ParseOutcome };

/**
 * Reads the import file off the main thread, so 100 000 rows never freeze the window. It
 * receives a File and answers with progress and, at the end, the parsed rows.
 */
interface WorkerScope {
  onmessage: ((event: MessageEvent<File>) => void) | null;
  postMessage(message: ParseWorkerMessage): void;
}
// The project compiles against the DOM library; a worker's global is described here.
const scope = self as unknown as WorkerScope;
let lastReported = -1;
scope.onmessage = (event: MessageEvent<File>) => {
  const post = (message: ParseWorkerMessage) => scope.postMessage(message);
  void parseFile(event.data, (value) => {
    // A message per percent is plenty for a progress bar.
    const percent = Math.floor(value * 100);
    if (percent === lastReported) return;
    lastReported = percent;
    post({ type: 'progress', value });
  })
    .then((outcome) => post({ type: 'done', outcome }))
    .catch(() => post({ type: 'done', outcome: { ok: false, errors: [{ message: 'unreadable' }] } }));
};
