import { mkdirSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { build } from 'esbuild';

/** The repository root (scripts/reliability/ is two levels down). */
export const ROOT = resolve(import.meta.dirname, '../..');

// Inside node_modules, so the bundle's bare imports (better-sqlite3, zod, …) resolve to
// the project's own packages; .cache is where tools keep such files and git ignores it.
const OUT_DIR = join(ROOT, 'node_modules', '.cache', 'kortliggaren-reliability');

/**
 * Bundles a child entry point (TypeScript, importing the real app code) into one ES module
 * that plain `node` starts in a fraction of tsx's start-up time; hundreds of children
 * are killed in a run, so start-up is most of the cost. Dependencies stay external: the
 * child runs the very packages the app does. `dispose` removes the bundle again.
 */
export async function bundleChild(entry: string): Promise<{ path: string; dispose: () => void }> {
  mkdirSync(OUT_DIR, { recursive: true });
  const outfile = join(OUT_DIR, `${basename(entry, '.ts')}.${process.pid}.mjs`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    absWorkingDir: ROOT,
  });
  return { path: outfile, dispose: () => rmSync(outfile, { force: true }) };
}
