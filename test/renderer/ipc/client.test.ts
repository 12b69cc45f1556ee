import { describe, expect, it, vi } from 'vitest';
import type { KortliggarenBridge } from '../../../shared/ipc/bridge';
import { createBridgeTransport, createHttpTransport, toEnvelope } from '../../../renderer/ipc/client';

function jsonResponse(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
}

describe('HTTP transport (browser mode)', () => {
  it('posts the input as JSON to /api/<channel> with the custom header', async () => {
    const fetchImpl = vi.fn<typeof fetch>(() =>
      Promise.resolve(jsonResponse({ ok: true, value: { total: 0, rows: [] } })),
    );
    const transport = createHttpTransport('', fetchImpl);

    const result = await transport('cards:list', { limit: 100 });

    expect(result).toEqual({ ok: true, value: { total: 0, rows: [] } });
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe('/api/cards%3Alist');
    expect(init).toMatchObject({
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Kortliggaren': '1' },
      body: '{"limit":100}',
    });
  });

  it('sends null for an absent input', async () => {
    const fetchImpl = vi.fn<typeof fetch>(() => Promise.resolve(jsonResponse({ ok: true, value: [] })));
    await createHttpTransport('', fetchImpl)('organisations:list', undefined);
    expect(fetchImpl.mock.calls[0]![1]?.body).toBe('null');
  });

  it('passes a failure envelope through, field errors included', async () => {
    const error = {
      code: 'invalid-input',
      message: 'invalid input',
      fields: [{ field: 'cardNumber', message: 'required' }],
    };
    const transport = createHttpTransport('', () => Promise.resolve(jsonResponse({ ok: false, error })));
    expect(await transport('cards:register', {})).toEqual({ ok: false, error });
  });

  it('turns a network failure or a malformed body into an internal error instead of throwing', async () => {
    const down = createHttpTransport('', () => Promise.reject(new TypeError('Failed to fetch')));
    expect(await down('app:info', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    const odd = createHttpTransport('', () => Promise.resolve(jsonResponse({ hello: 'world' })));
    expect(await odd('app:info', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('bridge transport (desktop)', () => {
  it('calls the preload function of the channel and checks the envelope', async () => {
    const get = vi.fn(() => Promise.resolve({ ok: true, value: { id: 'x' } }));
    const bridge = {
      api: { 'cards:get': get },
      onMenuCommand: () => () => {},
    } as unknown as KortliggarenBridge;
    const result = await createBridgeTransport(bridge)('cards:get', { id: 'x' });
    expect(get).toHaveBeenCalledWith({ id: 'x' });
    expect(result).toEqual({ ok: true, value: { id: 'x' } });
  });

  it('reports a rejected invoke as an internal error', async () => {
    const bridge = {
      api: { 'app:info': () => Promise.reject(new Error('no handler')) },
      onMenuCommand: () => () => {},
    } as unknown as KortliggarenBridge;
    expect(await createBridgeTransport(bridge)('app:info', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'no handler' },
    });
  });
});

describe('toEnvelope', () => {
  it('refuses an error envelope with an unknown code', async () => {
    expect(await toEnvelope({ ok: false, error: { code: 'teapot', message: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'internal', message: 'malformed response' },
    });
  });
});
