import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserWindowConstructorOptions } from 'electron';

type Listener = (...args: unknown[]) => void;

// vi.mock factories run before imports, so the fakes are built in vi.hoisted.
const fake = vi.hoisted(() => {
  class Emitter {
    private readonly listeners = new Map<string, Listener[]>();
    on(name: string, listener: Listener): this {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
      return this;
    }
    once(name: string, listener: Listener): this {
      return this.on(name, listener);
    }
    emit(name: string, ...args: unknown[]): void {
      for (const listener of this.listeners.get(name) ?? []) listener(...args);
    }
  }
  class FakeSession {
    requestHandler?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
    checkHandler?: (...args: unknown[]) => boolean;
    setPermissionRequestHandler(handler: FakeSession['requestHandler']): void {
      this.requestHandler = handler;
    }
    setPermissionCheckHandler(handler: FakeSession['checkHandler']): void {
      this.checkHandler = handler;
    }
  }
  class FakeWebContents extends Emitter {
    openHandler?: (details: { url: string }) => { action: string };
    readonly session = new FakeSession();
    setWindowOpenHandler(handler: FakeWebContents['openHandler']): void {
      this.openHandler = handler;
    }
  }
  class FakeBrowserWindow extends Emitter {
    static instances: FakeBrowserWindow[] = [];
    readonly webContents = new FakeWebContents();
    bounds: { x: number; y: number; width: number; height: number };
    maximized = false;
    readonly loadURL = vi.fn(() => Promise.resolve());
    readonly show = vi.fn();
    readonly maximize = vi.fn(() => {
      this.maximized = true;
    });
    constructor(readonly options: BrowserWindowConstructorOptions) {
      super();
      this.bounds = {
        x: options.x ?? 0,
        y: options.y ?? 0,
        width: options.width ?? 0,
        height: options.height ?? 0,
      };
      FakeBrowserWindow.instances.push(this);
    }
    getNormalBounds(): FakeBrowserWindow['bounds'] {
      return this.bounds;
    }
    isMaximized(): boolean {
      return this.maximized;
    }
  }
  const state = {
    displays: [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
  };
  const app = { isPackaged: false };
  return { FakeBrowserWindow, state, app };
});

vi.mock('electron', () => ({
  app: fake.app,
  BrowserWindow: fake.FakeBrowserWindow,
  screen: { getAllDisplays: () => fake.state.displays },
}));

const { createMainWindow, DEFAULT_SIZE, MINIMUM_SIZE } = await import('../../../electron/main/window');
const { chooseRestoredBounds, isVisibleOnSomeDisplay, readWindowState, writeWindowState, WINDOW_STATE_FILE } =
  await import('../../../electron/main/window-state');

const APP_PATH = join(tmpdir(), 'kortliggaren app');
let dataDir: string;

function open(): InstanceType<typeof fake.FakeBrowserWindow> {
  createMainWindow({ appPath: APP_PATH, dataDir });
  const window = fake.FakeBrowserWindow.instances.at(-1);
  if (!window) throw new Error('no window was created');
  return window;
}

function navigationEvent(url: string): { url: string; preventDefault: ReturnType<typeof vi.fn> } {
  return { url, preventDefault: vi.fn() };
}

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'kortliggaren-window-'));
  fake.FakeBrowserWindow.instances = [];
  fake.app.isPackaged = false;
  fake.state.displays = [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }];
});

afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('createMainWindow security', () => {
  it('uses exactly the locked-down web preferences', () => {
    const window = open();
    expect(window.options.webPreferences).toStrictEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: true,
      preload: join(APP_PATH, 'dist-electron', 'preload.cjs'),
    });
  });

  it('turns developer tools off in a packaged app', () => {
    fake.app.isPackaged = true;
    expect(open().options.webPreferences?.devTools).toBe(false);
  });

  it('stays hidden until ready, has a minimum size and a background colour', () => {
    const window = open();
    expect(window.options).toMatchObject({
      show: false,
      minWidth: MINIMUM_SIZE.width,
      minHeight: MINIMUM_SIZE.height,
      backgroundColor: expect.stringMatching(/^#[0-9a-f]{6}$/i) as unknown,
    });
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('loads the renderer page from the app scheme', () => {
    expect(open().loadURL).toHaveBeenCalledWith('app://kortliggaren/index.html');
  });

  it('denies window.open', () => {
    const window = open();
    expect(window.webContents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('prevents navigation and redirects to another URL but allows the app page itself', () => {
    const window = open();
    const appUrl = 'app://kortliggaren/index.html';
    for (const name of ['will-navigate', 'will-redirect']) {
      const away = navigationEvent('https://example.com/');
      window.webContents.emit(name, away, away.url);
      expect(away.preventDefault, name).toHaveBeenCalled();

      const otherFile = navigationEvent(pathToFileURL(join(APP_PATH, 'evil.html')).href);
      window.webContents.emit(name, otherFile, otherFile.url);
      expect(otherFile.preventDefault, name).toHaveBeenCalled();

      const otherPage = navigationEvent('app://kortliggaren/assets/evil.html');
      window.webContents.emit(name, otherPage, otherPage.url);
      expect(otherPage.preventDefault, name).toHaveBeenCalled();

      const otherHost = navigationEvent('app://elsewhere/index.html');
      window.webContents.emit(name, otherHost, otherHost.url);
      expect(otherHost.preventDefault, name).toHaveBeenCalled();

      const home = navigationEvent(`${appUrl}#/cards`);
      window.webContents.emit(name, home, home.url);
      expect(home.preventDefault, name).not.toHaveBeenCalled();
    }
  });

  it('prevents attaching a webview', () => {
    const window = open();
    const event = { preventDefault: vi.fn() };
    window.webContents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies permission requests and checks', () => {
    const { session } = open().webContents;
    const callback = vi.fn();
    session.requestHandler?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(session.checkHandler?.({}, 'notifications', 'file://', {})).toBe(false);
  });
});

describe('window state', () => {
  it('remembers size, position and maximised state across runs', () => {
    const first = open();
    first.bounds = { x: 200, y: 120, width: 1100, height: 700 };
    first.maximized = true;
    first.emit('close');

    const second = open();
    expect(second.options).toMatchObject({ x: 200, y: 120, width: 1100, height: 700 });
    second.emit('ready-to-show');
    expect(second.maximize).toHaveBeenCalled();
  });

  it('writes the state file atomically, leaving no temporary file behind', () => {
    const file = join(dataDir, 'nested', WINDOW_STATE_FILE);
    writeWindowState(file, { bounds: { x: 1, y: 2, width: 1000, height: 700 }, maximized: false });
    expect(readdirSync(join(dataDir, 'nested'))).toEqual([WINDOW_STATE_FILE]);
    expect(readWindowState(file)).toEqual({
      bounds: { x: 1, y: 2, width: 1000, height: 700 },
      maximized: false,
    });
  });

  it.each([
    ['not JSON', '{"bounds": {'],
    ['wrong shape', '{"bounds": [1, 2, 3, 4], "maximized": false}'],
    ['non-numeric size', '{"bounds": {"x": 0, "y": 0, "width": "big", "height": 700}, "maximized": false}'],
    ['zero size', '{"bounds": {"x": 0, "y": 0, "width": 0, "height": 700}, "maximized": false}'],
  ])('ignores a corrupt state file (%s) and opens at the default size', (_name, content) => {
    writeFileSync(join(dataDir, WINDOW_STATE_FILE), content);
    expect(readWindowState(join(dataDir, WINDOW_STATE_FILE))).toBeUndefined();
    const window = open();
    expect(window.options).toMatchObject(DEFAULT_SIZE);
    expect(window.options.x).toBeUndefined();
  });

  it('does not restore bounds that are no longer on any display', () => {
    writeWindowState(join(dataDir, WINDOW_STATE_FILE), {
      bounds: { x: 2400, y: 100, width: 1000, height: 700 },
      maximized: false,
    });
    const window = open();
    expect(window.options.x).toBeUndefined();
    expect(window.options).toMatchObject(DEFAULT_SIZE);
  });

  it('restores bounds on a second display at negative coordinates', () => {
    fake.state.displays = [
      { workArea: { x: 0, y: 0, width: 1920, height: 1040 } },
      { workArea: { x: -1280, y: 0, width: 1280, height: 984 } },
    ];
    writeWindowState(join(dataDir, WINDOW_STATE_FILE), {
      bounds: { x: -1200, y: 40, width: 1000, height: 700 },
      maximized: false,
    });
    expect(open().options).toMatchObject({ x: -1200, y: 40 });
  });

  it('still closes when the state cannot be written', () => {
    const logError = vi.fn();
    // A file where the data folder should be makes mkdir fail.
    const blocked = join(dataDir, 'blocked');
    writeFileSync(blocked, '');
    createMainWindow({ appPath: APP_PATH, dataDir: blocked, logError });
    const window = fake.FakeBrowserWindow.instances.at(-1);
    expect(() => window?.emit('close')).not.toThrow();
    expect(logError).toHaveBeenCalled();
    expect(existsSync(join(blocked, WINDOW_STATE_FILE))).toBe(false);
    expect(readFileSync(blocked, 'utf8')).toBe('');
  });
});

describe('isVisibleOnSomeDisplay / chooseRestoredBounds', () => {
  const screenArea = { x: 0, y: 0, width: 1920, height: 1040 };

  it.each([
    ['fully inside', { x: 100, y: 100, width: 800, height: 600 }, true],
    ['mostly off the right edge but grabbable', { x: 1700, y: 100, width: 800, height: 600 }, true],
    ['only a sliver on the right edge', { x: 1900, y: 100, width: 800, height: 600 }, false],
    ['title bar above the screen', { x: 100, y: -300, width: 800, height: 600 }, false],
    ['below the screen', { x: 100, y: 1100, width: 800, height: 600 }, false],
    ['left of the screen', { x: -900, y: 100, width: 800, height: 600 }, false],
  ])('%s → %s', (_name, bounds, visible) => {
    expect(isVisibleOnSomeDisplay(bounds, [screenArea])).toBe(visible);
  });

  it('never restores a window smaller than the minimum size', () => {
    const restored = chooseRestoredBounds(
      { bounds: { x: 10, y: 10, width: 300, height: 200 }, maximized: false },
      [screenArea],
      MINIMUM_SIZE,
    );
    expect(restored).toEqual({ x: 10, y: 10, width: MINIMUM_SIZE.width, height: MINIMUM_SIZE.height });
  });
});
