import { describe, expect, it } from 'vitest';
import { createApi } from '../../shared/ipc/api';
import type { IpcResult } from '../../shared/ipc/result';
import { EARLY_CALL_TTL_MS, withEarlyCalls } from '../../renderer/ipc/early-calls';
import { startupCalls } from '../../renderer/startup-calls';

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
    const early = withEarlyCalls(api, [
      { channel: 'cards:list', input: { sort: { by: 'issuedAt', dir: 'desc' }, offset: 0, limit: 100 } },
    ]);
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
    const early = withEarlyCalls(api, [{ channel: 'app:info', input: {} }], () => clock);
    clock = EARLY_CALL_TTL_MS + 1;
    expect(await early['app:info']({})).toEqual({ ok: true, value: { n: 2 } });
    expect(sent).toHaveLength(2);
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
