// `npm run bench`: bundles the bench (scripts/bench/*.ts and the app code it imports) with
// esbuild and runs it under plain node. The app itself runs bundled, and tsx's loader would
// add some 50 MB to the very memory the bench measures. Dependencies stay external, so the
// bench runs the packages the app does; the bundles live in node_modules/.cache (ignored).
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '../..');
const out = join(root, 'node_modules', '.cache', 'kortliggaren-bench');
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [
    ...['main', 'import-child', 'list-paint-child'].map((name) => join(root, 'scripts/bench', `${name}.ts`)),
    // The CSV import's worker, found beside the bundle that starts it (import-worker-host.ts).
    join(root, 'electron/services/import-worker.ts'),
    // Where every worker thread starts (electron/platform/worker-thread.ts), also beside it.
    join(root, 'electron/platform/worker-boot.mjs'),
  ],
  outdir: out,
  outExtension: { '.js': '.mjs' },
  entryNames: '[name]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  absWorkingDir: root,
});
// The register bench's last line, kept for the hub's figures to join (at the end).
let lastJsonLine = '';
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => {
  const text = String(chunk).trim();
  if (text.startsWith('{') && text.endsWith('}')) lastJsonLine = text;
  return write(chunk, ...rest);
};
process.env.BENCH_ROOT = root;
process.env.BENCH_BUNDLE_DIR = out;
await import(pathToFileURL(join(out, 'main.mjs')).href);

// The regional hub's figures (scripts/bench/hub.ts, against a PostgreSQL of its own) join the
// last line: the register's JSON line above stays as it was, and a last line follows with
// both. The hub bench runs under tsx; it measures no memory.
{
  const { spawnSync } = await import('node:child_process');
  const hub = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/bench/hub.ts')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  const hubLine = hub.stdout.trim().split('\n').pop() ?? '';
  const registerLine = lastJsonLine;
  if (hub.status !== 0 || !hubLine.startsWith('{')) {
    process.stderr.write(`the hub bench failed (exit ${hub.status})\n`);
    process.exitCode = 1;
  } else if (registerLine) {
    process.stdout.write(`${JSON.stringify({ ...JSON.parse(registerLine), ...JSON.parse(hubLine) })}\n`);
  } else {
    process.stdout.write(`${hubLine}\n`);
  }
}
