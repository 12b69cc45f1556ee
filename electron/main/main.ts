import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import { createBackend, type Backend } from '../app/backend';
import { resolveDatabasePath, resolveDataDir } from '../platform/data-dir';
import { resolveNativeBinding } from '../platform/native-binding';
import { systemErrorDetail, systemFaultCode } from '../services/system-errors';
import { createSafeCredentialStore } from './credential-store';
import { createExportPathChooser } from './export-dialog';
import { registerIpc } from './ipc-electron';
import { createFileLogger, type Logger } from './logging';
import { buildMenuTemplate, showAboutDialog } from './menu';
import { isTrustedSender } from './security';
import { getMainTexts } from './texts';
import { registerAppScheme, serveAppFiles } from './app-protocol';
import { createMainWindow, resolveAppUrl, resolveRendererDir } from './window';

// Replaced by scripts/build-electron.mjs with the version from package.json.
declare const __KORTLIGGAREN_VERSION__: string | undefined;
const version = typeof __KORTLIGGAREN_VERSION__ === 'string' ? __KORTLIGGAREN_VERSION__ : app.getVersion();

const texts = getMainTexts();

let backend: Backend | undefined;
let mainWindow: BrowserWindow | undefined;
let logger: Logger | undefined;

function logError(scope: string, error: unknown): void {
  if (logger) logger.error(scope, error);
  else console.error(`[${scope}]`, error);
}

function openMainWindow(dataDir: string): void {
  mainWindow = createMainWindow({
    appPath: app.getAppPath(),
    dataDir,
    logError: (error) => logError('window', error),
  });
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
}

function start(dataDir: string): void {
  logger?.info(
    'start',
    `Kortliggaren ${version}, Electron ${process.versions.electron ?? '?'}, ` +
      `${process.platform}-${process.arch}, datamapp ${dataDir}`,
  );
  const appUrl = resolveAppUrl();
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
      chooseExportPath: createExportPathChooser({
        dialog,
        documentsDir: () => app.getPath('documents'),
        parent: () => mainWindow,
        texts,
      }),
      // The desk's hub password, encrypted by the OS key store in the data folder; the
      // register syncs in the background once it has joined a hub.
      hub: {
        credentials: createSafeCredentialStore({
          dataDir,
          onUnreadable: (error) => logError('credentials', error),
        }),
        background: true,
      },
    });
  } catch (error) {
    logError('start', error);
    // Without the register there is nothing to show; say why instead of an empty window.
    dialog.showErrorBox(texts.startupFailedTitle, texts.startupFailed(startupReason(error, dataDir)));
    app.exit(1);
    return;
  }

  serveAppFiles(session.defaultSession, resolveRendererDir(app.getAppPath()));
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
  openMainWindow(dataDir);
}

// A read-only or full disk, a register from a newer app: what it means and what to do,
// with the technical detail (code and path) for IT; anything else as it was thrown.
function startupReason(error: unknown, dataDir: string): string {
  const code = systemFaultCode(error, dataDir);
  if (!code) return String(error);
  const detail = systemErrorDetail(error);
  return detail ? `${texts.fault(code)}\n\n(${detail})` : texts.fault(code);
}

/**
 * IT's config file names a data folder that cannot be used. Starting on the default
 * folder would open a second, empty register, so the app explains and stops. The box
 * waits for `ready`: before it, Linux prints dialogs to stderr only.
 */
function refuseToStart(error: unknown): void {
  const reason = error instanceof Error ? error.message : String(error);
  app
    .whenReady()
    .then(() => {
      dialog.showErrorBox(texts.startupFailedTitle, texts.dataDirFailed(reason));
      app.exit(1);
    })
    .catch(() => app.exit(1));
}

function main(): void {
  let dataDir: string;
  try {
    dataDir = resolveDataDir();
  } catch (error) {
    refuseToStart(error);
    return;
  }

  // Chromium's profile goes under the local data folder too, never the roaming profile.
  // This must precede the single-instance lock, which lives in userData.
  app.setPath('userData', join(dataDir, 'electron'));
  app.setAppLogsPath(join(dataDir, 'logs'));
  app.enableSandbox();
  // Before ready, as Electron requires: the UI's scheme, with V8's code cache.
  registerAppScheme();

  if (!app.requestSingleInstanceLock()) {
    // Two processes writing one register would fight over the database; the first one wins.
    app.quit();
    return;
  }

  // Only the instance that holds the lock writes the log, so rotation has one owner.
  logger = createFileLogger({
    dir: join(dataDir, 'logs'),
    ...(app.isPackaged ? {} : { echo: (line: string) => void process.stderr.write(line) }),
  });
  // The monitor logs without replacing Electron's own handling of an uncaught exception.
  process.on('uncaughtExceptionMonitor', (error) => logError('uncaught', error));
  process.on('unhandledRejection', (reason) => logError('unhandled-rejection', reason));

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

  app.on('render-process-gone', (_event, _contents, details) => {
    logError('renderer', `${details.reason} (exit ${details.exitCode})`);
  });
  app.on('child-process-gone', (_event, details) => {
    logError('child-process', `${details.type}: ${details.reason} (exit ${details.exitCode})`);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (backend && BrowserWindow.getAllWindows().length === 0) openMainWindow(dataDir);
  });

  // A sync under way is given a few seconds to finish before the register closes; a run
  // cut short loses nothing (an unacknowledged batch is pushed again next time).
  let syncStopped = false;
  app.on('before-quit', (event) => {
    if (syncStopped || !backend) return;
    event.preventDefault();
    syncStopped = true;
    backend
      .stopSync()
      .catch((error: unknown) => logError('sync', error))
      .finally(() => app.quit());
  });

  app.on('will-quit', () => {
    backend?.close();
    backend = undefined;
  });

  app
    .whenReady()
    .then(() => start(dataDir))
    .catch((error: unknown) => {
      logError('start', error);
      app.exit(1);
    });
}

main();
