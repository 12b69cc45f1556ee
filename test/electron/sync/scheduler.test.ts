import { join as joinPath } from 'node:path';
import { createBackend, type Backend } from '../../../electron/app/backend';
import { createMemoryCredentialStore, type CredentialStore } from '../../../electron/app/credentials';
import { HubError } from '../../../electron/hub/errors';
import { registerCard } from '../../../electron/services/cards';
import type { ServiceContext } from '../../../electron/services/context';
import { SyncError } from '../../../electron/sync/errors';
import type { HubPort } from '../../../electron/sync/hub-port';
import {
  createSyncScheduler,
  SYNC_INTERVAL_MS,
  SYNC_RETRY_BASE_MS,
  SYNC_RETRY_MAX_MS,
  type SyncScheduler,
  type SyncSchedulerOptions,
} from '../../../electron/sync/scheduler';
import type { SyncResult } from '../../../electron/sync/sync';
import { CardInput } from '../../../shared/domain/card';
import { tempDir, validCard } from '../../fixtures/cards';

// The scheduling logic over a real register, with the hub replaced by a script of outcomes:
// what is tested here is when runs happen, never two at once, and what the status says.
// test/electron/sync/scheduler-hub.test.ts runs the same scheduler against real PostgreSQL.

const START = Date.parse('2026-03-02T10:00:00+01:00');
const OK: SyncResult = { pushed: 0, pulled: 0, cursor: 0, changedReportedMonths: [] };
const unreachable = () => new HubError('hub-unreachable', { host: 'hubb.example', detail: 'ECONNREFUSED' });

let backend: Backend;
let cleanup: () => void;
let credentials: CredentialStore;
let scheduler: SyncScheduler | undefined;
let calls: number;
let concurrent: number;
let maxConcurrent: number;
let outcomes: (() => Promise<SyncResult>)[];
let closedPorts: number;

const ctx = (): ServiceContext => backend.services;

function join(): void {
  ctx().db.transaction(() =>
    ctx().hubLink.insert(
      { url: 'postgres://desk_a@127.0.0.1:5432/hub', hubId: 'hub-1', deskId: 'desk-a', deskName: 'Borås' },
      Date.now(),
    ),
  )();
}

function makeScheduler(extra: Partial<SyncSchedulerOptions> = {}): SyncScheduler {
  scheduler = createSyncScheduler({
    services: () => backend.services,
    credentials,
    openPort: () =>
      ({
        close: () => {
          closedPorts++;
          return Promise.resolve();
        },
      }) as unknown as HubPort,
    sync: async () => {
      calls++;
      concurrent++;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      try {
        const next = outcomes.shift();
        return next ? await next() : OK;
      } finally {
        concurrent--;
      }
    },
    random: () => 0,
    ...extra,
  });
  return scheduler;
}

/** A sync that takes `ms` of (fake) time. */
const slow =
  (ms: number, result: SyncResult = OK) =>
  () =>
    new Promise<SyncResult>((resolve) => setTimeout(() => resolve(result), ms));
const fail = (error: Error) => () => Promise.reject(error);

