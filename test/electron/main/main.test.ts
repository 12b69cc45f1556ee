import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHANNEL_NAMES } from '../../../shared/ipc/channels';
import type * as DataDirModule from '../../../electron/platform/data-dir';
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
  const state = {
    gotLock: true,
    isPackaged: true,
    backendError: undefined as Error | undefined,
    dataDirError: undefined as Error | undefined,
  };
  const backend = {
    router: { invoke: vi.fn() },
    close: vi.fn(),
    stopSync: vi.fn(() => Promise.resolve()),
  };
  const electron = {
    protocol: { registerSchemesAsPrivileged: vi.fn(() => order.push('registerScheme')) },
    session: { defaultSession: { protocol: { handle: vi.fn(() => order.push('serveApp')) } } },
    net: { fetch: vi.fn() },
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
      getPath: vi.fn((name: string) => (name === 'documents' ? '/home/desk/Dokument' : '/tmp')),
      getVersion: () => '0.0.0-electron',
    },
    BrowserWindow: { getAllWindows: vi.fn(() => []) },
    dialog: {
      showErrorBox: vi.fn(),
      showMessageBox: vi.fn((..._args: unknown[]) => Promise.resolve({ response: 0 })),
      showSaveDialog: vi.fn((..._args: unknown[]) =>
        Promise.resolve({ canceled: false, filePath: '/home/desk/Dokument/rapport.xlsx' }),
      ),
    },
    shell: { openPath: vi.fn() },
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
vi.mock('../../../electron/platform/data-dir', async (importOriginal) => {
  const actual = await importOriginal<typeof DataDirModule>();
  return {
    ...actual,
    resolveDataDir: (...args: Parameters<typeof actual.resolveDataDir>) => {
      if (fake.state.dataDirError) throw fake.state.dataDirError;
      return actual.resolveDataDir(...args);
    },
  };
});

const DATA_DIR = mkdtempSync(join(tmpdir(), 'kortliggaren-main-'));
const LOG = join(DATA_DIR, 'logs', 'kortliggaren.log');
// main() hooks the process itself; the hooks are caught here, not added to the test runner.
const processListeners = new Map<string, Listener>();
let processOn: { mockRestore(): void } | undefined;

async function startMain(): Promise<void> {
  vi.resetModules();
  await import('../../../electron/main/main');
  // Let the whenReady().then(start) chain run.
  await new Promise((resolve) => setTimeout(resolve, 0));
}

beforeEach(() => {
  vi.stubEnv('KORTLIGGAREN_DATA_DIR', DATA_DIR);
  rmSync(join(DATA_DIR, 'logs'), { recursive: true, force: true });
  fake.order.length = 0;
  fake.appListeners.clear();
  fake.state.gotLock = true;
  fake.state.isPackaged = true;
  fake.state.backendError = undefined;
  fake.state.dataDirError = undefined;
  vi.clearAllMocks();
  processListeners.clear();
  processOn = vi.spyOn(process, 'on').mockImplementation(((event: string, listener: Listener) => {
    processListeners.set(event, listener);
    return process;
  }) as typeof process.on);
});

afterEach(() => {
  processOn?.mockRestore();
  vi.unstubAllEnvs();
});

afterAll(() => {
  rmSync(DATA_DIR, { recursive: true, force: true });
});

