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
  win?: { target?: string[] };
  nsis?: Record<string, unknown>;
  linux?: { target?: string[]; category?: string };
  mac?: { target?: string[]; category?: string };
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
      beforeBuild({ appDir: ROOT, electronVersion: '40.8.5', platform: { nodeName: 'linux' }, arch: 'x64' }),
    ).resolves.toBe(true);

    expect(process.env.npm_config_nodedir).toBeUndefined();
    expect(process.env.NPM_CONFIG_NODEDIR).toBeUndefined();
    expect(process.env.npm_config_node_gyp).toBeUndefined();
    expect(process.env.npm_config_cache).toBe('/cache');
  });
});
