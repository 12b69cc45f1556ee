import { describeHubFailure } from './hub-port';
import type { SyncResult } from './sync';

export interface BackgroundSyncOptions {
  /** The register's one sync runner (shared with "Synka nu"). */
  sync: () => Promise<SyncResult>;
  /** Whether the register has joined a hub (and is usable). */
  joined: () => boolean;
  /** Changes waiting to be pushed. */
  pending: () => number;
  /** A sync this often when nothing else calls for one (default five minutes). */
  intervalMs?: number;
  /** How often to look for new changes to push (default ten seconds). */
  checkMs?: number;
  /** The first wait after the hub could not be reached, doubled each time up to `maxBackoffMs`. */
  firstBackoffMs?: number;
  maxBackoffMs?: number;
  now?: () => number;
  /** Failures are kept as the link's last error by the sync itself; this is for the log. */
  onError?: (error: unknown) => void;
}

export interface BackgroundSync {
  stop(): void;
  /** Runs a check now (tests; the app after it joined a hub). */
  kick(): void;
}

/**
 * The desktop app's background sync (SPEC §8, issue 15): once on start, soon after each
 * change (a check every few seconds sees the outbox grow), and every few minutes; never
 * blocking the UI (the SQLite parts of a sync are short transactions, the waiting is on
 * the network). When the hub cannot be reached it waits longer each time (30 s, 1 min,
 * 2 min … 15 min); when the hub refused for a reason a person must fix (a restored
 * register, a wrong password) it only tries again at the normal interval, not after every
 * change — the error stays on screen until a sync succeeds.
 */
export function startBackgroundSync(options: BackgroundSyncOptions): BackgroundSync {
  const now = options.now ?? Date.now;
  const intervalMs = options.intervalMs ?? 5 * 60_000;
  const checkMs = options.checkMs ?? 10_000;
  const firstBackoffMs = options.firstBackoffMs ?? 30_000;
  const maxBackoffMs = options.maxBackoffMs ?? 15 * 60_000;
  let nextAt = now();
  let failures = 0;
  let blocked = false;
  let running = false;
  let stopped = false;
  let seenPending = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(tick, checkMs);
    // The app quits when its windows close, whatever the sync is waiting for.
    timer.unref?.();
  };

  const run = () => {
    running = true;
    options
      .sync()
      .then(
        () => {
          failures = 0;
          blocked = false;
          nextAt = now() + intervalMs;
          // Whatever waits now came in while the sync ran: it goes out at the next check.
          seenPending = 0;
        },
        (error: unknown) => {
          options.onError?.(error);
          seenPending = safely(options.pending, seenPending);
          if (describeHubFailure(error).retryable) {
            failures++;
            nextAt = now() + Math.min(maxBackoffMs, firstBackoffMs * 2 ** (failures - 1));
          } else {
            blocked = true;
            nextAt = now() + intervalMs;
          }
        },
      )
      .finally(() => {
        running = false;
      });
  };

  function tick() {
    try {
      if (!running && safely(options.joined, false)) {
        const pending = safely(options.pending, seenPending);
        const changed = pending > 0 && pending !== seenPending && failures === 0 && !blocked;
        seenPending = pending;
        if (now() >= nextAt || changed) run();
      }
    } finally {
      schedule();
    }
  }

  schedule();
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
    kick() {
      if (timer) clearTimeout(timer);
      tick();
    },
  };
}

// A look at the register that fails (it is being restored, it is damaged) counts as "no".
function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}
