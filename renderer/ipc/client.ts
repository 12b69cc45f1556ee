import type { KortliggarenBridge } from '../../shared/ipc/bridge';
import { createApi, type Api, type Transport } from '../../shared/ipc/api';
import type { IpcResult } from '../../shared/ipc/result';
import { bridgeSend, defaultSend, getBridge, httpSend, type RawSend } from './raw-send';

export { getBridge };

function transportFailure(message: string): IpcResult<never> {
  return { ok: false, error: { code: 'internal', message } };
}

/**
 * Checks that a value received from outside has the shape of a result envelope. The
 * error schema (and zod with it) is loaded with the first failure, not at start-up: the
 * first screen's answers are all successes.
 */
export async function toEnvelope(body: unknown): Promise<IpcResult<unknown>> {
  if (typeof body !== 'object' || body === null || !('ok' in body))
    return transportFailure('malformed response');
  if (body.ok === true && 'value' in body) return { ok: true, value: body.value };
  if (body.ok === false && 'error' in body) {
    const { IpcErrorSchema } = await import('../../shared/ipc/result');
    const error = IpcErrorSchema.safeParse(body.error);
    if (error.success) return { ok: false, error: error.data };
  }
  return transportFailure('malformed response');
}

/** A raw answer as a result envelope; a call that failed on the way becomes an `internal` error. */
export async function envelopeOf(
  answer: Promise<unknown>,
  failure = 'ipc failed',
): Promise<IpcResult<unknown>> {
  try {
    return await toEnvelope(await answer);
  } catch (error) {
    return transportFailure(error instanceof Error ? error.message : failure);
  }
}

function transportOf(send: RawSend, failure: string): Transport {
  return (channel, input) =>
    envelopeOf(
      Promise.resolve().then(() => send(channel, input)),
      failure,
    );
}

/** Calls the back end over the Electron preload bridge. */
export function createBridgeTransport(bridge: KortliggarenBridge): Transport {
  return transportOf(bridgeSend(bridge), 'ipc failed');
}

/** Calls the back end of the browser mode over loopback HTTP (see {@link httpSend}). */
export function createHttpTransport(
  baseUrl = '',
  fetchImpl: typeof fetch = (...args) => fetch(...args),
): Transport {
  return transportOf(httpSend(baseUrl, fetchImpl), 'request failed');
}

/** The API object for this window: the Electron bridge when present, else loopback HTTP. */
export function createDefaultApi(): Api {
  return createApi(transportOf(defaultSend(), getBridge() ? 'ipc failed' : 'request failed'));
}

export { ApiProvider, useApi } from './ApiProvider';
