import { join } from 'node:path';
import { resolveDatabasePath, resolveDataDir } from '../../../electron/platform/data-dir';

const HOME = join('/home', 'desk');

describe('resolveDataDir', () => {
  it('uses LOCALAPPDATA on Windows, never the roaming APPDATA', () => {
    const dir = resolveDataDir({
      platform: 'win32',
      env: { LOCALAPPDATA: join('C:', 'Users', 'desk', 'AppData', 'Local'), APPDATA: join('Z:', 'roaming') },
      home: HOME,
    });
    expect(dir).toBe(join('C:', 'Users', 'desk', 'AppData', 'Local', 'Kortliggaren'));
    expect(dir).not.toContain('roaming');
  });

  it('falls back to AppData\\Local under the home folder when LOCALAPPDATA is unset', () => {
    const dir = resolveDataDir({ platform: 'win32', env: { APPDATA: join('Z:', 'roaming') }, home: HOME });
    expect(dir).toBe(join(HOME, 'AppData', 'Local', 'Kortliggaren'));
  });

  it.each(['win32', 'darwin', 'linux'] as const)('lets KORTLIGGAREN_DATA_DIR win on %s', (platform) => {
    const dir = resolveDataDir({
      platform,
      env: {
        KORTLIGGAREN_DATA_DIR: join('/srv', 'kort'),
        LOCALAPPDATA: join('C:', 'Local'),
        XDG_DATA_HOME: join('/xdg'),
      },
      home: HOME,
    });
    expect(dir).toBe(join('/srv', 'kort'));
  });

  it('uses XDG_DATA_HOME on Linux', () => {
    expect(
      resolveDataDir({ platform: 'linux', env: { XDG_DATA_HOME: join('/data', 'xdg') }, home: HOME }),
    ).toBe(join('/data', 'xdg', 'kortliggaren'));
  });

  it('falls back to ~/.local/share on Linux', () => {
    expect(resolveDataDir({ platform: 'linux', env: {}, home: HOME })).toBe(
      join(HOME, '.local', 'share', 'kortliggaren'),
    );
  });

  it('uses Application Support on macOS', () => {
    expect(resolveDataDir({ platform: 'darwin', env: { XDG_DATA_HOME: '/xdg' }, home: HOME })).toBe(
      join(HOME, 'Library', 'Application Support', 'Kortliggaren'),
    );
  });
});

describe('resolveDatabasePath', () => {
  it('puts the database in the data folder', () => {
    expect(resolveDatabasePath(join('/data', 'Kortliggaren'))).toBe(
      join('/data', 'Kortliggaren', 'kortliggaren.db'),
    );
  });
});
