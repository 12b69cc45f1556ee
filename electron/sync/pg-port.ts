import { openHubPool, pullEvents, pushEvents, whoAmI, type HubConnectOptions } from '../hub';
import type { HubPort } from './hub-port';

/**
 * The hub port over PostgreSQL (electron/hub): one small pool per sync or join, closed by
 * the caller. The password comes from the URL, `options.password` (the app's credential
 * store) or PGPASSWORD, in that order; it is never stored or shown.
 */
export function openPgHubPort(url: string, appVersion: string, options: HubConnectOptions = {}): HubPort {
  const pool = openHubPool(url, options);
  return {
    whoAmI: () => whoAmI(pool),
    push: (events) => pushEvents(pool, events, appVersion),
    pull: (afterHubSeq, limit) => pullEvents(pool, afterHubSeq, limit),
    close: () => pool.end(),
  };
}
