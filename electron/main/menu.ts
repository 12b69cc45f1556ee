import { dialog, shell, type BaseWindow, type MenuItemConstructorOptions } from 'electron';
import { MENU_COMMAND_CHANNEL, type MenuCommand } from '../../shared/ipc/bridge';
import type { Language } from '../../shared/i18n';
import { getMainTexts } from './texts';

/** Something that can receive a message: the main window's web contents. */
export interface CommandTarget {
  send(channel: string, ...args: unknown[]): void;
}

export interface MenuOptions {
  /** Packaged builds have no reload or developer tools. */
  isPackaged: boolean;
  platform: NodeJS.Platform;
  language?: Language;
  /** The web contents that receives menu commands, if a window is open. */
  getTarget(): CommandTarget | undefined;
  showAbout(): void;
}

/**
 * The application menu as a plain template, so tests can inspect it without Electron.
 * Commands the UI carries out (new card, report, search, backup) are sent to the
 * renderer on `menu:command`; editing and view items use Electron's built-in roles.
 */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const t = getMainTexts(options.language);
  const isMac = options.platform === 'darwin';
  const command =
    (name: MenuCommand): MenuItemConstructorOptions['click'] =>
    () =>
      options.getTarget()?.send(MENU_COMMAND_CHANNEL, name);

  // macOS puts the app's own menu first and Quit there; elsewhere Quit ends the File menu.
  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: 'Kortliggaren',
          submenu: [
            { label: t.about, click: () => options.showAbout() },
            { type: 'separator' },
            { role: 'hide', label: t.hide },
            { role: 'hideOthers', label: t.hideOthers },
            { role: 'unhide', label: t.showAll },
            { type: 'separator' },
            { role: 'quit', label: t.quit },
          ],
        },
      ]
    : [];

  const file: MenuItemConstructorOptions = {
    label: t.file,
    submenu: [
      { label: t.newCard, accelerator: 'CmdOrCtrl+N', click: command('new-card') },
      { label: t.monthlyReport, accelerator: 'CmdOrCtrl+M', click: command('monthly-report') },
      { type: 'separator' },
      { label: t.backup, accelerator: 'CmdOrCtrl+B', click: command('backup') },
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: t.quit } as const]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: t.edit,
    submenu: [
      { role: 'undo', label: t.undo },
      { role: 'redo', label: t.redo },
      { type: 'separator' },
      { role: 'cut', label: t.cut },
      { role: 'copy', label: t.copy },
      { role: 'paste', label: t.paste },
      { role: 'selectAll', label: t.selectAll },
    ],
  };

  const developerItems: MenuItemConstructorOptions[] = options.isPackaged
    ? []
    : [
        { role: 'reload', label: t.reload },
        { role: 'toggleDevTools', label: t.devTools },
        { type: 'separator' },
      ];

  const view: MenuItemConstructorOptions = {
    label: t.view,
    submenu: [
      { label: t.search, accelerator: 'CmdOrCtrl+F', click: command('search') },
      { type: 'separator' },
      ...developerItems,
      { role: 'zoomIn', label: t.zoomIn },
      { role: 'zoomOut', label: t.zoomOut },
      { role: 'resetZoom', label: t.resetZoom },
      { type: 'separator' },
      { role: 'togglefullscreen', label: t.fullScreen },
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: t.help,
    submenu: [{ label: t.about, click: () => options.showAbout() }],
  };

  return [...appMenu, file, edit, view, help];
}

export interface AboutInfo {
  version: string;
  dataDir: string;
  language?: Language;
}

/**
 * Shows version and data folder, the two things a desk's IT support asks for first, with
 * a button that opens the folder.
 */
export async function showAboutDialog(window: BaseWindow | undefined, info: AboutInfo): Promise<void> {
  const t = getMainTexts(info.language);
  const options = {
    type: 'info' as const,
    title: t.about,
    message: 'Kortliggaren',
    detail: t.aboutDetail(info.version, info.dataDir),
    buttons: [t.ok, t.openDataDir],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
  const { response } = window
    ? await dialog.showMessageBox(window, options)
    : await dialog.showMessageBox(options);
  if (response === 1) await shell.openPath(info.dataDir);
}
