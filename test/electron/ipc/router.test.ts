import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../electron/services/app-error';
import { createRouter, type Handlers } from '../../../electron/ipc/router';
import { CHANNEL_NAMES } from '../../../shared/ipc/channels';
import { CHANNELS, contract } from '../../../shared/ipc/contract';
import { validCard } from '../../fixtures/cards';

function stubHandlers(overrides: Partial<Handlers> = {}): Handlers {
  const fail = () => {
    throw new Error('not under test');
  };
  return Object.fromEntries(CHANNELS.map((c) => [c, overrides[c] ?? fail])) as unknown as Handlers;
}

describe('router', () => {
  it('has the same channels in the contract and the preload list', () => {
    expect([...CHANNELS].sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const channel of CHANNELS) expect(channel).toMatch(/^[a-z]+:[a-z]+$/);
  });

  it('refuses a foreign sender before parsing or running anything', async () => {
    const handler = vi.fn(() => [] as never[]);
    const router = createRouter(stubHandlers({ 'organisations:list': handler }));
    const result = await router.invoke('organisations:list', undefined, { trustedSender: false });
    expect(result).toEqual({ ok: false, error: { code: 'forbidden-sender', message: 'forbidden sender' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses an unknown channel, including prototype names', async () => {
    const router = createRouter(stubHandlers());
    for (const name of ['cards:delete', '__proto__', 'constructor', 'toString']) {
      const result = await router.invoke(name, {}, { trustedSender: true });
      expect(result).toEqual({ ok: false, error: { code: 'unknown-channel', message: 'unknown channel' } });
    }
  });

  it('rejects a malformed payload with field errors and never calls the handler', async () => {
    const handler = vi.fn();
    const router = createRouter(stubHandlers({ 'cards:register': handler }));
    const result = await router.invoke(
      'cards:register',
      { ...validCard(), assuranceLevel: '2' },
      { trustedSender: true },
    );
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-input',
        fields: [{ field: 'assuranceLevel', message: 'assuranceLevel.invalid' }],
      },
    });
    for (const payload of [null, 42, 'x', [], { cards: 1 }]) {
      expect((await router.invoke('cards:register', payload, { trustedSender: true })).ok).toBe(false);
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it('passes parsed, normalised input to the handler and wraps its value', async () => {
    const handler = vi.fn((values: { cardNumber: string }) => ({ seen: values.cardNumber }));
    const router = createRouter(stubHandlers({ 'cards:register': handler as never }));
    const result = await router.invoke('cards:register', validCard(), { trustedSender: true });
    expect(result).toEqual({ ok: true, value: { seen: '9752210000000000001' } });
  });

  it('turns an AppError into its code and hides unexpected errors behind "internal"', async () => {
    const log = vi.fn();
    const router = createRouter(
      stubHandlers({
        'cards:get': () => {
          throw new AppError('not-found', 'card x not found');
        },
        'organisations:list': () => {
          throw new Error('SQLITE_CORRUPT: secret details');
        },
      }),
      log,
    );
    expect(await router.invoke('cards:get', { id: 'x' }, { trustedSender: true })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'card x not found' },
    });
    expect(await router.invoke('organisations:list', undefined, { trustedSender: true })).toEqual({
      ok: false,
      error: { code: 'internal', message: 'internal error' },
    });
    expect(log).toHaveBeenCalledWith('organisations:list', expect.any(Error));
  });

  it('declares an input and output schema for every channel', () => {
    for (const channel of CHANNELS) {
      expect(typeof contract[channel].input.safeParse).toBe('function');
      expect(typeof contract[channel].output.safeParse).toBe('function');
    }
  });
});
