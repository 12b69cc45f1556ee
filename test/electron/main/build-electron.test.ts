import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type BuildOptions, type Message } from 'esbuild';
import ExcelJS from 'exceljs';
import { xlsxWorkerUrl, type WorkbookSpec } from '../../../electron/export/xlsx';
import type * as XlsxModule from '../../../electron/export/xlsx';
import { workerScript } from '../../../electron/platform/worker-thread';

interface BuildScript {
  buildElectron(options: { outDir: string }): Promise<{
    main: string;
    preload: string;
    xlsxWorker: string;
    workerBoot: string;
    warnings: Message[];
  }>;
  mainBundleOptions(root: string, version: string): BuildOptions;
}

const ROOT = resolve(import.meta.dirname, '../../..');
// Imported by URL: the script is plain JavaScript without type declarations.
const script = (await import(pathToFileURL(join(ROOT, 'scripts/build-electron.mjs')).href)) as BuildScript;
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const require = createRequire(import.meta.url);

let outDir: string;
let main: string;
let preload: string;
let worker: string;
let boot: string;
let warnings: Message[];

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'kortliggaren-electron-build-'));
  const built = await script.buildElectron({ outDir });
  main = readFileSync(built.main, 'utf8');
  preload = readFileSync(built.preload, 'utf8');
  worker = readFileSync(built.xlsxWorker, 'utf8');
  boot = readFileSync(built.workerBoot, 'utf8');
  warnings = built.warnings;
}, 60_000);

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

function requires(bundle: string): Set<string> {
  return new Set([...bundle.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1] ?? ''));
}

// Static imports stand at the start of a line in esbuild's output; dynamic ones anywhere.
function imports(bundle: string): Set<string> {
  const found = [
    ...bundle.matchAll(/^import\s[^;]*?from\s*"([^"]+)"/gm),
    ...bundle.matchAll(/\bimport\("([^"]+)"\)/g),
  ];
  return new Set(found.map((match) => match[1] ?? ''));
}

const isBuiltin = (name: string) => builtinModules.includes(name.replace(/^node:/, ''));

const SPEC: WorkbookSpec = {
  creator: 'Kortliggaren',
  createdAtMs: Date.UTC(2026, 1, 1, 8, 0),
  sheets: [
    {
      name: 'Statistik',
      columns: [
        { header: 'Organisation', width: 20 },
        { header: 'Nya nivå 2', width: 12 },
      ],
      rows: [
        ['Region Exempel', 5],
        ['Summa', 5],
      ],
      boldLastRow: true,
    },
  ],
};

async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

describe('scripts/build-electron.mjs', () => {
  it('builds without warnings (no empty import.meta in the CommonJS main bundle)', () => {
    expect(warnings.map((warning) => warning.text)).toEqual([]);
    expect(main).not.toMatch(/import\.meta/);
  });

  it('bundles the sandboxed preload so it requires nothing but electron', () => {
    expect([...requires(preload)]).toEqual(['electron']);
    expect(preload).toContain('cards:list');
  });

  it('keeps electron and better-sqlite3 external in the main bundle, inlining the rest', () => {
    const required = requires(main);
    expect(required).toContain('electron');
    expect(required).toContain('better-sqlite3');
    // node-postgres (the regional hub) is inlined with Node's modules as node:… and its
    // optional native driver answered as absent (scripts/build-electron.mjs): nothing else.
    for (const name of required) expect(name, name).toMatch(/^(electron|better-sqlite3|node:.+)$/);
  });

  it('injects the version from package.json and writes source maps', () => {
    expect(main).not.toContain('__KORTLIGGAREN_VERSION__');
    expect(main).toContain(JSON.stringify(version));
    expect(existsSync(join(outDir, 'main.cjs.map'))).toBe(true);
    expect(existsSync(join(outDir, 'preload.cjs.map'))).toBe(true);
  });

  it('bundles the XLSX worker with exceljs inlined, so it needs only Node built-ins', () => {
    expect(worker).toContain('exceljs');
    const needed = [...imports(worker), ...requires(worker)];
    expect(needed.length).toBeGreaterThan(0);
    expect(needed.filter((name) => !isBuiltin(name))).toEqual([]);
  });

  it('writes the worker boot file beside main.cjs, needing only Node built-ins', () => {
    const needed = [...imports(boot), ...requires(boot)];
    expect(needed).toContain('node:worker_threads');
    expect(needed.filter((name) => !isBuiltin(name))).toEqual([]);
  });

  it('lets the main bundle find the worker next to main.cjs and render a workbook with it', async () => {
    // xlsx.ts bundled with main.cjs's very options, into the same folder, stands in for
    // main.cjs, which cannot load without Electron.
    const probe = join(outDir, 'xlsx-probe.cjs');
    await build({
      ...script.mainBundleOptions(ROOT, version),
      entryPoints: [join(ROOT, 'electron/export/xlsx.ts')],
      outfile: probe,
      sourcemap: false,
    });
    const bundled = require(probe) as typeof XlsxModule;
    expect(fileURLToPath(bundled.xlsxWorkerUrl())).toBe(join(outDir, 'xlsx-worker.mjs'));

    const workbook = await readWorkbook(await bundled.renderXlsx(SPEC));
    const sheet = workbook.getWorksheet('Statistik');
    expect(sheet?.getCell('A2').value).toBe('Region Exempel');
    expect(sheet?.getCell('B2').value).toBe(5);
    expect(sheet?.getRow(3).font?.bold).toBe(true);

    const again = await readWorkbook(bundled.renderXlsxSync(SPEC));
    expect(again.worksheets.map((ws) => ws.name)).toEqual(['Statistik']);
  }, 60_000);
});

describe('xlsxWorkerUrl', () => {
  it('runs the TypeScript worker beside xlsx.ts when run from source', () => {
    const script = workerScript('xlsx-worker', pathToFileURL(join(ROOT, 'electron/export/xlsx.ts')).href);
    expect(script.typescript).toBe(true);
    expect(fileURLToPath(script.url)).toBe(join(ROOT, 'electron', 'export', 'xlsx-worker.ts'));
    expect(existsSync(script.url)).toBe(true);
  });

  it('finds it next to main.cjs in a development build', () => {
    expect(xlsxWorkerUrl('file:///home/desk/kortliggaren/dist-electron/main.cjs').href).toBe(
      'file:///home/desk/kortliggaren/dist-electron/xlsx-worker.mjs',
    );
  });

  it('takes the unpacked copy in a packaged app, outside the asar archive', () => {
    expect(
      xlsxWorkerUrl('file:///C:/Program%20Files/Kortliggaren/resources/app.asar/dist-electron/main.cjs').href,
    ).toBe(
      'file:///C:/Program%20Files/Kortliggaren/resources/app.asar.unpacked/dist-electron/xlsx-worker.mjs',
    );
    expect(xlsxWorkerUrl('file:///opt/Kortliggaren/resources/app.asar/dist-electron/main.cjs').href).toBe(
      'file:///opt/Kortliggaren/resources/app.asar.unpacked/dist-electron/xlsx-worker.mjs',
    );
  });
});
