import type { HubSyncStatus, SyncFailureOut, SyncState } from '../../shared/ipc/hub';
import { formatInstant } from '../../shared/time/stockholm';
import type { CredentialStore } from '../app/credentials';
import type { ServiceContext } from '../services/context';
import { describeHubFailure, type HubPort } from './hub-port';
import { pendingEvents } from './join';
import { compareWithRegionReported } from './region-report';
import { syncOnce, type SyncResult } from './sync';

/** How often a joined desk syncs when nothing happens. */
export const SYNC_INTERVAL_MS = 5 * 60_000;
/** How long after a change the sync runs; further changes in between ride along. */
export const SYNC_DEBOUNCE_MS = 2_000;
/** The first retry after the hub could not be reached; doubled per failure up to the cap. */
export const SYNC_RETRY_BASE_MS = 15_000;
export const SYNC_RETRY_MAX_MS = 10 * 60_000;

export interface SyncSchedulerOptions {
  /** The register's services now, or null when it cannot be used (damaged, being restored). */
  services: () => ServiceContext | null;
  credentials: CredentialStore;
  /** Opens a port to the hub for one run; the scheduler closes it. */
  openPort: (url: string, password: string) => HubPort;
  /** One sync (default: syncOnce). */
  sync?: (ctx: ServiceContext, port: HubPort) => Promise<SyncResult>;
  intervalMs?: number;
  debounceMs?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** For the jitter of retries (default Math.random); 0 gives the plain doubling. */
  random?: () => number;
  now?: () => number;
  /** After each run that succeeded: e.g. the changed exported months. */
  onSynced?: (result: SyncResult) => void;
  /** Failures nobody expected (never the password: hub messages do not hold it). */
  logError?: (scope: string, error: unknown) => void;
}

/** The background sync of a desk app (SPEC §8): on start, after changes, every few minutes. */
export interface SyncScheduler {
  /** Starts: a joined desk syncs at once, then on its own. */
  start(): void;
  /** A card changed here: sync shortly (debounced), unless the hub is being waited for. */
  notifyChange(): void;
  /** "Synka nu": runs now (or joins the run under way) and resolves with the state after it. */
  syncNow(): Promise<HubSyncStatus>;
  /** The hub, the password or the register was changed: forget failures and sync at once. */
  configChanged(): void;
  /**
   * The state at a glance. `readOnly` is the register to read it from when the scheduler
   * cannot use the register (damaged, open read-only): nothing runs then and the state is
   * `stopped`, and the hub, the last pull, the events waiting and the last error still show.
   */
  status(readOnly?: ServiceContext): HubSyncStatus;
  /**
   * Stops for good (app quit): no new runs; resolves when the run under way has ended, or
   * after `graceMs` (default 5 s) — a hung connection must not keep the app from quitting.
   * A run cut short loses nothing: an unacknowledged batch is pushed again next time.
   */
  stop(graceMs?: number): Promise<void>;
}

interface Failure {
  code: string;
  message: string;
  messageEn: string;
  at: number;
  retryable: boolean;
}

const UNEXPECTED_EN = (detail: string) =>
  `The sync failed unexpectedly (${detail}). Nothing is lost. Try again; if the fault remains, contact regional IT.`;

/** The failure in both languages: hub and sync errors carry their English; others are described. */
function toFailure(error: unknown, at: number): Failure {
  const described = describeHubFailure(error);
  const withEnglish = error as { messageIn?: unknown } | undefined;
  let messageEn: string;
  if (withEnglish && typeof withEnglish.messageIn === 'function' && described.code !== 'sync-failed') {
    messageEn = String((withEnglish.messageIn as (l: 'en') => unknown).call(error, 'en'));
  } else {
    messageEn = UNEXPECTED_EN(error instanceof Error ? error.message : String(error));
  }
  return { code: described.code, message: described.message, messageEn, at, retryable: described.retryable };
}

/**
 * The desk's background sync. At most one run at a time; runs are async (the hub client)
 * and their SQLite work is in short transactions (syncOnce), so the UI is never held up.
 * When the hub cannot be reached it retries with exponential backoff up to a cap, and
 * changes meanwhile do not shorten the wait; a fault a person must mend (wrong password,
 * a restored register, TLS) stops the automatic runs until "Synka nu" or a new connect.
 */
