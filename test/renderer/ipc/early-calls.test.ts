import { describe, expect, it } from 'vitest';
import { createApi } from '../../../shared/ipc/api';
import type { IpcResult } from '../../../shared/ipc/result';
import {
  EARLY_CALL_TTL_MS,
  sendEarlyCalls,
  takeArrivedEarly,
  withEarlyCalls,
} from '../../../renderer/ipc/early-calls';
import { startupCalls } from '../../../renderer/startup-calls';

function countingApi() {
  const sent: { channel: string; input: unknown }[] = [];
  const api = createApi((channel, input) => {
    sent.push({ channel, input });
    const result: IpcResult<unknown> = { ok: true, value: { n: sent.length } };
    return Promise.resolve(result);
  });
  return { api, sent };
}

describe('withEarlyCalls', () => {
  it('sends the early calls at once and hands each answer to the first identical call only', async () => {
    const { api, sent } = countingApi();
    const early = withEarlyCalls(
      api,
      sendEarlyCalls(api, [
        { channel: 'cards:list', input: { sort: { by: 'issuedAt', dir: 'desc' }, offset: 0, limit: 100 } },
      ]),
    );
    expect(sent).toHaveLength(1);
    // The same input written in another property order is the same call.
    const first = await early['cards:list']({ limit: 100, offset: 0, sort: { dir: 'desc', by: 'issuedAt' } });
    expect(first).toEqual({ ok: true, value: { n: 1 } });
    expect(sent).toHaveLength(1);
    // A second identical call asks again: the early answer may be stale by then.
    expect(
      await early['cards:list']({ limit: 100, offset: 0, sort: { dir: 'desc', by: 'issuedAt' } }),
    ).toEqual({
      ok: true,
      value: { n: 2 },
    });
    // A different input never gets the early answer.
    await early['cards:list']({ limit: 100, offset: 100, sort: { dir: 'desc', by: 'issuedAt' } });
    expect(sent).toHaveLength(3);
  });

  it('does not hand out an answer older than its time to live', async () => {
    const { api, sent } = countingApi();
    let clock = 0;
    const early = withEarlyCalls(api, sendEarlyCalls(api, [{ channel: 'app:info', input: {} }]), {
      now: () => clock,
    });
    clock = EARLY_CALL_TTL_MS + 1;
    expect(await early['app:info']({})).toEqual({ ok: true, value: { n: 2 } });
    expect(sent).toHaveLength(2);
  });
});

describe('takeArrivedEarly', () => {
  it('hands out an answer only once it has arrived, and only once', async () => {
    let arrive: (result: IpcResult<unknown>) => void = () => {};
    const { api, sent } = countingApi();
    const reply = new Promise<IpcResult<unknown>>((resolve) => (arrive = resolve));
    const early = withEarlyCalls(api, [{ channel: 'organisations:list', input: {}, reply }]);
    expect(takeArrivedEarly(early, 'organisations:list', {})).toBeUndefined();
    arrive({ ok: true, value: [] });
    await reply;
    expect(takeArrivedEarly(early, 'organisations:list', {})).toEqual({ ok: true, value: [] });
    // Taken: neither a second look nor a call gets it again.
    expect(takeArrivedEarly(early, 'organisations:list', {})).toBeUndefined();
    await early['organisations:list']({});
    expect(sent).toHaveLength(1);
  });

  it('gives nothing for an API without early calls or for another input', async () => {
    const { api } = countingApi();
    expect(takeArrivedEarly(api, 'app:info', {})).toBeUndefined();
    const early = withEarlyCalls(api, sendEarlyCalls(api, [{ channel: 'app:info', input: {} }]));
    await Promise.resolve();
    expect(takeArrivedEarly(early, 'setup:status', {})).toBeUndefined();
  });

  it('does not hand out an arrived answer past its time to live', async () => {
    const { api } = countingApi();
    let clock = 0;
    const early = withEarlyCalls(api, sendEarlyCalls(api, [{ channel: 'app:info', input: {} }]), {
      now: () => clock,
    });
    await Promise.resolve();
    clock = EARLY_CALL_TTL_MS + 1;
    expect(takeArrivedEarly(early, 'app:info', {})).toBeUndefined();
  });
});

describe('startupCalls', () => {
  it('asks for the register’s first page only when the app opens on the register', () => {
    const channels = (hash: string) => startupCalls(hash).map((c) => c.channel);
    expect(channels('#/register')).toContain('cards:list');
    expect(channels('#/register/abc')).not.toContain('cards:list');
    expect(channels('')).not.toContain('cards:list');
    expect(startupCalls('#/register').find((c) => c.channel === 'cards:list')?.input).toEqual({
      sort: { by: 'issuedAt', dir: 'desc' },
      offset: 0,
      limit: 100,
    });
  });
});
