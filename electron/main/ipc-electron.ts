import type { IpcMainInvokeEvent } from 'electron';
import { CHANNEL_NAMES, type ChannelName } from '../../shared/ipc/channels';
import type { Router } from '../ipc/router';

/** The part of `ipcMain` this module uses, so tests can pass a fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
}

/**
 * Registers one `ipcMain.handle` per channel, each forwarding to the router. The router
 * does the checking (sender, input, errors); this is only the Electron transport.
 * Returns the channels registered.
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  router: Router,
  isTrusted: (event: IpcMainInvokeEvent) => boolean,
): ChannelName[] {
  const registered: ChannelName[] = [];
  for (const channel of CHANNEL_NAMES) {
    // Extra arguments are ignored: every channel takes exactly one input object.
    ipcMain.handle(channel, (event, input) =>
      router.invoke(channel, input, { trustedSender: isTrusted(event) }),
    );
    registered.push(channel);
  }
  return registered;
}
