import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { KortliggarenBridge } from '../../../shared/ipc/bridge';
import { CHANNEL_NAMES } from '../../../shared/ipc/channels';

type Listener = (event: unknown, ...args: unknown[]) => void;

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Listener[]>();
  const ipcRenderer = {
    invoke: vi.fn((channel: string, ...args: unknown[]) =>
      Promise.resolve({ ok: true, value: { channel, args } }),
    ),
    on: vi.fn((channel: string, listener: Listener) => {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      return ipcRenderer;
    }),
    removeListener: vi.fn((channel: string, listener: Listener) => {
      listeners.set(
        channel,
        (listeners.get(channel) ?? []).filter((candidate) => candidate !== listener),
      );
      return ipcRenderer;
    }),
    /** Simulates main sending on a channel: the listener gets an event that holds the sender. */
    emit(channel: string, ...args: unknown[]) {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: ipcRenderer }, ...args);
    },
    listenerCount: (channel: string) => listeners.get(channel)?.length ?? 0,
  };
  const exposed: Record<string, unknown> = {};
  const contextBridge = {
    exposeInMainWorld: vi.fn((key: string, value: unknown) => {
      exposed[key] = value;
    }),
  };
  return { ipcRenderer, contextBridge, exposed };
});
vi.mock('electron', () => ({ ipcRenderer: electron.ipcRenderer, contextBridge: electron.contextBridge }));

await import('../../../electron/preload/preload');
const bridge = electron.exposed.kortliggaren as KortliggarenBridge;

beforeEach(() => {
  electron.ipcRenderer.invoke.mockClear();
});

/** Every value reachable from `root` through own properties. */
function reachable(root: unknown, seen = new Set<unknown>()): Set<unknown> {
  if ((typeof root !== 'object' && typeof root !== 'function') || root === null || seen.has(root))
    return seen;
  seen.add(root);
  for (const key of Reflect.ownKeys(root)) {
    const descriptor = Reflect.getOwnPropertyDescriptor(root, key);
    reachable(descriptor?.value, seen);
  }
  return seen;
}

describe('preload', () => {
  it('exposes exactly one object, window.kortliggaren, with api and onMenuCommand', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(Object.keys(electron.exposed)).toEqual(['kortliggaren']);
    expect(Object.keys(bridge).sort()).toEqual(['api', 'onMenuCommand']);
  });

  it('has one api function per channel, and no others', () => {
    expect(Object.keys(bridge.api).sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const channel of CHANNEL_NAMES) expect(typeof bridge.api[channel]).toBe('function');
  });

  it.each(CHANNEL_NAMES)('api[%s] invokes its own channel with the input only', async (channel) => {
    const input = { probe: channel };
    await expect(bridge.api[channel](input)).resolves.toEqual({
      ok: true,
      value: { channel, args: [input] },
    });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledTimes(1);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(channel, input);
  });

  it('passes only the command string to a menu listener, and unsubscribes', () => {
    const callback = vi.fn();
    const unsubscribe = bridge.onMenuCommand(callback);
    electron.ipcRenderer.emit('menu:command', 'new-card');
    expect(callback.mock.calls).toEqual([['new-card']]);

    electron.ipcRenderer.emit('menu:command', { not: 'a string' });
    expect(callback).toHaveBeenCalledTimes(1);

    unsubscribe();
    electron.ipcRenderer.emit('menu:command', 'search');
    expect(callback).toHaveBeenCalledTimes(1);
    expect(electron.ipcRenderer.listenerCount('menu:command')).toBe(0);
  });

  it('keeps listeners independent', () => {
    const first = vi.fn();
    const second = vi.fn();
    const unsubscribeFirst = bridge.onMenuCommand(first);
    const unsubscribeSecond = bridge.onMenuCommand(second);
    unsubscribeFirst();
    electron.ipcRenderer.emit('menu:command', 'backup');
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith('backup');
    unsubscribeSecond();
  });

  it('never makes ipcRenderer or its methods reachable from the exposed object', () => {
    const values = reachable(electron.exposed);
    expect(values.has(electron.ipcRenderer)).toBe(false);
    for (const method of [
      electron.ipcRenderer.invoke,
      electron.ipcRenderer.on,
      electron.ipcRenderer.removeListener,
    ]) {
      expect(values.has(method)).toBe(false);
    }
    const unsubscribe = bridge.onMenuCommand(() => {});
    expect(reachable(unsubscribe).has(electron.ipcRenderer)).toBe(false);
    unsubscribe();
  });

  it('imports nothing at run time but electron and the channel list', () => {
    const source = readFileSync(resolve(import.meta.dirname, '../../../electron/preload/preload.ts'), 'utf8');
    const runtimeImports = [...source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)].map(
      (m) => m[1],
    );
    expect(runtimeImports.sort()).toEqual(['../../shared/ipc/channels', 'electron']);
    expect(source).not.toMatch(/\brequire\(/);
  });
});
