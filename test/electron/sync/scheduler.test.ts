import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSafeStorageCredentials, type SecretStore } from '../../../electron/main/hub-credentials';
import { startBackgroundSync, type BackgroundSync } from '../../../electron/sync/scheduler';
import type { SyncResult } from '../../../electron/sync/sync';
import { tempDir } from '../../fixtures/cards';

const OK: SyncResult = { pushed: 0, pulled: 0, cursor: 0, changedReportedMonths: [] };
const unreachable = () =>
  Object.assign(new Error('Hubben går inte att nå'), { code: 'hub-unreachable', retryable: true });
const refused = () =>
  Object.assign(new Error('Synkningen stoppades'), { code: 'hub-conflict', retryable: false });

describe('the background sync', () => {
  let runs: number[];
  let outcomes: (() => Promise<SyncResult>)[];
  let pending: number;
  let joined: boolean;
  let background: BackgroundSync;
  const start = Date.parse('2026-03-02T08:00:00Z');

  beforeEach(() => {
    vi.useFakeTimers({ now: start });
    runs = [];
    outcomes = [];
    pending = 0;
    joined = true;
    background = startBackgroundSync({
      // Like the real sync: what was pending when it started is pushed when it succeeds.
      sync: async () => {
        runs.push((Date.now() - start) / 1000);
        const taken = pending;
        const result = await (outcomes.shift() ?? (() => Promise.resolve(OK)))();
        pending -= taken;
        return result;
      },
      joined: () => joined,
      pending: () => pending,
      intervalMs: 300_000,
      checkMs: 10_000,
      firstBackoffMs: 30_000,
      maxBackoffMs: 120_000,
    });
  });
  afterEach(() => {
    background.stop();
    vi.useRealTimers();
  });

  // Seconds after start at which syncs ran, after `seconds` have passed.
  async function after(seconds: number): Promise<number[]> {
    await vi.advanceTimersByTimeAsync(seconds * 1000);
    return runs;
  }

  it('syncs on start, soon after a change, and every five minutes', async () => {
    expect(await after(10)).toEqual([10]);
    expect(await after(60)).toEqual([10]);
    pending = 1;
    expect(await after(10)).toEqual([10, 80]);
    // The same change counted once; a newer one again.
    expect(await after(30)).toEqual([10, 80]);
    pending = 2;
    expect(await after(10)).toEqual([10, 80, 120]);
    expect(await after(300)).toEqual([10, 80, 120, 420]);
  });

  it('waits longer each time the hub cannot be reached, and not after changes meanwhile', async () => {
    outcomes = [
      () => Promise.reject(unreachable()),
      () => Promise.reject(unreachable()),
      () => Promise.reject(unreachable()),
      () => Promise.reject(unreachable()),
    ];
    await after(10);
    pending = 5;
    // 30 s, 60 s, 120 s, then capped at 120 s; rounded up to the next check.
    expect(await after(400)).toEqual([10, 40, 100, 220, 340]);
    // Back: the normal rhythm again.
    expect(await after(310)).toEqual([10, 40, 100, 220, 340, 640]);
  });

  it('after a refusal a person must fix, retries only at the interval', async () => {
    outcomes = [() => Promise.reject(refused())];
    await after(10);
    pending = 3;
    expect(await after(200)).toEqual([10]);
    expect(await after(110)).toEqual([10, 310]);
  });

  it('does nothing for a register that has not joined a hub', async () => {
    joined = false;
    pending = 4;
    expect(await after(700)).toEqual([]);
    joined = true;
    expect(await after(10)).toEqual([710]);
  });

  it('never runs two syncs at once', async () => {
    let finish: (r: SyncResult) => void = () => {};
    outcomes = [() => new Promise<SyncResult>((resolve) => (finish = resolve))];
    await after(10);
    pending = 1;
    await after(600);
    expect(runs).toEqual([10]);
    finish(OK);
    expect(await after(10)).toEqual([10, 620]);
  });
});

describe('the desk password in the credential store', () => {
  const store: SecretStore = {
    isEncryptionAvailable: () => true,
    encryptString: (plain) => Buffer.from(`enc:${Buffer.from(plain).toString('base64')}`),
    decryptString: (encrypted) => Buffer.from(encrypted.toString().slice(4), 'base64').toString(),
  };
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('keeps only the encrypted bytes, and reads them back', () => {
    const file = join(dir, 'hub-losenord.bin');
    const credentials = createSafeStorageCredentials(store, file);
    expect(credentials.load()).toBeUndefined();
    credentials.save('hemligt-lösen');
    expect(readFileSync(file, 'utf8')).not.toContain('hemligt');
    expect(createSafeStorageCredentials(store, file).load()).toBe('hemligt-lösen');
  });

  it('refuses to keep it in plain text when the store cannot encrypt', () => {
    const file = join(dir, 'hub-losenord.bin');
    const credentials = createSafeStorageCredentials({ ...store, isEncryptionAvailable: () => false }, file);
    expect(() => credentials.save('hemligt')).toThrow(/nyckelring/);
    expect(existsSync(file)).toBe(false);
    expect(createSafeStorageCredentials(undefined, file).load()).toBeUndefined();
  });
});
