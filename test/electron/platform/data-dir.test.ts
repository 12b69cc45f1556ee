import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DataDirConfigError,
  machineConfigPath,
  readConfiguredDataDir,
  readOptionalFile,
  resolveDatabasePath,
  resolveDataDir,
} from '../../../electron/platform/data-dir';

const HOME = join('/home', 'desk');
// No machine-wide config file: keeps these tests independent of the machine they run on.
const noConfig = () => undefined;

describe('resolveDataDir', () => {
  it('uses LOCALAPPDATA on Windows, never the roaming APPDATA', () => {
    const dir = resolveDataDir({
      platform: 'win32',
      env: { LOCALAPPDATA: join('C:', 'Users', 'desk', 'AppData', 'Local'), APPDATA: join('Z:', 'roaming') },
      home: HOME,
      readConfigFile: noConfig,
    });
    expect(dir).toBe(join('C:', 'Users', 'desk', 'AppData', 'Local', 'Kortliggaren'));
    expect(dir).not.toContain('roaming');
  });

  it('falls back to AppData\\Local under the home folder when LOCALAPPDATA is unset', () => {
    const dir = resolveDataDir({
      platform: 'win32',
      env: { APPDATA: join('Z:', 'roaming') },
      home: HOME,
      readConfigFile: noConfig,
    });
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
      readConfigFile: noConfig,
    });
    expect(dir).toBe(join('/srv', 'kort'));
  });

  it('uses XDG_DATA_HOME on Linux', () => {
    expect(
      resolveDataDir({
        platform: 'linux',
        env: { XDG_DATA_HOME: join('/data', 'xdg') },
        home: HOME,
        readConfigFile: noConfig,
      }),
    ).toBe(join('/data', 'xdg', 'kortliggaren'));
  });

  it('falls back to ~/.local/share on Linux', () => {
    expect(resolveDataDir({ platform: 'linux', env: {}, home: HOME, readConfigFile: noConfig })).toBe(
      join(HOME, '.local', 'share', 'kortliggaren'),
    );
  });

  it('uses Application Support on macOS', () => {
    expect(
      resolveDataDir({
        platform: 'darwin',
        env: { XDG_DATA_HOME: '/xdg' },
        home: HOME,
        readConfigFile: noConfig,
      }),
    ).toBe(join(HOME, 'Library', 'Application Support', 'Kortliggaren'));
  });
});

