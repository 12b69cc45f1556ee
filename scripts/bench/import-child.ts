import { runCli } from '../../electron/cli/run';
import { appVersion } from './paths';

/**
 * Runs `import FILE` through the CLI exactly as `npm run cli` does (electron/cli/main.ts),
 * in a process of its own so its memory is its own, and reports how long runCli took and
 * the process's peak memory as one JSON line.
 */
const [database, file] = process.argv.slice(2);
if (!database || !file) throw new Error('usage: import-child DATABASE FILE');
const stdout: string[] = [];
const stderr: string[] = [];
const start = performance.now();
const status = runCli(['--db', database, 'import', file], {
  stdout: (text) => stdout.push(text),
  stderr: (text) => {
    if (stderr.length < 20) stderr.push(text);
  },
  cwd: process.cwd(),
  env: process.env,
  version: appVersion(),
});
const ms = performance.now() - start;
process.stdout.write(
  `${JSON.stringify({ status, ms, maxRssMb: process.resourceUsage().maxRSS / 1024, stdout, stderr })}\n`,
);