const log = () => readFileSync(LOG, 'utf8');

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
    expect(fake.order.slice(-3)).toEqual(['backend', 'serveApp', 'window']);
    // The UI's scheme is registered before the app is ready, and served from the built renderer.
    expect(fake.order.indexOf('registerScheme')).toBeLessThan(fake.order.indexOf('lock'));
    expect(fake.electron.session.defaultSession.protocol.handle).toHaveBeenCalledWith(
      'app',
      expect.any(Function),
    );
  });

  it('lets the main process choose the export path with the save dialog in Documents', async () => {
    await startMain();
    const options = (fake.createBackend.mock.calls as unknown[][])[0]?.[0] as {
      chooseExportPath?: (name: string, format: 'json' | 'xlsx' | 'csv') => Promise<string | null>;
    };
    expect(options.chooseExportPath).toBeTypeOf('function');
    const chosen = await options.chooseExportPath?.('reservkort-statistik-2026-01-vast.xlsx', 'xlsx');
    expect(chosen).toBe('/home/desk/Dokument/rapport.xlsx');
    const call = fake.electron.dialog.showSaveDialog.mock.calls[0] ?? [];
    // The window is open by now, so the dialog is modal to it.
    expect(call[0]).toBe(fake.window);
    expect(call[1]).toMatchObject({
      title: 'Spara månadsrapport',
      defaultPath: join('/home/desk/Dokument', 'reservkort-statistik-2026-01-vast.xlsx'),
      filters: [{ name: 'Excel-arbetsbok', extensions: ['xlsx'] }],
    });

    fake.electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await options.chooseExportPath?.('x.json', 'json')).toBeNull();
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

  it('shows the version and the data folder in Hjälp › Om Kortliggaren', async () => {
    await startMain();
    const { template } = fake.electron.Menu.setApplicationMenu.mock.calls[0]?.[0] as {
      template: { label: string; submenu: { label: string; click?: () => void }[] }[];
    };
    template
      .find((menu) => menu.label === 'Hjälp')
      ?.submenu.find((i) => i.label === 'Om Kortliggaren')
      ?.click?.();
    const call = fake.electron.dialog.showMessageBox.mock.calls[0] ?? [];
    expect(call[0]).toBe(fake.window);
    expect(call[1]).toMatchObject({ detail: `Version 0.0.0-electron\n\nDatamapp:\n${DATA_DIR}` });
  });

  it('quits at once when another instance holds the lock, opening and logging nothing', async () => {
    fake.state.gotLock = false;
    await startMain();
    expect(fake.electron.app.quit).toHaveBeenCalled();
    expect(fake.createBackend).not.toHaveBeenCalled();
    expect(fake.createMainWindow).not.toHaveBeenCalled();
    expect(existsSync(LOG)).toBe(false);
    expect(processListeners.size).toBe(0);
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

  it('keeps the hub password in the OS key store and syncs in the background', async () => {
    await startMain();
    const options = (fake.createBackend.mock.calls[0] as unknown as [{ hub?: unknown }])[0];
    expect(options.hub).toMatchObject({ background: true, credentials: { kind: 'os' } });
  });

  it('lets a sync under way finish before quitting, once', async () => {
    await startMain();
    const preventDefault = vi.fn();
    fake.appListeners.get('before-quit')?.({ preventDefault });
    expect(preventDefault).toHaveBeenCalledOnce();
    expect(fake.backend.stopSync).toHaveBeenCalledOnce();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fake.electron.app.quit).toHaveBeenCalledOnce();
    // The quit that follows goes through.
    const again = vi.fn();
    fake.appListeners.get('before-quit')?.({ preventDefault: again });
    expect(again).not.toHaveBeenCalled();
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
    expect(log()).toMatch(/ERROR \[start\] Error: database schema 9 is newer than this app supports/);
  });

  it('says in Swedish what a fault of the disk or a newer register means, not SQLite’s English', async () => {
    // A real SQLite error: a write on a connection that may only read.
    const dir = mkdtempSync(join(tmpdir(), 'kortliggaren-ro-'));
    const raw = new Database(join(dir, 'k.db'));
    raw.exec('CREATE TABLE t (x)');
    raw.close();
    const reader = new Database(join(dir, 'k.db'), { readonly: true });
    try {
      reader.exec('INSERT INTO t VALUES (1)');
    } catch (error) {
      fake.state.backendError = error as Error;
    } finally {
      reader.close();
      rmSync(dir, { recursive: true, force: true });
    }
    expect(fake.state.backendError).toMatchObject({ code: 'SQLITE_READONLY' });
    await startMain();
    const reason = (fake.electron.dialog.showErrorBox.mock.calls[0] as string[])[1];
    expect(reason).toMatch(/skrivskyddad.*Be IT om skrivrätt/);
    expect(reason).not.toContain('attempt to write');
    expect(reason).toContain('(SQLITE_READONLY)');
    expect(fake.electron.app.exit).toHaveBeenCalledWith(1);

    const tooNew = await import('../../../electron/db/open');
    fake.state.backendError = new tooNew.DatabaseTooNewError(9, 6);
    vi.clearAllMocks();
    await startMain();
    expect(fake.electron.dialog.showErrorBox).toHaveBeenCalledWith(
      'Kortliggaren kunde inte starta',
      expect.stringMatching(/nyare version av Kortliggaren\. Installera den nyaste versionen/),
    );
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

  it('writes the start to kortliggaren.log in the data folder’s logs', async () => {
    await startMain();
    expect(log()).toMatch(/^\S+ INFO \[start\] Kortliggaren 0\.0\.0-electron, .*datamapp /);
    expect(log()).toContain(DATA_DIR);
  });

  it('logs uncaught exceptions, unhandled rejections and crashed processes', async () => {
    await startMain();
    processListeners.get('uncaughtExceptionMonitor')?.(new Error('kaboom'), 'uncaughtException');
    processListeners.get('unhandledRejection')?.(new Error('rejected'));
    fake.appListeners.get('render-process-gone')?.({}, {}, { reason: 'oom', exitCode: 9 });
    fake.appListeners.get('child-process-gone')?.({}, { type: 'GPU', reason: 'crashed', exitCode: 3 });
    const text = log();
    expect(text).toMatch(/ERROR \[uncaught\] Error: kaboom/);
    expect(text).toMatch(/ERROR \[unhandled-rejection\] Error: rejected/);
    expect(text).toContain('ERROR [renderer] oom (exit 9)');
    expect(text).toContain('ERROR [child-process] GPU: crashed (exit 3)');
  });

  it('refuses to start, saying why, when IT’s config file is broken', async () => {
    fake.state.dataDirError = new Error('/etc/kortliggaren/config.json: är inte giltig JSON');
    await startMain();
    expect(fake.electron.dialog.showErrorBox).toHaveBeenCalledWith(
      'Kortliggaren kunde inte starta',
      expect.stringMatching(/konfigurationsfilen[\s\S]*config\.json: är inte giltig JSON/),
    );
    expect(fake.electron.app.exit).toHaveBeenCalledWith(1);
    // Nothing was set up on a folder IT did not mean.
    expect(fake.electron.app.setPath).not.toHaveBeenCalled();
    expect(fake.electron.app.requestSingleInstanceLock).not.toHaveBeenCalled();
    expect(fake.createBackend).not.toHaveBeenCalled();
  });
});
