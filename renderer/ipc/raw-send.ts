import { BRIDGE_KEY, type KortliggarenBridge } from '../../shared/ipc/bridge';
import type { ChannelName } from '../../shared/ipc/channels';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser development mode and in tests. */
    [BRIDGE_KEY]?: KortliggarenBridge;
  }
}

/**
 * Sends one call and resolves with the back end's answer as it arrived, not yet checked to
 * be a result envelope (client.ts does that). Kept free of the schemas and of React, so the
 * page's first module can send the start-up calls before the rest of the app has loaded.
 */
export type RawSend = (channel: ChannelName, input: unknown) => Promise<unknown>;

/** The Electron bridge when the app runs inside the desktop shell, otherwise undefined. */
export function getBridge(): KortliggarenBridge | undefined {
  return typeof window === 'undefined' ? undefined : window[BRIDGE_KEY];
}

/** Over the Electron preload bridge. */
export function bridgeSend(bridge: KortliggarenBridge): RawSend {
  return (channel, input) => bridge.api[channel](input);
}

/**
 * To the back end of the browser mode: `POST /api/<channel>` with the input as JSON. The
 * custom header makes the request non-simple, so another web page cannot send it without
 * a CORS preflight the server refuses.
 */
export function httpSend(baseUrl = '', fetchImpl: typeof fetch = (...args) => fetch(...args)): RawSend {
  return async (channel, input) => {
    const response = await fetchImpl(`${baseUrl}/api/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Kortliggaren': '1' },
      body: JSON.stringify(input ?? null),
    });
    return (await response.json()) as unknown;
  };
}

/** This window's way to the back end: the Electron bridge when present, else loopback HTTP. */
export function defaultSend(): RawSend {
  const bridge = getBridge();
  return bridge ? bridgeSend(bridge) : httpSend();
}
