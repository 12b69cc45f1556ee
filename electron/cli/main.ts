import { readVersion, runCli } from './run';

// Entry point of `npm run cli`: runs without a build step (through tsx).
const status = runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  cwd: process.env.INIT_CWD ?? process.cwd(),
  env: process.env,
  version: readVersion(),
});
process.exitCode = status;
