import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { Backend } from '../../electron/app/backend';
import { startWebServer } from '../../electron/dev-web/server';
import { ROOT } from './paths';

const CHROMIUM = '/usr/bin/chromium';
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
})();`;

/**
 * The register view over a database in headless Chromium, loading the production build
 * (dist/renderer) from the browser-mode server with the app's own router: milliseconds
 * from navigation until the first rows are painted. The first load is cold (no HTTP or
 * code cache); `warm` is the median of three reloads.
 */
export async function measureListPaint(backend: Backend): Promise<{ coldMs: number; warmMs: number }> {
  const server = await startWebServer({
    router: backend.router,
    port: 0,
    renderer: { kind: 'static', dir: resolve(ROOT, 'dist/renderer') },
  });
  const profile = mkdtempSync(join(tmpdir(), 'kortliggaren-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(WATCH_FIRST_ROWS);
    const load = async (): Promise<number> => {
      await page.goto(`${server.url}/#/register`);
      await page.waitForFunction(() => window.__firstRowsAt !== undefined, null, { timeout: 60_000 });
      return page.evaluate(() => window.__firstRowsAt!);
    };
    const coldMs = await load();
    const warm: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.goto('about:blank');
      warm.push(await load());
    }
    warm.sort((a, b) => a - b);
    return { coldMs, warmMs: warm[1]! };
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
