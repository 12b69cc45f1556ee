import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { BridgeKey, KortliggarenBridge, MenuCommand, MenuCommandChannel } from '../../shared/ipc/bridge';
import { CHANNEL_NAMES } from '../../shared/ipc/channels';

// The sandboxed preload is bundled on its own, so it imports nothing at run time but
// 'electron' and the channel list; the bridge module is used for types only, and the
// annotations below make the compiler check these literals against it.
const MENU_CHANNEL: MenuCommandChannel = 'menu:command';
const BRIDGE_KEY: BridgeKey = 'kortliggaren';

const api = Object.fromEntries(
  CHANNEL_NAMES.map((channel) => [
    channel,
    (input: unknown): Promise<unknown> => ipcRenderer.invoke(channel, input),
  ]),
) as KortliggarenBridge['api'];

const bridge: KortliggarenBridge = {
  api,
  onMenuCommand(callback) {
    // The event carries `sender` (the ipcRenderer); only the command string may cross.
    const listener = (_event: IpcRendererEvent, command: unknown): void => {
      if (typeof command === 'string') callback(command as MenuCommand);
    };
    ipcRenderer.on(MENU_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, listener);
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
