import { join } from 'node:path';
import { CHANNEL_NAMES } from '../../../shared/ipc/channels';
import type * as WindowModule from '../../../electron/main/window';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const order: string[] = [];
  const appListeners = new Map<string, Listener>();
  const window = {
    webContents: { send: vi.fn() },
    on: vi.fn(),
    isMinimized: vi.fn(() => true),
    restore: vi.fn(),
    focus: vi.fn(),
  };
  const state = { gotLock: true, isPackaged: true, backendError: undefined as Error | undefined };
  const backend = { router: { invoke: vi.fn() }, close: vi.fn() };
  const electron = {
    app: {
      get isPackaged() {
        return state.isPackaged;
      },
      setPath: vi.fn((name: string) => order.push(`setPath:${name}`)),
      setAppLogsPath: vi.fn(),
      enableSandbox: vi.fn(() => order.push('enableSandbox')),
      requestSingleInstanceLock: vi.fn(() => {
        order.push('lock');
        return state.gotLock;
      }),
      quit: vi.fn(),
      exit: vi.fn(),
      on: vi.fn((name: string, listener: Listener) => appListeners.set(name, listener)),
      whenReady: vi.fn(() => Promise.resolve()),
      getAppPath: () => join('/opt', 'Kortliggaren', 'resources', 'app.asar'),
      getVersion: () => '0.0.0-electron',
    },
    BrowserWindow: { getAllWindows: vi.fn(() => []) },
    dialog: { showErrorBox: vi.fn() },
    ipcMain: { handle: vi.fn() },
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((template: unknown) => ({ template })) },
  };
  const createBackend = vi.fn(() => {
    if (state.backendError) throw state.backendError;
    order.push('backend');
    return backend;
  });
  const createMainWindow = vi.fn(() => {
    order.push('window');
    return window;
  });
  return { order, appListeners, window, state, backend, electron, createBackend, createMainWindow };
});

vi.mock('electron', () => fake.electron);
vi.mock('../../../electron/app/backend', () => ({ createBackend: fake.createBackend }));
vi.mock('../../../electron/main/window', async (importOriginal) => ({
  ...(await importOriginal<typeof WindowModule>()),
  createMainWindow: fake.createMainWindow,
}));

const DATA_DIR = join('/srv', 'kortliggaren-data');

async function startMain(): Promise<void> {
  vi.resetModules();
  await import('../../../electron/main/main');
  // Let the whenReady().then(start) chain run.
  await new Promise((resolve) => setTimeout(resolve, 0));
}

beforeEach(() => {
  vi.stubEnv('KORTLIGGAREN_DATA_DIR', DATA_DIR);
  fake.order.length = 0;
  fake.appListeners.clear();
  fake.state.gotLock = true;
  fake.state.isPackaged = true;
  fake.state.backendError = undefined;
  vi.clearAllMocks();
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('main process wiring', () => {
  it('moves Chromium’s profile into the local data folder before taking the single-instance lock', async () => {
    await startMain();
    expect(fake.electron.app.setPath).toHaveBeenCalledWith('userData', join(DATA_DIR, 'electron'));
    expect(fake.order.indexOf('setPath:userData')).toBeLessThan(fake.order.indexOf('lock'));
    expect(fake.order).toContain('enableSandbox');
  });

  it('opens the database in the data folder, then handles every channel, then opens the window', async () => {
    await startMain();
    expect(fake.createBackend).toHaveBeenCalledWith(
      expect.objectContaining({
        databasePath: join(DATA_DIR, 'kortliggaren.db'),
        mode: 'desktop',
        nativeBinding: undefined,
      }),
    );
    const channels = fake.electron.ipcMain.handle.mock.calls.map((call: unknown[]) => call[0]);
    expect(channels).toEqual([...CHANNEL_NAMES]);
    expect(fake.electron.Menu.setApplicationMenu).toHaveBeenCalledOnce();
    expect(fake.order.slice(-2)).toEqual(['backend', 'window']);
  });

  it('sends menu commands to the main window', async () => {
    await startMain();
    const { template } = fake.electron.Menu.setApplicationMenu.mock.calls[0]?.[0] as {
      template: { label: string; submenu: { label: string; click?: () => void }[] }[];
    };
    const newCard = template
      .find((menu) => menu.label === 'Arkiv')
      ?.submenu.find((i) => i.label === 'Ny registrering');
    newCard?.click?.();
    expect(fake.window.webContents.send).toHaveBeenCalledWith('menu:command', 'new-card');
  });

  it('quits at once when another instance holds the lock, opening nothing', async () => {
    fake.state.gotLock = false;
    await startMain();
    expect(fake.electron.app.quit).toHaveBeenCalled();
    expect(fake.createBackend).not.toHaveBeenCalled();
    expect(fake.createMainWindow).not.toHaveBeenCalled();
  });

  it('focuses the existing window on a second launch', async () => {
    await startMain();
    fake.appListeners.get('second-instance')?.();
    expect(fake.window.restore).toHaveBeenCalled();
    expect(fake.window.focus).toHaveBeenCalled();
  });

  it('quits when the last window closes, except on macOS', async () => {
    await startMain();
    fake.appListeners.get('window-all-closed')?.();
    expect(fake.electron.app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
  });

  it('closes the database on quit', async () => {
    await startMain();
    fake.appListeners.get('will-quit')?.();
    expect(fake.backend.close).toHaveBeenCalledOnce();
  });

  it('shows why and exits when the register cannot be opened', async () => {
    fake.state.backendError = new Error('database schema 9 is newer than this app supports (2)');
    await startMain();
    expect(fake.electron.dialog.showErrorBox).toHaveBeenCalledWith(
      'Kortliggaren kunde inte starta',
      expect.stringContaining('newer than this app supports'),
    );
    expect(fake.electron.app.exit).toHaveBeenCalledWith(1);
    expect(fake.createMainWindow).not.toHaveBeenCalled();
    expect(fake.electron.ipcMain.handle).not.toHaveBeenCalled();
  });

  it('refuses to start in development without the Electron build of better-sqlite3', async () => {
    fake.state.isPackaged = false;
    await startMain();
    expect(fake.electron.dialog.showErrorBox).toHaveBeenCalledWith(
      'Kortliggaren kunde inte starta',
      expect.stringContaining('node scripts/electron-native.mjs'),
    );
    expect(fake.createBackend).not.toHaveBeenCalled();
  });
});
