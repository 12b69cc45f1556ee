import type * as ChildProcess from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { load } from 'js-yaml';

const ROOT = resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

interface BuilderConfig {
  appId?: string;
  productName?: string;
  directories?: { output?: string; buildResources?: string };
  files?: string[];
  asar?: boolean;
  asarUnpack?: string[];
  npmRebuild?: boolean;
  buildDependenciesFromSource?: boolean;
  beforeBuild?: string;
  publish?: unknown;
  electronFuses?: Record<string, boolean>;
  win?: { target?: string[]; icon?: string };
  nsis?: Record<string, unknown>;
  linux?: { target?: string[]; category?: string; icon?: string };
  mac?: { target?: string[]; category?: string; icon?: string };
}

const config = load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string };

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation', async () => {
    // The validator electron-builder runs before every build; a misspelt key fails here.
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration: (config: unknown, logger: { isEnabled: boolean; add(): void }) => Promise<void>;
    };
    const logger = { isEnabled: false, add: () => {} };
    await expect(validateConfiguration(config, logger)).resolves.toBeUndefined();
    await expect(
      validateConfiguration(
        { ...config, electronFuses: { ...config.electronFuses, runAsnode: false } },
        logger,
      ),
    ).rejects.toThrow(/electronFuses/);
  });

  it('identifies the app', () => {
    expect(config.appId).toBe('se.kortliggaren.app');
    expect(config.productName).toBe('Kortliggaren');
    expect(config.directories).toEqual({ output: 'release', buildResources: 'build' });
  });

  it('packs only the built app into an asar, with native modules unpacked', () => {
    expect(config.files?.filter((pattern) => !pattern.startsWith('!'))).toEqual([
      'dist/renderer/**',
      'dist-electron/**',
      'package.json',
    ]);
    expect(packageJson.main.startsWith('dist-electron/')).toBe(true);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
  });

  it('unpacks the worker boot file and the XLSX worker that worker-thread.ts loads from app.asar.unpacked', () => {
    expect(config.asarUnpack).toContain('dist-electron/xlsx-worker.mjs');
    expect(config.asarUnpack).toContain('dist-electron/worker-boot.mjs');
  });

  it('publishes nowhere', () => {
    expect(config).toHaveProperty('publish', null);
  });

  it('locks the Electron fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds the installers for each platform', () => {
    expect(config.win?.target).toEqual(['nsis', 'portable']);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: true,
      allowToChangeInstallationDirectory: true,
      installerLanguages: ['sv_SE'],
      language: '1053',
    });
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], category: 'Office' });
    expect(config.mac).toMatchObject({ target: ['dmg'], category: 'public.app-category.business' });
  });

  it('rebuilds native modules for Electron from source, through the beforeBuild hook', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource).toBe(true);
    expect(config.beforeBuild).toBe('./scripts/before-build.cjs');
    expect(existsSync(join(ROOT, config.beforeBuild ?? ''))).toBe(true);
  });

  it('restores the Node build of better-sqlite3 after packaging, for the tests', () => {
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageScripts).scripts;
    expect(scripts.dist).toMatch(
      /electron-builder --config electron-builder\.yml && npm rebuild better-sqlite3$/,
    );
    // npm start uses its own Electron build in .electron-native/ and leaves node_modules alone.
    expect(scripts.start).toContain('node scripts/electron-native.mjs');
  });

  it('points every platform at the generated icons', () => {
    expect(config.win?.icon).toBe('build/icon.ico');
    expect(config.mac?.icon).toBe('build/icon.icns');
    expect(config.linux?.icon).toBe('build/icons');
  });
});

interface PackageScripts {
  scripts: Record<string, string>;
}

const PNG_SIGNATURE = '89504e470d0a1a0a';

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe(PNG_SIGNATURE);
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('icons in build/', () => {
  const read = (name: string) => readFileSync(join(ROOT, 'build', name));

  it('has the SVG source and a 512×512 PNG', () => {
    expect(read('icon.svg').toString('utf8')).toContain('<svg');
    expect(pngSize(read('icon.png'))).toEqual({ width: 512, height: 512 });
  });

  it('has the Linux icon set, each file the size its name says', () => {
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(read(`icons/${size}x${size}.png`))).toEqual({ width: size, height: size });
    }
  });

  it('has a Windows ICO from 16 to 256 px: bitmaps below 256, a PNG at 256', () => {
    const ico = read('icon.ico');
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const entry = 6 + i * 16;
      const size = ico[entry] || 256;
      const length = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      expect(offset + length).toBeLessThanOrEqual(ico.length);
      const image = ico.subarray(offset, offset + length);
      if (size === 256) {
        expect(pngSize(image)).toEqual({ width: 256, height: 256 });
      } else {
        // BITMAPINFOHEADER: 32 bits per pixel, height doubled for the AND mask.
        expect([image.readUInt32LE(0), image.readInt32LE(4), image.readInt32LE(8)]).toEqual([
          40,
          size,
          size * 2,
        ]);
        expect(image.readUInt16LE(14)).toBe(32);
        expect(length).toBe(40 + size * size * 4 + Math.ceil(size / 32) * 4 * size);
      }
      sizes.push(size);
    }
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('has a macOS ICNS with PNG images up to 1024 px', () => {
    const icns = read('icon.icns');
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const entries: Record<string, number> = {};
    for (let at = 8; at < icns.length;) {
      const type = icns.toString('latin1', at, at + 4);
      const length = icns.readUInt32BE(at + 4);
      entries[type] = pngSize(icns.subarray(at + 8, at + length)).width;
      at += length;
    }
    expect(entries).toEqual({
      ic11: 32,
      ic12: 64,
      ic07: 128,
      ic13: 256,
      ic08: 256,
      ic14: 512,
      ic09: 512,
      ic10: 1024,
    });
  });
});

