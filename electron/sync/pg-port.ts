import { openHubPool, pullEvents, pushEvents, whoAmI, type HubConnectOptions } from '../hub';
import { readHubStatus } from '../hub/admin';
import { SyncError } from './errors';
import type { HubPort } from './hub-port';

// node-postgres asked for a password that nobody gave (none in the URL, the credential
// store or PGPASSWORD, and none in ~/.pgpass): say so, instead of its SASL wording.
function missingPassword(error: unknown, user: string): unknown {
  const text =
    error instanceof Error ? `${error.message} ${String((error.cause as Error | undefined)?.message)}` : '';
  return /password must be a string/i.test(text) ? new SyncError('sync-no-password', { user }) : error;
}

/**
 * The hub port over PostgreSQL (electron/hub): one small pool per sync or join, closed by
 * the caller. The password comes from the URL, `options.password` (the app's credential
 * store) or PGPASSWORD, in that order; it is never stored or shown.
 */
export function openPgHubPort(url: string, appVersion: string, options: HubConnectOptions = {}): HubPort {
  const pool = openHubPool(url, options);
  const user = String(pool.options.user ?? '');
  const call = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw missingPassword(error, user);
    }
  };
  return {
    whoAmI: () => call(() => whoAmI(pool)),
    push: (events) => call(() => pushEvents(pool, events, appVersion)),
    pull: (afterHubSeq, limit) => call(() => pullEvents(pool, afterHubSeq, limit)),
    desks: () =>
      call(async () => {
        const status = await readHubStatus(pool, String(pool.options.database ?? ''));
        return status.desks.map((d) => ({
          deskId: d.desk,
          name: d.name,
          lastPushMs: d.lastPushMs,
          events: d.events,
        }));
      }),
    close: () => pool.end(),
  };
}