export function createSyncScheduler(options: SyncSchedulerOptions): SyncScheduler {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const sync = options.sync ?? ((ctx, port) => syncOnce(ctx, port));
  const intervalMs = options.intervalMs ?? SYNC_INTERVAL_MS;
  const debounceMs = options.debounceMs ?? SYNC_DEBOUNCE_MS;
  const retryBaseMs = options.retryBaseMs ?? SYNC_RETRY_BASE_MS;
  const retryMaxMs = options.retryMaxMs ?? SYNC_RETRY_MAX_MS;
  const logError = options.logError ?? (() => {});

  let started = false;
  let ended = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dueAt: number | null = null;
  let running: Promise<void> | null = null;
  // A change arrived during a run: another run follows it (unless the run failed).
  let changedDuringRun = false;
  // The hub, password or register changed during a run: start afresh once it ends.
  let configDuringRun = false;
  let failures = 0;
  let failure: Failure | null = null;
  let stoppedByFault = false;
  let lastResult: { at: number; pushed: number; pulled: number } | null = null;
  let changedMonths: string[] = [];

  const linkOf = (ctx: ServiceContext | null) => {
    if (!ctx) return undefined;
    try {
      return ctx.hubLink.get();
    } catch {
      return undefined;
    }
  };

  const clearTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    dueAt = null;
  };

  const schedule = (delay: number) => {
    clearTimer();
    if (ended) return;
    dueAt = now() + delay;
    timer = setTimeout(() => {
      timer = undefined;
      dueAt = null;
      void run();
    }, delay);
  };

  const retryDelay = (n: number): number => {
    const plain = Math.min(retryBaseMs * 2 ** Math.min(n - 1, 30), retryMaxMs);
    // Up to a fifth less, so desks that lost the hub together do not all come back at once.
    return Math.round(plain * (1 - 0.2 * random()));
  };

  const run = (): Promise<void> => {
    if (running) return running;
    if (ended) return Promise.resolve();
    clearTimer();
    changedDuringRun = false;
    running = runOnce().finally(() => {
      running = null;
      afterRun();
    });
    return running;
  };

  async function runOnce(): Promise<void> {
    const ctx = options.services();
    const link = linkOf(ctx);
    if (!ctx || !link) return;
    const password = options.credentials.get();
    if (password === null) return;
    let port: HubPort | undefined;
    try {
      port = options.openPort(link.url, password);
      const result = await sync(ctx, port);
      resetFaults();
      lastResult = { at: now(), pushed: result.pushed, pulled: result.pulled };
      changedMonths = result.changedReportedMonths;
      try {
        options.onSynced?.(result);
      } catch (error) {
        logError('sync', error);
      }
    } catch (error) {
      failure = toFailure(error, now());
      if (failure.retryable) {
        failures++;
      } else {
        stoppedByFault = true;
        if (failure.code === 'sync-failed') logError('sync', error);
      }
    } finally {
      await port?.close().catch(() => undefined);
    }
  }

  function afterRun(): void {
    const changed = changedDuringRun;
    changedDuringRun = false;
    if (configDuringRun) {
      configDuringRun = false;
      resetFaults();
      if (started && !ended) schedule(0);
      return;
    }
    if (ended || !started) return;
    const joined = linkOf(options.services()) !== undefined && options.credentials.get() !== null;
    if (!joined || stoppedByFault) return clearTimer();
    if (failures > 0) return schedule(retryDelay(failures));
    schedule(changed ? debounceMs : intervalMs);
  }

  function resetFaults(): void {
    failures = 0;
    failure = null;
    stoppedByFault = false;
  }

  const state = (ctx: ServiceContext | null): SyncState => {
    if (!linkOf(ctx)) return 'off';
    if (running) return 'running';
    if (options.credentials.get() === null) return 'no-password';
    if (stoppedByFault) return 'stopped';
    if (failure?.retryable) return 'retrying';
    return 'idle';
  };

  const status = (readOnly?: ServiceContext): HubSyncStatus => {
    const usable = options.services();
    // Only reads below: the link, the outbox's length and the exported months.
    const ctx = usable ?? readOnly ?? null;
    const link = linkOf(ctx);
    let lastError: SyncFailureOut | null = null;
    if (failure) {
      lastError = { ...failure, at: formatInstant(failure.at) };
    } else if (link?.last_error && link.last_error_at !== null) {
      // From an earlier session: kept by the register in Swedish only.
      lastError = {
        code: 'previous',
        message: link.last_error,
        messageEn: link.last_error,
        at: formatInstant(link.last_error_at),
        retryable: true,
      };
    }
    let pending = 0;
    let changed: string[] = [];
    if (ctx && link) {
      try {
        pending = pendingEvents(ctx);
        // Months re-exported since the sync noticed them are no longer changed.
        changed = changedMonths.filter((month) => compareWithRegionReported(ctx, month) !== null);
      } catch (error) {
        logError('sync-status', error);
      }
    }
    return {
      // A register open read-only cannot sync until it is restored: a fault a person mends.
      state: usable === null && link ? 'stopped' : state(usable),
      hubId: link?.hub_id ?? null,
      deskId: link?.desk_id ?? null,
      deskName: link?.desk_name ?? null,
      lastPullAt: link?.last_pull_at ? formatInstant(link.last_pull_at) : null,
      lastPushAt: link?.last_push_at ? formatInstant(link.last_push_at) : null,
      pending,
      lastError,
      nextAttemptAt: dueAt !== null && link ? formatInstant(dueAt) : null,
      lastResult: lastResult ? { ...lastResult, at: formatInstant(lastResult.at) } : null,
      changedReportedMonths: changed,
    };
  };

  return {
    start() {
      if (started || ended) return;
      started = true;
      schedule(0);
    },
    notifyChange() {
      if (!started || ended) return;
      if (running) {
        changedDuringRun = true;
        return;
      }
      // Waiting for the hub (or for a person): a change does not shorten that wait.
      if (stoppedByFault || failures > 0) return;
      if (!linkOf(options.services()) || options.credentials.get() === null) return;
      // A run is due within the delay already: this change rides along with it.
      if (dueAt !== null && dueAt - now() <= debounceMs) return;
      schedule(debounceMs);
    },
    async syncNow() {
      if (!ended) {
        if (running) await running;
        else {
          // A person asked: whatever stopped the automatic runs is tried again.
          resetFaults();
          await run();
        }
      }
      return status();
    },
    configChanged() {
      if (ended) return;
      if (running) {
        configDuringRun = true;
        return;
      }
      resetFaults();
      if (started) schedule(0);
    },
    status: (readOnly) => status(readOnly),
    async stop(graceMs = 5_000) {
      ended = true;
      clearTimer();
      if (!running) return;
      let grace: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([running, new Promise<void>((resolve) => (grace = setTimeout(resolve, graceMs)))]);
      clearTimeout(grace);
    },
  };
}
