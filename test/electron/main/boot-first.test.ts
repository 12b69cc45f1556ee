import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';

// The repo's vite.config.ts in production mode on small fixture pages: one with a boot.ts
// (as renderer/ has) and one without.
const ROOT = resolve(import.meta.dirname, '../../..');

async function buildFixture(
  name: string,
): Promise<{ html: string; assets: Map<string, string>; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), `kortliggaren-${name}-`));
  await build({
    configFile: join(ROOT, 'vite.config.ts'),
    root: join(ROOT, 'test/fixtures', name),
    mode: 'production',
    logLevel: 'silent',
    build: { outDir: dir, emptyOutDir: true },
  });
  const assets = new Map(
    readdirSync(join(dir, 'assets')).map((file) => [file, readFileSync(join(dir, 'assets', file), 'utf8')]),
  );
  return { html: readFileSync(join(dir, 'index.html'), 'utf8'), assets, dir };
}

const scriptSources = (html: string) =>
  [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => ({
    attrs: m[1]!,
    src: /src="\.\/assets\/([^"]+)"/.exec(m[1]!)?.[1],
    at: m.index,
  }));

describe('the boot entry (vite.config.ts bootFirst)', () => {
  let built: Awaited<ReturnType<typeof buildFixture>>;
  beforeAll(async () => {
    built = await buildFixture('boot');
  }, 60_000);
  afterAll(() => rmSync(built.dir, { recursive: true, force: true }));

  it('loads boot.ts as a module of its own, asynchronously, before the app and after the policy', () => {
    const scripts = scriptSources(built.html);
    expect(scripts).toHaveLength(2);
    const [boot, app] = scripts;
    expect(boot!.src).toMatch(/^boot-[\w-]+\.js$/);
    expect(boot!.attrs).toMatch(/\basync\b/);
    expect(app!.src).toMatch(/^index-[\w-]+\.js$/);
    expect(app!.attrs).not.toMatch(/\basync\b/);
    expect(built.html.indexOf('Content-Security-Policy')).toBeLessThan(boot!.at);
  });

  it('keeps the boot code in its chunk only, which the app imports, so it runs once', () => {
    const [boot, app] = scriptSources(built.html).map((s) => s.src!);
    expect(built.assets.get(boot!)).toContain('boot-fixture-marker');
    const appCode = built.assets.get(app!)!;
    expect(appCode).not.toContain('boot-fixture-marker');
    expect(appCode).toContain(`./${boot}`);
  });

  it('puts the rest of what the app needs to start into its own chunk, not into chunks shared with lazy pages', () => {
    const app = scriptSources(built.html)[1]!.src!;
    const preloaded = [...built.html.matchAll(/modulepreload[^>]*href="\.\/assets\/([^"]+)"/g)].map(
      (m) => m[1]!,
    );
    const loadedAtStart = [app, ...preloaded].map((file) => built.assets.get(file) ?? '');
    expect(loadedAtStart.filter((code) => code.includes('shared-fixture-marker'))).toHaveLength(1);
    expect(built.assets.get(app)).toContain('shared-fixture-marker');
    // The lazy page is a chunk of its own, loaded on demand.
    const lazy = [...built.assets.entries()].filter(([, code]) => code.includes('lazy-fixture-marker'));
    expect(lazy).toHaveLength(1);
    expect(lazy[0]![0]).not.toBe(app);
    expect(preloaded).not.toContain(lazy[0]![0]);
  });

  it('leaves a page without a boot.ts as it is', async () => {
    const plain = await buildFixture('csp');
    try {
      expect(scriptSources(plain.html).map((s) => s.src)).toEqual([expect.stringMatching(/^index-/)]);
    } finally {
      rmSync(plain.dir, { recursive: true, force: true });
    }
  }, 60_000);
});
