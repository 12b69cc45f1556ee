import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { nativeBindingPath, resolveNativeBinding } from '../../../electron/platform/native-binding';

interface ElectronNativeScript {
  nativeTargetPath(root: string, electronVersion: string, platform: string, arch: string): string;
  buildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
  copyPackageWithoutBuild(from: string, to: string): void;
}

const SCRIPT = pathToFileURL(resolve(import.meta.dirname, '../../../scripts/electron-native.mjs')).href;
// Imported by URL: the script is plain JavaScript without type declarations.
const script = (await import(SCRIPT)) as ElectronNativeScript;

const base = {
  appPath: join('/home', 'desk', 'kortliggaren'),
  electronVersion: '40.8.5',
  platform: 'linux',
  arch: 'x64',
};
const expected = join(base.appPath, '.electron-native', '40.8.5-linux-x64', 'better_sqlite3.node');

describe('resolveNativeBinding', () => {
  it('returns the .electron-native build in development when it exists', () => {
    const exists = vi.fn((path: string) => path === expected);
    expect(resolveNativeBinding({ ...base, isPackaged: false, exists })).toBe(expected);
    expect(exists).toHaveBeenCalledWith(expected);
  });

  it('keys the build by Electron version, platform and architecture', () => {
    const found = resolveNativeBinding({
      ...base,
      electronVersion: '41.0.0',
      platform: 'win32',
      arch: 'arm64',
      isPackaged: false,
      exists: () => true,
    });
    expect(found).toBe(join(base.appPath, '.electron-native', '41.0.0-win32-arm64', 'better_sqlite3.node'));
  });

  it('explains in Swedish and English how to build it when it is missing', () => {
    const attempt = () => resolveNativeBinding({ ...base, isPackaged: false, exists: () => false });
    expect(attempt).toThrow(/saknas/);
    expect(attempt).toThrow(/is missing/);
    expect(attempt).toThrow('node scripts/electron-native.mjs');
  });

  it('leaves a packaged app to the module electron-builder rebuilt', () => {
    const exists = vi.fn(() => false);
    expect(resolveNativeBinding({ ...base, isPackaged: true, exists })).toBeUndefined();
    expect(exists).not.toHaveBeenCalled();
  });
});

describe('scripts/electron-native.mjs', () => {
  it('writes the binding exactly where the app looks for it', () => {
    for (const [version, platform, arch] of [
      ['40.8.5', 'linux', 'x64'],
      ['40.8.5', 'win32', 'ia32'],
      ['39.0.0', 'darwin', 'arm64'],
    ] as const) {
      expect(script.nativeTargetPath(base.appPath, version, platform, arch)).toBe(
        nativeBindingPath(base.appPath, version, platform, arch),
      );
    }
  });

  it('drops npm_config_nodedir (any case) and node-gyp overrides, keeping the rest', () => {
    const env = script.buildEnv({
      PATH: '/usr/bin',
      npm_config_nodedir: '/usr',
      NPM_CONFIG_NODEDIR: '/usr',
      npm_config_node_gyp: '/elsewhere/node-gyp.js',
      npm_config_runtime: 'node',
      npm_config_target: '20.0.0',
      npm_config_cache: '/cache',
    });
    expect(env).toEqual({ PATH: '/usr/bin', npm_config_cache: '/cache' });
  });

  it('copies the package without its build folder', () => {
    const work = mkdtempSync(join(tmpdir(), 'kortliggaren-native-copy-'));
    try {
      const from = join(work, 'from');
      mkdirSync(join(from, 'build', 'Release'), { recursive: true });
      mkdirSync(join(from, 'src'), { recursive: true });
      mkdirSync(join(from, 'buildtools'), { recursive: true });
      writeFileSync(join(from, 'build', 'Release', 'better_sqlite3.node'), 'node build');
      writeFileSync(join(from, 'src', 'better_sqlite3.cpp'), '//');
      writeFileSync(join(from, 'buildtools', 'keep.txt'), 'kept');
      writeFileSync(join(from, 'package.json'), '{}');

      script.copyPackageWithoutBuild(from, join(work, 'to'));

      expect(readdirSync(join(work, 'to')).sort()).toEqual(['buildtools', 'package.json', 'src']);
      expect(existsSync(join(work, 'to', 'buildtools', 'keep.txt'))).toBe(true);
      expect(existsSync(join(from, 'build', 'Release', 'better_sqlite3.node'))).toBe(true);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
