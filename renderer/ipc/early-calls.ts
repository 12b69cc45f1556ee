import type { Api } from '../../shared/ipc/api';
import type { Channel } from '../../shared/ipc/contract';

/** A call to send before the UI has rendered, for a component that will ask for it. */
export interface EarlyCall {
  channel: Channel;
  input: unknown;
}

/** How long an early answer may wait for its taker before it counts as stale. */
export const EARLY_CALL_TTL_MS = 10_000;

// A key that does not depend on the order in which an input's properties were written.
function callKey(channel: string, input: unknown): string {
  return `${channel} ${JSON.stringify(input ?? null, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  )}`;
}

/**
 * Sends `calls` at once and returns an API that hands each early answer to the first
 * identical call made within {@link EARLY_CALL_TTL_MS}; every other call goes through as
 * usual. The first screen's data is then fetched while the page's code is still starting,
 * instead of after its first render.
 */
export function withEarlyCalls(api: Api, calls: readonly EarlyCall[], now = () => Date.now()): Api {
  const started = now();
  const pending = new Map<string, Promise<unknown>>();
  const callable = api as unknown as Record<string, (input: unknown) => Promise<unknown>>;
  for (const { channel, input } of calls) pending.set(callKey(channel, input), callable[channel]!(input));
  const wrapped: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const channel of Object.keys(api)) {
    wrapped[channel] = (input) => {
      const key = callKey(channel, input);
      const early = pending.get(key);
      if (early) {
        pending.delete(key);
        if (now() - started <= EARLY_CALL_TTL_MS) return early;
      }
      return callable[channel]!(input);
    };
  }
  return wrapped as unknown as Api;
}
