import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The repository root. run.mjs runs the bench as a bundle from node_modules/.cache and says
 * where the sources are; run through tsx, this folder is scripts/bench.
 */
export const ROOT = process.env.BENCH_ROOT ?? resolve(import.meta.dirname, '../..');

/** The app version from package.json (the CLI's own lookup is relative to its source file). */
export function appVersion(): string {
  return (JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