describe('scripts/before-build.cjs', () => {
  const saved = { ...process.env };

  afterEach(() => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  });

  it('removes the npm overrides that would build for Node, and lets electron-builder go on', async () => {
    const beforeBuild = require(join(ROOT, 'scripts/before-build.cjs')) as (
      context: unknown,
    ) => Promise<boolean>;
    process.env.npm_config_nodedir = '/usr';
    process.env.NPM_CONFIG_NODEDIR = '/usr';
    process.env.npm_config_node_gyp = '/somewhere/node-gyp.js';
    process.env.npm_config_cache = '/cache';

    await expect(
      beforeBuild({
        appDir: ROOT,
        electronVersion: '40.8.5',
        platform: { nodeName: process.platform },
        arch: 'x64',
      }),
    ).resolves.toBe(true);

    expect(process.env.npm_config_nodedir).toBeUndefined();
    expect(process.env.NPM_CONFIG_NODEDIR).toBeUndefined();
    expect(process.env.npm_config_node_gyp).toBeUndefined();
    expect(process.env.npm_config_cache).toBe('/cache');
  });

  it('refuses to package for another operating system, where the rebuild would be skipped', async () => {
    const beforeBuild = require(join(ROOT, 'scripts/before-build.cjs')) as (
      context: unknown,
    ) => Promise<boolean>;
    const other = process.platform === 'win32' ? 'linux' : 'win32';
    await expect(
      beforeBuild({ appDir: ROOT, electronVersion: '40.8.5', platform: { nodeName: other }, arch: 'x64' }),
    ).rejects.toThrow(/operating system/);
  });

  it('runs inside electron-builder before @electron/rebuild, which then starts without nodedir', async () => {
    // electron-builder's own packaging step, with this config; only the fork of the
    // rebuild process is replaced, and what it would have started is recorded.
    const childProcess = require('node:child_process') as typeof ChildProcess;
    const started: { nodedir: string | undefined; env: unknown; options: Record<string, unknown> }[] = [];
    const fork = vi.spyOn(childProcess, 'fork').mockImplementation(((
      _module: string,
      args: string[],
      options: { env?: unknown },
    ) => {
      started.push({
        nodedir: process.env.npm_config_nodedir ?? process.env.NPM_CONFIG_NODEDIR,
        env: options.env,
        options: JSON.parse(args[0] ?? '{}') as Record<string, unknown>,
      });
      const child = Object.assign(new EventEmitter(), {
        stdout: new EventEmitter(),
        stderr: new EventEmitter(),
      });
      setImmediate(() => child.emit('exit', 0));
      return child;
    }) as unknown as typeof childProcess.fork);
    try {
      process.env.npm_config_nodedir = '/usr';
      const { Packager } = require('app-builder-lib/out/packager.js') as {
        Packager: { prototype: { installAppDependencies(platform: unknown, arch: number): Promise<void> } };
      };
      const { Arch } = require('builder-util') as { Arch: { x64: number } };
      const packager = {
        options: {},
        framework: { isNpmRebuildRequired: true, version: '40.8.5' },
        config: { ...config, electronVersion: '40.8.5' },
        appInfo: { type: 'app' },
        getWorkspaceRoot: () => Promise.resolve(ROOT),
        appDir: ROOT,
        projectDir: ROOT,
        runtimeEnvironmentVariables: {},
      };
      await Packager.prototype.installAppDependencies.call(
        packager,
        { nodeName: process.platform },
        Arch.x64,
      );
    } finally {
      fork.mockRestore();
    }
    expect(started).toHaveLength(1);
    // No env of its own: the child inherits process.env as the hook left it.
    expect(started[0]?.env).toBeUndefined();
    expect(started[0]?.nodedir).toBeUndefined();
    expect(started[0]?.options).toMatchObject({
      electronVersion: '40.8.5',
      buildFromSource: true,
      platform: process.platform,
      arch: 'x64',
      buildPath: ROOT,
    });
  });
});
