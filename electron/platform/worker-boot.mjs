// The first code of every worker thread the app starts (electron/platform/worker-thread.ts).
// It loads the worker's real script — bundled JavaScript, or TypeScript through tsx's API
// when run from source, since a worker thread does not inherit the TypeScript loader — and,
// should that fail (a missing file, no tsx), tells the reader at once instead of leaving it
// to wait. Plain JavaScript on purpose: it must run before any loader is in place.
import { workerData } from 'node:worker_threads';

/** @type {{ boot: { entry: string, tsxApi: string | null }, link: { port: import('node:worker_threads').MessagePort, signal: Int32Array } }} */
const { boot, link } = workerData;

try {
  if (boot.tsxApi) {
    const api = await import(boot.tsxApi);
    await (api.tsImport ?? api.default.tsImport)(boot.entry, boot.entry);
  } else {
    await import(boot.entry);
  }
} catch (error) {
  link.port.postMessage({
    kind: 'failed',
    message: String((error && /** @type {Error} */ (error).message) || error),
  });
  // Slot 0 counts the messages posted (see worker-thread.ts): wakes a blocked reader.
  Atomics.add(link.signal, 0, 1);
  Atomics.notify(link.signal, 0);
}
