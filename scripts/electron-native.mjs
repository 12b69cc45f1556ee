// Builds better-sqlite3 for the installed Electron into .electron-native/ so `electron .`
// can load it, while node_modules/better-sqlite3/build stays the Node build the tests use.
// Usage: node scripts/electron-native.mjs [--force]
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'package.json'));

/**
 * Where the Electron build goes; must match electron/platform/native-binding.ts (a test
 * checks that it does).
 * @param {string} root @param {string} electronVersion @param {string} platform @param {string} arch
 */
export function nativeTargetPath(root, electronVersion, platform, arch) {
  return join(root, '.electron-native', `${electronVersion}-${platform}-${arch}`, 'better_sqlite3.node');
}

/**
 * The environment for the build tools. npm passes its config down as npm_config_* variables;
 * a `nodedir` (set on some machines) makes node-gyp quietly use Node's headers instead of
 * Electron's, and the result would crash Electron on load. The same holds for runtime,
 * target and dist-url, which this script passes explicitly.
 * @param {NodeJS.ProcessEnv} env
 */
export function buildEnv(env) {
  const clean = { ...env };
  for (const key of Object.keys(clean)) {
    const name = key.toLowerCase();
    if (
      name === 'npm_config_nodedir' ||
      name === 'npm_config_node_gyp' ||
      name === 'npm_config_runtime' ||
      name === 'npm_config_target' ||
      name === 'npm_config_disturl' ||
      name === 'npm_config_dist_url'
    ) {
      delete clean[key];
    }
  }
  return clean;
}

/**
 * Copies the package without its build/ folder, so the build happens beside, never in,
 * node_modules/better-sqlite3.
 * @param {string} from @param {string} to
 */
export function copyPackageWithoutBuild(from, to) {
  cpSync(from, to, {
    recursive: true,
    filter: (source) => {
      const rel = relative(from, source);
      return rel !== 'build' && !rel.startsWith(`build${sep}`);
    },
  });
}

/** @param {string} command @param {string[]} args @param {string} cwd @param {NodeJS.ProcessEnv} env */
function run(command, args, cwd, env) {
  console.log(`> ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd, env, stdio: 'inherit' });
  return result.status === 0;
}

function main() {
  const electronVersion = require('electron/package.json').version;
  const { platform, arch } = process;
  const target = nativeTargetPath(ROOT, electronVersion, platform, arch);
  if (existsSync(target) && !process.argv.includes('--force')) {
    console.log(`better-sqlite3 för Electron ${electronVersion} finns redan / already built: ${target}`);
    return;
  }

  const sourcePackage = dirname(require.resolve('better-sqlite3/package.json'));
  const { version: sqliteVersion } = JSON.parse(readFileSync(join(sourcePackage, 'package.json'), 'utf8'));
  const work = mkdtempSync(join(tmpdir(), 'kortliggaren-native-'));
  try {
    const pkg = join(work, 'better-sqlite3');
    copyPackageWithoutBuild(sourcePackage, pkg);
    const env = buildEnv(process.env);
    const prebuildInstall = require.resolve('prebuild-install/bin.js');
    const downloaded = run(
      process.execPath,
      [
        prebuildInstall,
        '--runtime=electron',
        `--target=${electronVersion}`,
        `--arch=${arch}`,
        `--platform=${platform}`,
      ],
      pkg,
      env,
    );
    if (!downloaded) {
      console.log('Ingen färdig binär; bygger från källkod / no prebuilt binary; building from source');
      const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
      const built = run(
        process.execPath,
        [
          nodeGyp,
          'rebuild',
          '--release',
          '--runtime=electron',
          `--target=${electronVersion}`,
          `--arch=${arch}`,
          '--dist-url=https://electronjs.org/headers',
          // Electron headers apart from Node's, like @electron/rebuild keeps them.
          `--devdir=${join(homedir(), '.electron-gyp')}`,
        ],
        pkg,
        env,
      );
      if (!built) throw new Error('node-gyp misslyckades / node-gyp failed');
    }
    const result = join(pkg, 'build', 'Release', 'better_sqlite3.node');
    if (!existsSync(result)) throw new Error(`Ingen binär byggdes / no binary produced: ${result}`);
    mkdirSync(dirname(target), { recursive: true });
    // Copy then rename, so a half-copied file is never taken for a finished build.
    const partial = `${target}.${process.pid}.tmp`;
    copyFileSync(result, partial);
    renameSync(partial, target);
    console.log(`better-sqlite3 ${sqliteVersion} för Electron ${electronVersion} → ${target}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
