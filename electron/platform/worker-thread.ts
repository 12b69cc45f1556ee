import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  MessageChannel,
  receiveMessageOnPort,
  Worker,
  type MessagePort,
  type TransferListItem,
} from 'node:worker_threads';

// One way to run code in a worker thread, for the CSV import's validation and the XLSX
// rendering: a real boot file (worker-boot.mjs) loads the worker's script, bundled or from
// source, and a shared signal lets a synchronous caller (the CLI, an import inside a
// SQLite transaction) block until the worker has posted — which a MessagePort alone cannot.

/** Slots of the shared signal: messages posted by the worker, messages taken by the reader. */
export const POSTED = 0;
export const TAKEN = 1;

/** What connects a worker to its reader; the worker reaches it through worker-link.ts. */
export interface WorkerLink {
  port: MessagePort;
  signal: Int32Array;
}

/** The script a worker runs: bundled JavaScript, or TypeScript loaded through tsx. */
export interface WorkerScript {
  url: URL;
  typescript: boolean;
}

/**
 * A packaged app keeps worker scripts outside the asar archive (`asarUnpack` in
 * electron-builder.yml): Electron patches the CommonJS loader and `fs` for asar, but a
 * worker's ES module loader is not promised to see into the archive.
 */
export function unpackedUrl(url: URL): URL {
  return new URL(url.href.replace(/\.asar\//, '.asar.unpacked/'));
}

/**
 * Finds worker script `name` beside `base` (the URL of the module that starts it): bundled,
 * `name.mjs` lies there (scripts/build-electron.mjs and the bench write it next to the
 * bundle, whose `import.meta.url` names the bundle); from source (tsx, vitest) it is
 * `name.ts`.
 */
export function workerScript(name: string, base: string): WorkerScript {
  const bundled = new URL(`./${name}.mjs`, base);
  if (existsSync(fileURLToPath(bundled))) return { url: unpackedUrl(bundled), typescript: false };
  return { url: new URL(`./${name}.ts`, base), typescript: true };
}

/** The boot file: beside this module from source, beside the bundle when bundled. */
export function workerBootUrl(base: string = import.meta.url): URL {
  return unpackedUrl(new URL('./worker-boot.mjs', base));
}

// tsx's module API (ESM), from its package's exports. Throws when tsx is not installed.
function tsxApiUrl(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>;
  };
  return pathToFileURL(join(dirname(manifest), exports['./esm/api']!.import.default)).href;
}

/** Raised by `WorkerReader.next` when the worker posts nothing in time. */
export class WorkerStalledError extends Error {
  constructor() {
    super('the worker stopped answering');
    this.name = 'WorkerStalledError';
  }
}

/** The starting thread's end of a worker: its messages, by blocking or by waiting. */
export class WorkerReader {
  constructor(
    private readonly port: MessagePort,
    private readonly signal: Int32Array,
    readonly worker: Worker,
  ) {}

  /** Blocks this thread until the worker's next message; throws WorkerStalledError after `timeoutMs`. */
  next(timeoutMs: number): unknown {
    for (;;) {
      const posted = Atomics.load(this.signal, POSTED);
      const received = receiveMessageOnPort(this.port);
      if (received) return received.message as unknown;
      if (Atomics.wait(this.signal, POSTED, posted, timeoutMs) === 'timed-out')
        throw new WorkerStalledError();
    }
  }

  /** The worker's next message, without blocking; rejects when the worker fails or stops first. */
  nextAsync(): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const received = receiveMessageOnPort(this.port);
      if (received) {
        resolve(received.message);
        return;
      }
      this.port.once('message', resolve);
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(new Error(`the worker stopped (${code})`)));
    });
  }

  /** Tells the worker one more message was taken (see worker-link.ts `waitForReader`). */
  taken(): void {
    Atomics.add(this.signal, TAKEN, 1);
    Atomics.notify(this.signal, TAKEN);
  }

  /** Stops the worker and closes the channel. */
  close(): void {
    this.port.close();
    void this.worker.terminate();
  }
}

/**
 * Starts `script` in a worker thread with `data` (read there with worker-link.ts
 * `workerInput`). Throws when the worker cannot be started here (from source without tsx);
 * a script that fails to load posts `{ kind: 'failed', message }`.
 */
export function startWorker(
  script: WorkerScript,
  data: unknown,
  transferList: readonly TransferListItem[] = [],
  bootUrl: URL = workerBootUrl(),
): WorkerReader {
  const boot = { entry: script.url.href, tsxApi: script.typescript ? tsxApiUrl() : null };
  const signal = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  try {
    const worker = new Worker(bootUrl, {
      workerData: { boot, link: { port: port2, signal }, data },
      transferList: [port2, ...transferList],
    });
    return new WorkerReader(port1, signal, worker);
  } catch (error) {
    port1.close();
    throw error;
  }
}
