// Bundles the Electron main process, the preload, the XLSX worker and the worker boot file
// (electron/platform/worker-boot.mjs) into dist-electron/ with esbuild.
// Usage: node scripts/build-electron.mjs
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// The CommonJS main bundle has no `import.meta`; this stands in for `import.meta.url` and
// names the bundle itself, so relative URLs in the sources (the XLSX worker beside
// electron/export/xlsx.ts) resolve next to main.cjs, where the worker bundle is written.
const IMPORT_META_URL = '__kortliggaren_import_meta_url';

/** @param {string} root */
function commonOptions(root) {
  return /** @type {const} */ ({
    bundle: true,
    platform: 'node',
    target: 'node22',
    sourcemap: true,
    logLevel: 'warning',
    absWorkingDir: root,
  });
}

/**
 * Node's built-in modules as `node:…`, whatever a dependency wrote: `pg` (the regional hub's
 * client, inlined) requires 'net', 'tls', 'util' … by their bare names.
 * @type {import('esbuild').Plugin}
 */
const nodeBuiltins = {
  name: 'node-builtins',
  setup(b) {
    b.onResolve({ filter: /^[a-z_]+(\/[a-z_]+)?$/ }, (args) =>
      builtinModules.includes(args.path) ? { path: `node:${args.path}`, external: true } : undefined,
    );
  },
};

/**
 * `pg` offers an optional native binding it loads only when asked (`pg.native`), and
 * catches MODULE_NOT_FOUND when it is absent, as it is here: say exactly that.
 * @type {import('esbuild').Plugin}
 */
const pgNativeAbsent = {
  name: 'pg-native-absent',
  setup(b) {
    b.onResolve({ filter: /^pg-native$/ }, () => ({ path: 'pg-native', namespace: 'absent' }));
    b.onLoad({ filter: /.*/, namespace: 'absent' }, () => ({
      contents:
        "const e = new Error(\"Cannot find module 'pg-native'\"); e.code = 'MODULE_NOT_FOUND'; throw e;",
      loader: 'js',
    }));
  },
};

/**
 * The esbuild options of the main-process bundle, without entry point and output file;
 * exported so a test can bundle another module exactly as main.cjs is bundled.
 * @param {string} root @param {string} version
 * @returns {import('esbuild').BuildOptions}
 */
export function mainBundleOptions(root, version) {
  return {
    ...commonOptions(root),
    format: 'cjs',
    // better-sqlite3 loads its .node file at run time, so it stays a real dependency
    // that electron-builder rebuilds for Electron.
    external: ['electron', 'better-sqlite3'],
    plugins: [nodeBuiltins, pgNativeAbsent],
    define: {
      __KORTLIGGAREN_VERSION__: JSON.stringify(version),
      'import.meta.url': IMPORT_META_URL,
    },
    banner: { js: `const ${IMPORT_META_URL} = require("node:url").pathToFileURL(__filename).href;` },
  };
}

/**
 * Builds main.cjs, preload.cjs, xlsx-worker.mjs and worker-boot.mjs into `outDir` (default
 * dist-electron/).
 * @param {{ outDir?: string, root?: string }} [options]
 * @returns {Promise<{ main: string, preload: string, xlsxWorker: string, workerBoot: string, warnings: import('esbuild').Message[] }>}
 *   the paths written, and esbuild's warnings (also printed)
 */
export async function buildElectron(options = {}) {
  const root = options.root ?? ROOT;
  const outDir = options.outDir ?? join(root, 'dist-electron');
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const main = join(outDir, 'main.cjs');
  const preload = join(outDir, 'preload.cjs');
  const xlsxWorker = join(outDir, 'xlsx-worker.mjs');
  const workerBoot = join(outDir, 'worker-boot.mjs');
  const results = await Promise.all([
    build({
      ...mainBundleOptions(root, version),
      entryPoints: [join(root, 'electron/main/main.ts')],
      outfile: main,
    }),
    build({
      ...commonOptions(root),
      format: 'cjs',
      entryPoints: [join(root, 'electron/preload/preload.ts')],
      outfile: preload,
      // A sandboxed preload can require only 'electron' (and a few built-ins), so
      // everything else must be inlined.
      external: ['electron'],
    }),
    build({
      ...commonOptions(root),
      // The worker awaits at top level, which only an ES module may do.
      format: 'esm',
      entryPoints: [join(root, 'electron/export/xlsx-worker.ts')],
      outfile: xlsxWorker,
      // exceljs is a development dependency: inlined here, the packaged app needs no copy
      // of it. Its CommonJS code requires Node built-ins, which an ES module can only do
      // through a real `require`.
      banner: {
        js: 'import { createRequire as __kortliggaren_create_require } from "node:module";\nconst require = __kortliggaren_create_require(import.meta.url);',
      },
    }),
    build({
      ...commonOptions(root),
      // Every worker thread starts here (electron/platform/worker-thread.ts), found next to
      // main.cjs; it imports only Node built-ins.
      format: 'esm',
      entryPoints: [join(root, 'electron/platform/worker-boot.mjs')],
      outfile: workerBoot,
    }),
  ]);
  return { main, preload, xlsxWorker, workerBoot, warnings: results.flatMap((result) => result.warnings) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { main, preload, xlsxWorker, workerBoot } = await buildElectron();
  console.log(`Byggt / built: ${main}, ${preload}, ${xlsxWorker}, ${workerBoot}`);
}
