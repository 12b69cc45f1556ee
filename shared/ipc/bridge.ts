import type { ChannelName } from './channels';

/** The name under which the preload exposes the bridge: `window.kortliggaren`. */
export const BRIDGE_KEY = 'kortliggaren';
export type BridgeKey = typeof BRIDGE_KEY;

/** The one channel main uses to push menu commands to the renderer. */
export const MENU_COMMAND_CHANNEL = 'menu:command';
export type MenuCommandChannel = typeof MENU_COMMAND_CHANNEL;

/** Application-menu commands that the UI carries out itself. */
export const MENU_COMMANDS = ['new-card', 'monthly-report', 'search', 'backup'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Narrows an unknown value (e.g. from IPC) to a menu command. */
export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/**
 * What the desktop preload puts on `window.kortliggaren`. Each `api` function resolves to
 * the IPC result envelope `{ ok, value | error }` of its channel; the renderer turns it into
 * the typed API object with `createApi`.
 */
export interface KortliggarenBridge {
  api: Record<ChannelName, (input: unknown) => Promise<unknown>>;
  /** Subscribes to menu commands; returns the function that unsubscribes. */
  onMenuCommand(callback: (command: MenuCommand) => void): () => void;
}
