import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { Backend } from '../../electron/app/backend';
import { startWebServer } from '../../electron/dev-web/server';
import { ROOT } from './paths';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

declare global {
  interface Window {
    /** performance.now() (ms since navigation) at the frame after the first loaded row. */
    __firstRowsAt?: number;
    /** Resolves with the ms from a hash change to the register until its first rows are painted. */
    __navigateToRegister?: () => Promise<number>;
  }
}

// Runs in the page before its own scripts: notes the first animation frame after the
// register's first row holds a card (loaded rows are not aria-busy), i.e. when the
// browser paints it. A string, because tsx would wrap a function with helpers the page
// does not have.
const WATCH_FIRST_ROWS = `(() => {
  const seen = () => {
    const row = document.querySelector('[role="row"][aria-rowindex="2"]:not([aria-busy])');
    return row instanceof HTMLElement && row.offsetParent !== null && row.textContent !== '';
  };
  const observer = new MutationObserver(() => {
    if (window.__firstRowsAt !== undefined || !seen()) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.__firstRowsAt = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
  window.__navigateToRegister = () => new Promise((resolve) => {
    const start = performance.now();
    const watch = new MutationObserver(() => {
      if (!seen()) return;
      watch.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - start));
    });
    watch.observe(document, { childList: true, subtree: true, attributes: true });
    location.hash = '#/register';
  });
})();`;

/** First starts, each on a new profile: single runs on a shared machine vary by a fifth. */
const FIRST_STARTS = 3;
/** Browser restarts on one profile after the first start. */
const RESTARTS = 4;
/** In-app navigations to the register, from the form. */
const NAVIGATIONS = 5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * The register view with the cards of `backend` in headless Chromium, loading the
 * production build (dist/renderer) from the browser-mode server with the app's own router:
 * milliseconds until the first rows are painted.
 * - `firstStartMs`: the median of browsers started on a new profile each, opening
 *   `#/register` (nothing cached; the app's first start); `firstStartsMs` all of them.
 * - `restartMs`: the median of browser restarts on that profile opening `#/register` (HTTP
 *   and V8 code cache as a later start has them), leaving out the first restart, which
 *   writes the code cache.
 * - `inAppMs`: the median of navigations from the form to the register inside the running
 *   app, from the address change until the rows are painted (how a desk opens it).
 */
export async function measureListPaint(
  backend: Backend,
  browser: string,
): Promise<{
  firstStartMs: number;
  firstStartsMs: number[];
  restartMs: number;
  inAppMs: number;
  startsMs: number[];
}> {
  const server = await startWebServer({
    router: backend.router,
    port: 0,
    renderer: { kind: 'static', dir: resolve(ROOT, 'dist/renderer') },
  });
  const profiles: string[] = [];
  const newProfile = () => {
    profiles.push(mkdtempSync(join(tmpdir(), 'kortliggaren-bench-chromium-')));
    return profiles[profiles.length - 1]!;
  };
  let profile = newProfile();
  const launch = () =>
    chromium.launchPersistentContext(profile, { executablePath: browser, headless: true, args: ARGS });
  const start = async (): Promise<number> => {
    const context = await launch();
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.addInitScript(WATCH_FIRST_ROWS);
      await page.goto(`${server.url}/#/register`);
      await page.waitForFunction(() => window.__firstRowsAt !== undefined, null, { timeout: 60_000 });
      return await page.evaluate(() => window.__firstRowsAt!);
    } finally {
      await context.close();
    }
  };
  try {
    const firstStartsMs: number[] = [];
    for (let i = 0; i < FIRST_STARTS; i++) {
      if (i > 0) profile = newProfile();
      firstStartsMs.push(await start());
    }
    // Then restarts on the last of those profiles.
    const startsMs: number[] = [firstStartsMs[firstStartsMs.length - 1]!];
    for (let i = 0; i < RESTARTS; i++) startsMs.push(await start());
    const context = await launch();
    const navigations: number[] = [];
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.addInitScript(WATCH_FIRST_ROWS);
      for (let i = 0; i < NAVIGATIONS; i++) {
        await page.goto(`${server.url}/#/registrera`);
        await page.getByRole('textbox').first().waitFor({ timeout: 60_000 });
        await page.waitForLoadState('networkidle');
        navigations.push(await page.evaluate(() => window.__navigateToRegister!()));
      }
    } finally {
      await context.close();
    }
    return {
      firstStartMs: median(firstStartsMs),
      firstStartsMs,
      restartMs: median(startsMs.slice(2)),
      inAppMs: median(navigations),
      startsMs,
    };
  } finally {
    await server.close();
    for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
  }
}
