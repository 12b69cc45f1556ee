import { join } from 'node:path';
import { app, BrowserWindow, screen } from 'electron';
import { APP_URL } from './app-protocol';
import { hardenSession, hardenWebContents } from './security';
import {
  chooseRestoredBounds,
  readWindowState,
  WINDOW_STATE_FILE,
  writeWindowState,
  type WindowState,
} from './window-state';

export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MINIMUM_SIZE = { width: 960, height: 640 } as const;
// Matches the UI's page background, so no white flash shows before the first paint.
export const BACKGROUND_COLOR = '#f8f9fa';

export interface MainWindowOptions {
  /** The app's root (`app.getAppPath()`): holds dist-electron/ and dist/renderer/. */
  appPath: string;
  /** The data folder; the window state file lives there. */
  dataDir: string;
  /** Called when the state file cannot be written; closing the window must not fail. */
  logError?: (error: unknown) => void;
}

/** The folder the app scheme serves: the built renderer. */
export function resolveRendererDir(appPath: string): string {
  return join(appPath, 'dist', 'renderer');
}

/**
 * The URL of the renderer's entry page on the app scheme (electron/main/app-protocol.ts):
 * the only page navigation and IPC are accepted from.
 */
export function resolveAppUrl(): string {
  return APP_URL;
}

/** The bundled, sandboxed preload script. */
export function resolvePreload(appPath: string): string {
  return join(appPath, 'dist-electron', 'preload.cjs');
}

/**
 * Creates the main window with the locked-down web preferences, restores its last size and
 * position when they are still on a screen, remembers them on close, and loads the UI.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const stateFile = join(options.dataDir, WINDOW_STATE_FILE);
  const saved = readWindowState(stateFile);
  const restored = chooseRestoredBounds(
    saved,
    screen.getAllDisplays().map((display) => display.workArea),
    MINIMUM_SIZE,
  );

  const window = new BrowserWindow({
    ...(restored ?? DEFAULT_SIZE),
    minWidth: MINIMUM_SIZE.width,
    minHeight: MINIMUM_SIZE.height,
    show: false,
    backgroundColor: BACKGROUND_COLOR,
    title: 'Kortliggaren',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !app.isPackaged,
      preload: resolvePreload(options.appPath),
    },
  });

  const appUrl = resolveAppUrl();
  hardenWebContents(window.webContents, appUrl);
  hardenSession(window.webContents.session);

  window.once('ready-to-show', () => {
    if (saved?.maximized) window.maximize();
    window.show();
  });

  window.on('close', () => {
    const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    try {
      writeWindowState(stateFile, state);
    } catch (error) {
      options.logError?.(error);
    }
  });

  window.loadURL(appUrl).catch((error: unknown) => options.logError?.(error));
  return window;
}
