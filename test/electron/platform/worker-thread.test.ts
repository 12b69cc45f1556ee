import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  startWorker,
  unpackedUrl,
  workerScript,
  WorkerStalledError,
  type WorkerReader,
} from '../../../electron/platform/worker-thread';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/workers');
const base = pathToFileURL(join(FIXTURES, 'host.ts')).href;

let open: WorkerReader[] = [];
afterEach(() => {
  for (const reader of open) reader.close();
  open = [];
});
function start(...args: Parameters<typeof startWorker>): WorkerReader {
  const reader = startWorker(...args);
  open.push(reader);
  return reader;
}

describe('workerScript', () => {
  it('takes the bundled .mjs beside the bundle, and the TypeScript source otherwise', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kortliggaren-worker-'));
    try {
      const bundleBase = pathToFileURL(join(dir, 'main.cjs')).href;
      expect(workerScript('echo-worker', bundleBase)).toEqual({
        url: new URL('./echo-worker.ts', bundleBase),
        typescript: true,
      });
      writeFileSync(join(dir, 'echo-worker.mjs'), 'export {};');
      expect(workerScript('echo-worker', bundleBase)).toEqual({
        url: new URL('./echo-worker.mjs', bundleBase),
        typescript: false,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('points into app.asar.unpacked in a packaged app', () => {
    expect(unpackedUrl(new URL('file:///opt/K/resources/app.asar/dist-electron/worker-boot.mjs')).href).toBe(
      'file:///opt/K/resources/app.asar.unpacked/dist-electron/worker-boot.mjs',
    );
    expect(unpackedUrl(new URL('file:///opt/K/dist-electron/worker-boot.mjs')).href).toBe(
      'file:///opt/K/dist-electron/worker-boot.mjs',
    );
  });
});

describe('startWorker', () => {
  it('runs a TypeScript worker from source and lets a synchronous reader block for each message', () => {
    const reader = start(workerScript('echo-worker', base), { text: 'åsa', count: 5, ahead: 2 });
    const got: unknown[] = [];
    for (let i = 0; i < 5; i++) {
      got.push(reader.next(30_000));
      reader.taken();
    }
    got.push(reader.next(30_000));
    expect(got).toEqual([
      { kind: 'step', i: 0 },
      { kind: 'step', i: 1 },
      { kind: 'step', i: 2 },
      { kind: 'step', i: 3 },
      { kind: 'step', i: 4 },
      { kind: 'done', text: 'ÅSA' },
    ]);
  });

  it('keeps the worker no more than `ahead` messages in front of the reader', async () => {
    const reader = start(workerScript('echo-worker', base), { text: 'x', count: 10, ahead: 3 });
    expect(reader.next(30_000)).toEqual({ kind: 'step', i: 0 });
    // Nothing taken yet: steps 1 and 2 may come, step 3 must wait for the reader.
    await new Promise((done) => setTimeout(done, 300));
    expect(reader.next(5_000)).toEqual({ kind: 'step', i: 1 });
    expect(reader.next(5_000)).toEqual({ kind: 'step', i: 2 });
    expect(() => reader.next(300)).toThrow(WorkerStalledError);
    reader.taken();
    expect(reader.next(30_000)).toEqual({ kind: 'step', i: 3 });
  });

  it('answers at once with `failed` when the script cannot be loaded, instead of a long wait', () => {
    const missing = { url: pathToFileURL(join(FIXTURES, 'no-such-worker.mjs')), typescript: false };
    const began = Date.now();
    const message = start(missing, null).next(60_000) as { kind: string; message: string };
    expect(message.kind).toBe('failed');
    expect(message.message).toMatch(/no-such-worker/);
    expect(Date.now() - began).toBeLessThan(30_000);
  });

  it('gives up with WorkerStalledError when the worker posts nothing in time', () => {
    const reader = start(
      { url: pathToFileURL(join(FIXTURES, 'silent-worker.mjs')), typescript: false },
      null,
    );
    expect(() => reader.next(500)).toThrow(WorkerStalledError);
  });

  it('also hands messages to an asynchronous reader', async () => {
    const reader = start(workerScript('echo-worker', base), { text: 'kort', count: 0, ahead: 1 });
    await expect(reader.nextAsync()).resolves.toEqual({ kind: 'done', text: 'KORT' });
  });
});
