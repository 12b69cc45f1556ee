import { BRIDGE_KEY, type KortliggarenBridge } from '../../shared/ipc/bridge';
import { createApi, type Api, type Transport } from '../../shared/ipc/api';
import { IpcErrorSchema, type IpcResult } from '../../shared/ipc/result';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser development mode and in tests. */
    [BRIDGE_KEY]?: KortliggarenBridge;
  }
}

/** The Electron bridge when the app runs inside the desktop shell, otherwise undefined. */
export function getBridge(): KortliggarenBridge | undefined {
  return typeof window === 'undefined' ? undefined : window[BRIDGE_KEY];
}

function transportFailure(message: string): IpcResult<never> {
  return { ok: false, error: { code: 'internal', message } };
}

/** Checks that a value received from outside has the shape of a result envelope. */
export function toEnvelope(body: unknown): IpcResult<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body))
    return transportFailure('malformed response');
  if (body.ok === true && 'value' in body) return { ok: true, value: body.value };
  if (body.ok === false && 'error' in body) {
    const error = IpcErrorSchema.safeParse(body.error);
    if (error.success) return { ok: false, error: error.data };
  }
  return transportFailure('malformed response');
}

/** Calls the back end over the Electron preload bridge. */
export function createBridgeTransport(bridge: KortliggarenBridge): Transport {
  return async (channel, input) => {
    try {
      return toEnvelope(await bridge.api[channel](input));
    } catch (error) {
      return transportFailure(error instanceof Error ? error.message : 'ipc failed');
    }
  };
}

/**
 * Calls the back end of the browser development mode: `POST /api/<channel>` with the input
 * as JSON. The custom header makes the request non-simple, so another web page cannot
 * send it without a CORS preflight the server refuses.
 */
export function createHttpTransport(
  baseUrl = '',
  fetchImpl: typeof fetch = (...args) => fetch(...args),
): Transport {
  return async (channel, input) => {
    try {
      const response = await fetchImpl(`${baseUrl}/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Kortliggaren': '1' },
        body: JSON.stringify(input ?? null),
      });
      return toEnvelope(await response.json());
    } catch (error) {
      return transportFailure(error instanceof Error ? error.message : 'request failed');
    }
  };
}

/** The API object for this window: the Electron bridge when present, else loopback HTTP. */
export function createDefaultApi(): Api {
  const bridge = getBridge();
  return createApi(bridge ? createBridgeTransport(bridge) : createHttpTransport());
}

export { ApiProvider, useApi } from './ApiProvider';
