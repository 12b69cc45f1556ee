import { CHANNEL_NAMES } from './channels';
import type { Channel, ChannelInput, ChannelOutput } from './contract';
import type { IpcResult } from './result';

/** Sends one call over some transport (Electron IPC or loopback HTTP) and returns its envelope. */
export type Transport = (channel: Channel, input: unknown) => Promise<IpcResult<unknown>>;

/** The typed API object: one method per channel, named exactly like the channel. */
export type Api = { [C in Channel]: (input: ChannelInput<C>) => Promise<IpcResult<ChannelOutput<C>>> };

/** Builds the API object from the contract's channel names over a transport. */
export function createApi(transport: Transport): Api {
  const api: Record<string, (input: unknown) => Promise<IpcResult<unknown>>> = {};
  // The names only: the renderer does not load the contract's schemas to start.
  for (const channel of CHANNEL_NAMES) api[channel] = (input) => transport(channel, input);
  return api as Api;
}
