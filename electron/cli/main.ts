import { readVersion, runCliAsync } from './run';

// Entry point of `npm run cli`: runs without a build step (through tsx).
// runCliAsync: the hub's commands talk over the network; every other command is synchronous.
void runCliAsync(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  cwd: process.env.INIT_CWD ?? process.cwd(),
  env: process.env,
  version: readVersion(),
}).then((status) => {
  process.exitCode = status;
});