describe('the machine-wide config file', () => {
  const configFile = (text: string) => vi.fn((_path: string) => text);

  it.each([
    ['win32', { ProgramData: 'C:\\ProgramData' }, join('C:\\ProgramData', 'Kortliggaren', 'config.json')],
    ['win32', {}, join('C:\\ProgramData', 'Kortliggaren', 'config.json')],
    ['darwin', {}, join('/Library', 'Application Support', 'Kortliggaren', 'config.json')],
    ['linux', {}, join('/etc', 'kortliggaren', 'config.json')],
  ] as const)('lives on %s where only administrators write (%j)', (platform, env, expected) => {
    expect(machineConfigPath(platform, env)).toBe(expected);
  });

  it('sets the data folder on Windows, read from %ProgramData%', () => {
    const read = configFile('{ "dataDir": "D:\\\\Kortliggaren" }');
    const dir = resolveDataDir({
      platform: 'win32',
      env: { ProgramData: 'E:\\PD', LOCALAPPDATA: 'C:\\Users\\desk\\AppData\\Local' },
      home: HOME,
      readConfigFile: read,
    });
    expect(dir).toBe('D:\\Kortliggaren');
    expect(read).toHaveBeenCalledWith(join('E:\\PD', 'Kortliggaren', 'config.json'));
  });

  it.each([
    ['linux', '/srv/kortliggaren/'],
    ['darwin', '/Volumes/Data/Kortliggaren/'],
  ] as const)('sets the data folder on %s', (platform, dataDir) => {
    const dir = resolveDataDir({
      platform,
      env: { XDG_DATA_HOME: '/xdg' },
      home: HOME,
      readConfigFile: configFile(JSON.stringify({ dataDir })),
    });
    expect(dir).toBe(dataDir.replace(/\/$/, ''));
  });

  it('gives way to KORTLIGGAREN_DATA_DIR, which is not even read past', () => {
    const read = configFile('not json at all');
    const dir = resolveDataDir({
      platform: 'linux',
      env: { KORTLIGGAREN_DATA_DIR: '/from/env' },
      home: HOME,
      readConfigFile: read,
    });
    expect(dir).toBe('/from/env');
    expect(read).not.toHaveBeenCalled();
  });

  it('accepts a byte-order mark (as Notepad writes) and a file without dataDir', () => {
    expect(readConfiguredDataDir('win32', {}, configFile('\uFEFF{"dataDir":"D:/Kort"}'))).toBe('D:\\Kort');
    expect(readConfiguredDataDir('linux', {}, configFile('{}'))).toBeUndefined();
    expect(resolveDataDir({ platform: 'linux', env: {}, home: HOME, readConfigFile: configFile('{}') })).toBe(
      join(HOME, '.local', 'share', 'kortliggaren'),
    );
  });

  it.each([
    ['broken JSON', 'linux', '{ "dataDir": ', /inte giltig JSON.*not valid JSON/],
    ['not an object', 'linux', '["/srv"]', /JSON-objekt.*JSON object/],
    ['a misspelt key', 'linux', '{ "datadir": "/srv/k" }', /okända nycklar: datadir.*unknown keys: datadir/],
    ['a relative path', 'linux', '{ "dataDir": "data/kort" }', /absolut sökväg.*absolute path/],
    ['an empty path', 'darwin', '{ "dataDir": "" }', /absolute path/],
    ['a number', 'linux', '{ "dataDir": 7 }', /absolute path/],
    [
      'a Windows path without drive',
      'win32',
      '{ "dataDir": "\\\\Kortliggaren" }',
      /e\.g\. "D:\\\\Kortliggaren"/,
    ],
    ['a relative Windows path', 'win32', '{ "dataDir": "Kortliggaren" }', /absolute path/],
  ] as const)('refuses %s, naming the file', (_case, platform, text, message) => {
    const attempt = () => resolveDataDir({ platform, env: {}, home: HOME, readConfigFile: configFile(text) });
    expect(attempt).toThrow(DataDirConfigError);
    expect(attempt).toThrow(message);
    expect(attempt).toThrow(machineConfigPath(platform, {}));
  });

  it('reports a file it is not allowed to read', () => {
    const attempt = () =>
      resolveDataDir({
        platform: 'linux',
        env: {},
        home: HOME,
        readConfigFile: () => {
          throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        },
      });
    expect(attempt).toThrow(/kan inte läsas.*permission denied/);
  });
});

describe('readOptionalFile', () => {
  it('reads a file, returns undefined for a missing one and throws for a folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kortliggaren-config-'));
    try {
      writeFileSync(join(dir, 'config.json'), '{"dataDir":"/x"}');
      mkdirSync(join(dir, 'folder.json'));
      expect(readOptionalFile(join(dir, 'config.json'))).toBe('{"dataDir":"/x"}');
      expect(readOptionalFile(join(dir, 'missing.json'))).toBeUndefined();
      expect(readOptionalFile(join(dir, 'config.json', 'below'))).toBeUndefined();
      expect(() => readOptionalFile(join(dir, 'folder.json'))).toThrow(/EISDIR/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('resolveDatabasePath', () => {
  it('puts the database in the data folder', () => {
    expect(resolveDatabasePath(join('/data', 'Kortliggaren'))).toBe(
      join('/data', 'Kortliggaren', 'kortliggaren.db'),
    );
  });
});