beforeEach(() => {
  vi.useFakeTimers({ now: START, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  const temp = tempDir('scheduler-');
  cleanup = temp.cleanup;
  backend = createBackend({
    databasePath: joinPath(temp.dir, 'k.db'),
    mode: 'cli',
    version: 'test',
    dailyBackup: false,
  });
  credentials = createMemoryCredentialStore('hemligt');
  calls = 0;
  concurrent = 0;
  maxConcurrent = 0;
  closedPorts = 0;
  outcomes = [];
});

afterEach(async () => {
  const stopping = scheduler?.stop(0);
  await vi.advanceTimersByTimeAsync(1);
  await stopping;
  scheduler = undefined;
  vi.useRealTimers();
  backend.close();
  cleanup();
});

describe('when the sync runs', () => {
  it('does nothing, and says off, when the register has joined no hub', async () => {
    const s = makeScheduler();
    s.start();
    s.notifyChange();
    await vi.advanceTimersByTimeAsync(SYNC_INTERVAL_MS * 3);
    expect(calls).toBe(0);
    expect(s.status()).toMatchObject({ state: 'off', hubId: null, pending: 0, nextAttemptAt: null });
  });

  it('waits for a password when the register joined from the command line', async () => {
    join();
    credentials.clear();
    const s = makeScheduler();
    s.start();
    await vi.advanceTimersByTimeAsync(SYNC_INTERVAL_MS * 2);
    expect(calls).toBe(0);
    expect(s.status().state).toBe('no-password');
    credentials.set('hemligt');
    s.configChanged();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(1);
    expect(s.status().state).toBe('idle');
  });

  it('syncs on start, then every few minutes, each time with a fresh port it closes', async () => {
    join();
    const s = makeScheduler();
    s.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(1);
    expect(closedPorts).toBe(1);
    const status = s.status();
    expect(status.state).toBe('idle');
    expect(status.nextAttemptAt).toBe('2026-03-02T10:05:00+01:00');
    await vi.advanceTimersByTimeAsync(SYNC_INTERVAL_MS - 1);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toBe(2);
    await vi.advanceTimersByTimeAsync(SYNC_INTERVAL_MS * 3);
    expect(calls).toBe(5);
    expect(closedPorts).toBe(5);
  });

  it('syncs shortly after a change; changes in between ride along with one run', async () => {
    join();
    const s = makeScheduler({ debounceMs: 2_000 });
    s.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(60_000);
    s.notifyChange();
    await vi.advanceTimersByTimeAsync(1_000);
    s.notifyChange();
    s.notifyChange();
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toBe(2);
    // Back to the interval after it.
    await vi.advanceTimersByTimeAsync(SYNC_INTERVAL_MS - 1);
    expect(calls).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toBe(3);
  });

  it('never runs two at once: a change or "Synka nu" during a run waits for it', async () => {
    join();
    outcomes = [slow(10_000), slow(10_000), slow(10_000)];
    const s = makeScheduler({ debounceMs: 2_000 });
    s.start();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(s.status().state).toBe('running');
    s.notifyChange();
    const now = s.syncNow();
    s.configChanged();
    await vi.advanceTimersByTimeAsync(9_000);
    // "Synka nu" joined the run under way and answers when it ends.
    expect(['idle', 'running']).toContain((await now).state);
    expect(calls).toBe(1);
    // The new configuration runs at once after it, and the change rides along with that run.
    await vi.advanceTimersByTimeAsync(30_000);
    expect(calls).toBe(2);
    expect(maxConcurrent).toBe(1);
    expect(s.status().state).toBe('idle');
  });

  it('answers the status at once while a run is under way (the UI is not held up)', async () => {
    join();
    let finish: (r: SyncResult) => void = () => {};
    outcomes = [() => new Promise<SyncResult>((resolve) => (finish = resolve))];
    const s = makeScheduler();
    s.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(s.status().state).toBe('running');
    registerCard(ctx(), CardInput.parse(validCard()));
    expect(s.status().pending).toBe(1);
    finish(OK);
    await vi.advanceTimersByTimeAsync(0);
    expect(s.status().state).toBe('idle');
  });
});

describe('when the hub cannot be reached', () => {
  it('retries with doubling waits up to a cap, in plain Swedish, and changes do not shorten them', async () => {
    join();
    outcomes = Array.from({ length: 12 }, () => fail(unreachable()));
    const s = makeScheduler();
    s.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(1);
    const status = s.status();
    expect(status.state).toBe('retrying');
    expect(status.lastError).toMatchObject({ code: 'hub-unreachable', retryable: true });
    expect(status.lastError?.message).toContain('går inte att nå just nu');
    expect(status.lastError?.messageEn).toContain('cannot be reached');
    expect(status.nextAttemptAt).toBe('2026-03-02T10:00:15+01:00');

    const waits: number[] = [];
    let last = Date.now();
    for (let n = 2; n <= 10; n++) {
      // A change meanwhile does not bring the next attempt forward.
      s.notifyChange();
      while (calls < n) await vi.advanceTimersByTimeAsync(1_000);
      waits.push(Date.now() - last);
      last = Date.now();
    }
    const expected = [1, 2, 4, 8, 16, 32].map((f) => Math.min(SYNC_RETRY_BASE_MS * f, SYNC_RETRY_MAX_MS));
    expect(waits.slice(0, 6)).toEqual(expected);
    expect(waits.slice(6)).toEqual([SYNC_RETRY_MAX_MS, SYNC_RETRY_MAX_MS, SYNC_RETRY_MAX_MS]);
    expect(maxConcurrent).toBe(1);
  });

  it('after the hub is back, the error clears and the interval returns', async () => {
    join();
    outcomes = [fail(unreachable()), fail(unreachable())];
    const s = makeScheduler();
    s.start();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(SYNC_RETRY_BASE_MS);
    expect(calls).toBe(2);
    await vi.advanceTimersByTimeAsync(SYNC_RETRY_BASE_MS * 2);
    expect(calls).toBe(3);
    const status = s.status();
    expect(status.state).toBe('idle');
    expect(status.lastError).toBeNull();
    expect(status.lastResult).not.toBeNull();
    await vi.advanceTimersByTimeAsync(SYNC_INTERVAL_MS);
    expect(calls).toBe(4);
  });

  it('spreads the retries of desks that lost the hub together (jitter below the plain wait)', async () => {
    join();
    outcomes = [fail(unreachable())];
    const s = makeScheduler({ random: () => 0.5 });
    s.start();
    await vi.advanceTimersByTimeAsync(0);
    // 15 s less a tenth (half the jitter's fifth): 13.5 s, shown to the second.
    expect(Date.parse(s.status().nextAttemptAt!) - START).toBe(13_000);
  });
});

describe('a fault a person must mend', () => {
  it('stops the automatic runs until "Synka nu" (wrong password)', async () => {
    join();
    outcomes = [fail(new HubError('hub-auth', { host: 'hubb.example', user: 'desk_a' }))];
    const s = makeScheduler();
    s.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(1);
    const status = s.status();
    expect(status.state).toBe('stopped');
    expect(status.nextAttemptAt).toBeNull();
    expect(status.lastError?.message).toContain('godtog inte inloggningen');
    s.notifyChange();
    await vi.advanceTimersByTimeAsync(SYNC_INTERVAL_MS * 12);
    expect(calls).toBe(1);
    // The person mended it and asks again.
    const after = await s.syncNow();
    expect(calls).toBe(2);
    expect(after.state).toBe('idle');
    expect(after.lastError).toBeNull();
  });

  it('stops for a restored register and keeps the message for regional IT', async () => {
    join();
    outcomes = [fail(new SyncError('sync-restored', { desk: 'desk-a', hubLast: 9, deskLast: 4 }))];
    const s = makeScheduler();
    s.start();
    await vi.advanceTimersByTimeAsync(0);
    const status = s.status();
    expect(status.state).toBe('stopped');
    expect(status.lastError?.code).toBe('sync-restored');
    expect(status.lastError?.message).toContain('säkerhetskopia');
    expect(status.lastError?.messageEn).toContain('backup');
  });

  it('describes an unexpected failure in both languages and logs it', async () => {
    join();
    const logged: unknown[] = [];
    outcomes = [fail(new Error('disk I/O error'))];
    const s = makeScheduler({ logError: (_scope, e) => logged.push(e) });
    s.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(s.status().lastError).toMatchObject({ code: 'sync-failed', retryable: false });
    expect(s.status().lastError?.message).toContain('disk I/O error');
    expect(s.status().lastError?.messageEn).toContain('failed unexpectedly');
    expect(logged).toHaveLength(1);
  });
});

describe('stopping', () => {
  it('gives a hung run a few seconds at quit, then lets the app go', async () => {
    join();
    outcomes = [() => new Promise<SyncResult>(() => {})];
    const s = makeScheduler();
    s.start();
    await vi.advanceTimersByTimeAsync(0);
    let stopped = false;
    const stopping = s.stop(3_000).then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(2_999);
    expect(stopped).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await stopping;
    expect(stopped).toBe(true);
  });

  it('waits for the run under way, then never runs again', async () => {
    join();
    outcomes = [slow(5_000)];
    const s = makeScheduler();
    s.start();
    await vi.advanceTimersByTimeAsync(0);
    let stopped = false;
    const stopping = s.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(4_000);
    expect(stopped).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    await stopping;
    expect(stopped).toBe(true);
    s.notifyChange();
    s.configChanged();
    await s.syncNow();
    await vi.advanceTimersByTimeAsync(SYNC_INTERVAL_MS * 3);
    expect(calls).toBe(1);
    expect(s.status().nextAttemptAt).toBeNull();
  });
});
