import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

interface BuildScript {
  buildElectron(options: { outDir: string }): Promise<{ main: string; preload: string }>;
}

const ROOT = resolve(import.meta.dirname, '../../..');
// Imported by URL: the script is plain JavaScript without type declarations.
const script = (await import(pathToFileURL(join(ROOT, 'scripts/build-electron.mjs')).href)) as BuildScript;
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

let outDir: string;
let main: string;
let preload: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'kortliggaren-electron-build-'));
  const built = await script.buildElectron({ outDir });
  main = readFileSync(built.main, 'utf8');
  preload = readFileSync(built.preload, 'utf8');
}, 60_000);

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

function requires(bundle: string): Set<string> {
  return new Set([...bundle.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1] ?? ''));
}

describe('scripts/build-electron.mjs', () => {
  it('bundles the sandboxed preload so it requires nothing but electron', () => {
    expect([...requires(preload)]).toEqual(['electron']);
    expect(preload).toContain('cards:list');
  });

  it('keeps electron and better-sqlite3 external in the main bundle, inlining the rest', () => {
    const required = requires(main);
    expect(required).toContain('electron');
    expect(required).toContain('better-sqlite3');
    for (const name of required) expect(name, name).toMatch(/^(electron|better-sqlite3|node:.+)$/);
  });

  it('injects the version from package.json and writes source maps', () => {
    expect(main).not.toContain('__KORTLIGGAREN_VERSION__');
    expect(main).toContain(JSON.stringify(version));
    expect(existsSync(join(outDir, 'main.cjs.map'))).toBe(true);
    expect(existsSync(join(outDir, 'preload.cjs.map'))).toBe(true);
  });
});
