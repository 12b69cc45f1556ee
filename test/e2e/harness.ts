import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { tempDir } from '../fixtures/cards';
import { completeSetupIfShown } from './setup-helper';

const ROOT = resolve(import.meta.dirname, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** One running browser mode (`npm run dev:web`) on a temp database, plus a headless Chromium. */
export interface Harness {
  url: string;
  databasePath: string;
  page: Page;
  context: BrowserContext;
  /** Row counts straight from the SQLite file, for "nothing was written" checks. */
  count(table: 'cards' | 'organisations' | 'audit_log'): number;
  /** Saves a screenshot into test-results/ (also done on failure by the caller). */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForServer(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`dev:web exited early:\n${log()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`dev:web did not answer at ${url}:\n${log()}`);
}

/** Options of {@link startHarness}. */
export interface HarnessOptions {
  /** Leaves the first-run setup open (a test of the setup itself); by default it is completed. */
  keepSetup?: boolean;
  /** The browser window's size; 1360×900 by default. */
  viewport?: { width: number; height: number };
  /** Device pixels per CSS pixel: 2 with half the window's size is a 200 % zoom. */
  deviceScaleFactor?: number;
}

/**
 * Starts `npm run dev:web` exactly as a developer would, on a fresh temp database; `env`
 * adds variables for the server (e.g. KORTLIGGAREN_EXPORT_DIR, the stubbed save dialog).
 */
export async function startHarness(
  env: Record<string, string> = {},
  options: HarnessOptions = {},
): Promise<Harness> {
  const { dir, cleanup } = tempDir('kortliggaren-e2e-');
  const databasePath = join(dir, 'e2e.db');
  const port = await freePort();
  let output = '';
  const child = spawn('npm', ['run', 'dev:web'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), KORTLIGGAREN_DB: databasePath, BROWSER: 'none', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitForServer(url, child, () => output);

  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    viewport: options.viewport ?? { width: 1360, height: 900 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  // The dev server transforms and pre-bundles modules on the first load: let that finish
  // once here, so the tests' own timeouts measure the app, not Vite's warm-up.
  await page.goto(url, { timeout: 120_000 });
  await page.getByRole('navigation').first().waitFor({ timeout: 120_000 });
  if (!options.keepSetup) await completeSetupIfShown(page);
  page.setDefaultTimeout(20_000);
  page.setDefaultNavigationTimeout(60_000);
  const shots = join(ROOT, 'test-results');
  mkdirSync(shots, { recursive: true });

  return {
    url,
    databasePath,
    page,
    context,
    count(table) {
      const db = new Database(databasePath, { readonly: true, fileMustExist: true });
      try {
        return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      } finally {
        db.close();
      }
    },
    async screenshot(name) {
      const path = join(shots, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async close() {
      await context.close().catch(() => {});
      if (child.pid && child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // already gone
        }
        await new Promise((r) => child.once('exit', r).once('error', r));
      }
      cleanup();
    },
  };
}
