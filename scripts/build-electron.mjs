// Bundles the Electron main process and the preload into dist-electron/ with esbuild.
// Usage: node scripts/build-electron.mjs
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Builds main.cjs and preload.cjs into `outDir` (default dist-electron/).
 * @param {{ outDir?: string, root?: string }} [options]
 * @returns {Promise<{ main: string, preload: string }>} the paths written
 */
export async function buildElectron(options = {}) {
  const root = options.root ?? ROOT;
  const outDir = options.outDir ?? join(root, 'dist-electron');
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    sourcemap: true,
    logLevel: 'warning',
    absWorkingDir: root,
  };
  const main = join(outDir, 'main.cjs');
  const preload = join(outDir, 'preload.cjs');
  await Promise.all([
    build({
      ...common,
      entryPoints: [join(root, 'electron/main/main.ts')],
      outfile: main,
      // better-sqlite3 loads its .node file at run time, so it stays a real dependency
      // that electron-builder rebuilds for Electron.
      external: ['electron', 'better-sqlite3'],
      define: { __KORTLIGGAREN_VERSION__: JSON.stringify(version) },
    }),
    build({
      ...common,
      entryPoints: [join(root, 'electron/preload/preload.ts')],
      outfile: preload,
      // A sandboxed preload can require only 'electron' (and a few built-ins), so
      // everything else must be inlined.
      external: ['electron'],
    }),
  ]);
  return { main, preload };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { main, preload } = await buildElectron();
  console.log(`Byggt / built: ${main}, ${preload}`);
}
