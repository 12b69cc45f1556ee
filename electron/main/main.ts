import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu } from 'electron';
import { createBackend, type Backend } from '../app/backend';
import { resolveDatabasePath, resolveDataDir } from '../platform/data-dir';
import { resolveNativeBinding } from '../platform/native-binding';
import { registerIpc } from './ipc-electron';
import { buildMenuTemplate, showAboutDialog } from './menu';
import { isTrustedSender } from './security';
import { getMainTexts } from './texts';
import { createMainWindow, resolveAppUrl } from './window';

// Replaced by scripts/build-electron.mjs with the version from package.json.
declare const __KORTLIGGAREN_VERSION__: string | undefined;
const version = typeof __KORTLIGGAREN_VERSION__ === 'string' ? __KORTLIGGAREN_VERSION__ : app.getVersion();

const texts = getMainTexts();
const dataDir = resolveDataDir();
// Chromium's profile goes under the local data folder too, never the roaming profile.
// This must precede the single-instance lock, which lives in userData.
app.setPath('userData', join(dataDir, 'electron'));
app.setAppLogsPath(join(dataDir, 'logs'));
app.enableSandbox();

let backend: Backend | undefined;
let mainWindow: BrowserWindow | undefined;

function logError(scope: string, error: unknown): void {
  console.error(`[${scope}]`, error);
}

function openMainWindow(): void {
  mainWindow = createMainWindow({
    appPath: app.getAppPath(),
    dataDir,
    logError: (error) => logError('window', error),
  });
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
}

function start(): void {
  const appUrl = resolveAppUrl(app.getAppPath());
  try {
    backend = createBackend({
      databasePath: resolveDatabasePath(dataDir),
      mode: 'desktop',
      version,
      nativeBinding: resolveNativeBinding({
        isPackaged: app.isPackaged,
        appPath: app.getAppPath(),
        electronVersion: process.versions.electron ?? '',
        platform: process.platform,
        arch: process.arch,
        exists: existsSync,
      }),
      logError,
    });
  } catch (error) {
    // Without the register there is nothing to show; say why instead of an empty window.
    dialog.showErrorBox(texts.startupFailedTitle, texts.startupFailed(String(error)));
    app.exit(1);
    return;
  }

  registerIpc(ipcMain, backend.router, (event) => isTrustedSender(event, appUrl));
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        isPackaged: app.isPackaged,
        platform: process.platform,
        getTarget: () => mainWindow?.webContents,
        showAbout: () => {
          showAboutDialog(mainWindow, { version, dataDir }).catch((error: unknown) =>
            logError('about', error),
          );
        },
      }),
    ),
  );
  openMainWindow();
}

if (!app.requestSingleInstanceLock()) {
  // Two processes writing one register would fight over the database; the first one wins.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Belt and braces for any web contents besides the main window (which is hardened
  // fully in createMainWindow): no pop-ups, no <webview>.
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (backend && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });

  app.on('will-quit', () => {
    backend?.close();
    backend = undefined;
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      logError('start', error);
      app.exit(1);
    });
}
