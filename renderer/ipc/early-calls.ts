import type { Api } from '../../shared/ipc/api';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/result';

/** A call to send before the UI has rendered, for a component that will ask for it. */
export interface EarlyCall {
  channel: Channel;
  input: unknown;
}

/** An early call on its way: its answer as a result envelope. */
export interface SentEarlyCall extends EarlyCall {
  reply: Promise<IpcResult<unknown>>;
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

/** Sends calls over an API at once. */
export function sendEarlyCalls(api: Api, calls: readonly EarlyCall[]): SentEarlyCall[] {
  const callable = api as unknown as Record<string, (input: unknown) => Promise<IpcResult<unknown>>>;
  return calls.map((call) => ({ ...call, reply: callable[call.channel]!(call.input) }));
}

// An early answer waiting for its taker, and the answer itself once it has arrived.
interface Pending {
  reply: Promise<IpcResult<unknown>>;
  arrived?: IpcResult<unknown>;
}

// The API objects made by withEarlyCalls, each with the function that hands out an answer
// that has already arrived.
const arrivedAnswers = new WeakMap<Api, (key: string) => IpcResult<unknown> | undefined>();

/**
 * Returns an API that hands the answer of each call already sent to the first identical
 * call made within {@link EARLY_CALL_TTL_MS} of `startedAt`; every other call goes through
 * as usual. The first screen's data is then fetched while the page's code is still
 * starting, instead of after its first render.
 */
export function withEarlyCalls(
  api: Api,
  sent: readonly SentEarlyCall[],
  { now = () => Date.now(), startedAt = now() }: { now?: () => number; startedAt?: number } = {},
): Api {
  const pending = new Map<string, Pending>();
  for (const { channel, input, reply } of sent) {
    const entry: Pending = { reply };
    pending.set(callKey(channel, input), entry);
    void reply.then((result) => {
      entry.arrived = result;
    });
  }
  // Each early answer is handed out once, and only while it is fresh.
  const take = (key: string) => {
    const entry = pending.get(key);
    if (!entry) return undefined;
    pending.delete(key);
    return now() - startedAt <= EARLY_CALL_TTL_MS ? entry : undefined;
  };
  const callable = api as unknown as Record<string, (input: unknown) => Promise<unknown>>;
  const wrapped: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const channel of Object.keys(api)) {
    wrapped[channel] = (input) => take(callKey(channel, input))?.reply ?? callable[channel]!(input);
  }
  const result = wrapped as unknown as Api;
  arrivedAnswers.set(result, (key) => (pending.get(key)?.arrived ? take(key)?.arrived : undefined));
  return result;
}

/**
 * The answer to an early call identical to this one if it has already arrived, handed out
 * like a call would be (so it is used once), for a component's first render: it can then
 * show the data at once instead of a loader. Undefined otherwise: call the API as usual.
 */
export function takeArrivedEarly<C extends Channel>(
  api: Api,
  channel: C,
  input: ChannelInput<C>,
): IpcResult<ChannelOutput<C>> | undefined {
  return arrivedAnswers.get(api)?.(callKey(channel, input)) as IpcResult<ChannelOutput<C>> | undefined;
}
