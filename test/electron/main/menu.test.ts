import type { MenuItem, MenuItemConstructorOptions } from 'electron';
import { MENU_COMMANDS } from '../../../shared/ipc/bridge';

const electron = vi.hoisted(() => ({
  dialog: {
    showMessageBox: vi.fn((..._args: unknown[]) => Promise.resolve({ response: 0, checkboxChecked: false })),
  },
  shell: { openPath: vi.fn((_path: string) => Promise.resolve('')) },
}));
vi.mock('electron', () => electron);

const { buildMenuTemplate, showAboutDialog } = await import('../../../electron/main/menu');

type Item = MenuItemConstructorOptions;

function setup(overrides: { isPackaged?: boolean; platform?: NodeJS.Platform; language?: 'sv' | 'en' } = {}) {
  const send = vi.fn();
  const showAbout = vi.fn();
  const template = buildMenuTemplate({
    isPackaged: overrides.isPackaged ?? false,
    platform: overrides.platform ?? 'win32',
    ...(overrides.language ? { language: overrides.language } : {}),
    getTarget: () => ({ send }),
    showAbout,
  });
  return { template, send, showAbout };
}

function submenu(item: Item | undefined): Item[] {
  if (!Array.isArray(item?.submenu)) throw new Error(`no submenu in ${item?.label}`);
  return item.submenu;
}

function menu(template: Item[], label: string): Item[] {
  return submenu(template.find((item) => item.label === label));
}

function find(items: Item[], label: string): Item {
  const item = items.find((candidate) => candidate.label === label);
  if (!item) throw new Error(`no item ${label}`);
  return item;
}

function allItems(items: Item[]): Item[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? allItems(item.submenu) : [])]);
}

function click(item: Item): void {
  // Menu items ignore their click arguments; placeholders stand in for Electron's.
  item.click?.({} as MenuItem, undefined, {});
}

describe('buildMenuTemplate', () => {
  it('has the Swedish top-level menus in order', () => {
    expect(setup().template.map((item) => item.label)).toEqual(['Arkiv', 'Redigera', 'Visa', 'Hjälp']);
  });

  it('has the file commands with their shortcuts', () => {
    const file = menu(setup().template, 'Arkiv');
    expect(find(file, 'Ny registrering').accelerator).toBe('CmdOrCtrl+N');
    expect(find(file, 'Månadsrapport').accelerator).toBe('CmdOrCtrl+M');
    expect(find(file, 'Säkerhetskopiera…').accelerator).toBe('CmdOrCtrl+B');
    expect(find(file, 'Avsluta').role).toBe('quit');
    expect(find(menu(setup().template, 'Visa'), 'Sök').accelerator).toBe('CmdOrCtrl+F');
  });

  it.each([
    ['Arkiv', 'Ny registrering', 'new-card'],
    ['Arkiv', 'Månadsrapport', 'monthly-report'],
    ['Arkiv', 'Säkerhetskopiera…', 'backup'],
    ['Visa', 'Sök', 'search'],
  ])('%s › %s sends menu:command %s to the window', (top, label, command) => {
    const { template, send } = setup();
    click(find(menu(template, top), label));
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith('menu:command', command);
  });

  it('sends every menu command there is, and nothing else', () => {
    const { template, send } = setup();
    for (const item of allItems(template)) if (!item.role) click(item);
    const sent = send.mock.calls.map((call: unknown[]) => call[1]);
    expect(sent.sort()).toEqual([...MENU_COMMANDS].sort());
  });

  it('does nothing when no window is open', () => {
    const template = buildMenuTemplate({
      isPackaged: false,
      platform: 'linux',
      getTarget: () => undefined,
      showAbout: vi.fn(),
    });
    expect(() => click(find(menu(template, 'Arkiv'), 'Ny registrering'))).not.toThrow();
  });

  it('uses the standard edit roles with Swedish labels', () => {
    const edit = menu(setup().template, 'Redigera').filter((item) => item.type !== 'separator');
    expect(edit.map((item) => [item.role, item.label])).toEqual([
      ['undo', 'Ångra'],
      ['redo', 'Gör om'],
      ['cut', 'Klipp ut'],
      ['copy', 'Kopiera'],
      ['paste', 'Klistra in'],
      ['selectAll', 'Markera allt'],
    ]);
  });

  it('has zoom and full screen in the view menu', () => {
    const view = menu(setup().template, 'Visa');
    expect(find(view, 'Zooma in').role).toBe('zoomIn');
    expect(find(view, 'Zooma ut').role).toBe('zoomOut');
    expect(find(view, 'Återställ zoom').role).toBe('resetZoom');
    expect(find(view, 'Helskärm').role).toBe('togglefullscreen');
  });

  it('offers reload and developer tools only when not packaged', () => {
    const roles = (isPackaged: boolean) =>
      allItems(setup({ isPackaged }).template).map((item) => item.role ?? item.label);
    expect(roles(false)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    expect(find(menu(setup().template, 'Visa'), 'Verktyg för utvecklare').role).toBe('toggleDevTools');
    expect(roles(true)).not.toContain('reload');
    expect(roles(true)).not.toContain('forceReload');
    expect(roles(true)).not.toContain('toggleDevTools');
  });

  it('opens the about dialog from the help menu', () => {
    const { template, showAbout } = setup();
    click(find(menu(template, 'Hjälp'), 'Om Kortliggaren'));
    expect(showAbout).toHaveBeenCalledOnce();
  });

  it('labels nothing in English by default', () => {
    const english = new Set(['File', 'Edit', 'View', 'Help', 'Quit', 'Undo', 'Redo', 'Cut', 'Copy', 'Paste']);
    const labels = allItems(setup().template).flatMap((item) => (item.label ? [item.label] : []));
    expect(labels.length).toBeGreaterThan(20);
    expect(labels.filter((label) => english.has(label))).toEqual([]);
  });

  it('is available in English', () => {
    expect(setup({ language: 'en' }).template.map((item) => item.label)).toEqual([
      'File',
      'Edit',
      'View',
      'Help',
    ]);
  });

  it('puts the app menu first and Quit there on macOS', () => {
    const { template } = setup({ platform: 'darwin' });
    expect(template.map((item) => item.label)).toEqual([
      'Kortliggaren',
      'Arkiv',
      'Redigera',
      'Visa',
      'Hjälp',
    ]);
    expect(submenu(template[0]).map((item) => item.role)).toContain('quit');
    expect(menu(template, 'Arkiv').map((item) => item.role)).not.toContain('quit');
  });
});

describe('showAboutDialog', () => {
  beforeEach(() => {
    electron.dialog.showMessageBox.mockClear();
    electron.shell.openPath.mockClear();
  });

  it('shows the version and the data folder', async () => {
    await showAboutDialog(undefined, { version: '1.2.3', dataDir: '/data/Kortliggaren' });
    const options = electron.dialog.showMessageBox.mock.calls[0]?.[0] as { title: string; detail: string };
    expect(options.title).toBe('Om Kortliggaren');
    expect(options.detail).toContain('1.2.3');
    expect(options.detail).toContain('/data/Kortliggaren');
    expect(electron.shell.openPath).not.toHaveBeenCalled();
  });

  it('opens the data folder when asked to', async () => {
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    await showAboutDialog(undefined, { version: '1.2.3', dataDir: '/data/Kortliggaren' });
    expect(electron.shell.openPath).toHaveBeenCalledWith('/data/Kortliggaren');
  });
});
