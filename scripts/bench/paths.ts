import { existsSync, readFileSync } from 'node:fs';
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

/**
 * The browsers the register is measured in, first the one whose figure counts. Chromium's
 * headless shell (Debian's chromium-headless-shell; what Playwright's own headless mode
 * runs) renders a page as the full browser does but starts none of the browser's own UI.
 * The full browser in headless mode starts its WebUI pages (the omnibox popup, the new-tab
 * page) on the same two cores at the moment the page loads, which the desktop window never
 * has; it is measured too, when installed, for comparison.
 */
export const BROWSERS = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].filter((path) =>
  existsSync(path),
);
