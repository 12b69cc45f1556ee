import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { IpcMainInvokeEvent } from 'electron';
import { registerIpc, type IpcMainLike } from '../../../electron/main/ipc-electron';
import { isTrustedSender } from '../../../electron/main/security';
import { createRouter, type Handlers } from '../../../electron/ipc/router';
import { CHANNEL_NAMES } from '../../../shared/ipc/channels';
import { contract } from '../../../shared/ipc/contract';

// Nothing here may load the real Electron (its binary is absent in tests).
vi.mock('electron', () => ({}));

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

const APP_URL = 'app://kortliggaren/index.html';

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

function fakeIpcMain(): IpcMainLike & { listeners: Map<string, Listener> } {
  const listeners = new Map<string, Listener>();
  return {
    listeners,
    handle(channel, listener) {
      if (listeners.has(channel)) throw new Error(`second handler for ${channel}`);
      listeners.set(channel, listener);
    },
  };
}

/** An IPC event from `senderFrame` inside a web contents whose main frame is `mainFrame`. */
function eventFrom(senderFrame: FakeFrame | null, mainFrame: FakeFrame): IpcMainInvokeEvent {
  // Only the two properties the trust check reads are faked.
  return { senderFrame, sender: { mainFrame } } as unknown as IpcMainInvokeEvent;
}

function setup() {
  const calls: { channel: string; args: unknown }[] = [];
  const handlers = Object.fromEntries(
    CHANNEL_NAMES.map((channel) => [
      channel,
      (args: unknown) => {
        calls.push({ channel, args });
        return { handled: channel };
      },
    ]),
  ) as unknown as Handlers;
  const ipcMain = fakeIpcMain();
  const registered = registerIpc(ipcMain, createRouter(handlers), (event) => isTrustedSender(event, APP_URL));
  const mainFrame: FakeFrame = { url: `${APP_URL}#/cards`, parent: null };
  const call = (channel: string, input: unknown, event = eventFrom(mainFrame, mainFrame)) => {
    const listener = ipcMain.listeners.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener(event, input);
  };
  return { registered, ipcMain, mainFrame, calls, call };
}

describe('registerIpc', () => {
  it('registers one handler for every channel, and the channel list equals the contract', () => {
    const { registered, ipcMain } = setup();
    expect([...CHANNEL_NAMES].sort()).toEqual(Object.keys(contract).sort());
    expect([...ipcMain.listeners.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(registered).toEqual([...CHANNEL_NAMES]);
  });

  it('passes a valid call from the app page through the router to the handler', async () => {
    const { call, calls } = setup();
    await expect(call('cards:get', { id: 'abc' })).resolves.toEqual({
      ok: true,
      value: { handled: 'cards:get' },
    });
    expect(calls).toEqual([{ channel: 'cards:get', args: { id: 'abc' } }]);
  });

  it('refuses a call from a subframe of the app page', async () => {
    const { call, calls, mainFrame } = setup();
    const subframe: FakeFrame = { url: APP_URL, parent: mainFrame };
    await expect(call('cards:get', { id: 'abc' }, eventFrom(subframe, mainFrame))).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(calls).toEqual([]);
  });

  it.each([
    ['a web page', 'https://example.com/'],
    [
      'another local file',
      pathToFileURL(join('/opt', 'Kortliggaren', 'dist', 'renderer', 'other.html')).href,
    ],
    ['a data URL', 'data:text/html,<script>1</script>'],
    ['an unparsable URL', 'not a url'],
  ])('refuses a call from the main frame showing %s', async (_name, url) => {
    const { call, calls } = setup();
    const foreign: FakeFrame = { url, parent: null };
    await expect(call('app:info', undefined, eventFrom(foreign, foreign))).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(calls).toEqual([]);
  });

  it('refuses a call whose sender frame is gone', async () => {
    const { call, mainFrame } = setup();
    await expect(call('app:info', undefined, eventFrom(null, mainFrame))).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
  });

  it.each([
    ['a number where a string belongs', 'cards:get', { id: 5 }],
    ['an unknown key', 'cards:get', { id: 'abc', extra: true }],
    ['no object at all', 'cards:get', 'abc'],
    ['a string where a level belongs', 'cards:list', { level: '2' }],
  ])('answers invalid-input for %s, without calling the handler', async (_name, channel, input) => {
    const { call, calls } = setup();
    await expect(call(channel, input)).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(calls).toEqual([]);
  });
});

describe('isTrustedSender', () => {
  it('accepts the main frame identified by identity even if parent is not set', () => {
    const mainFrame = { url: APP_URL, parent: undefined } as unknown as FakeFrame;
    expect(isTrustedSender(eventFrom(mainFrame, mainFrame), APP_URL)).toBe(true);
  });

  it('ignores query and fragment when comparing the page', () => {
    const frame: FakeFrame = { url: `${APP_URL}?x=1#/report`, parent: null };
    expect(isTrustedSender(eventFrom(frame, frame), APP_URL)).toBe(true);
  });
});
