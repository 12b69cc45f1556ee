// `npm run reliability`: the long crash, export and fuzz checks. Prints progress, the
// detailed figures, and as its last line one JSON object with the headline figures.
// Options: --kill-rounds N (200) --export-rounds N (20) --payloads N per channel (10000)
// --url-paths N (5000 requests to the browser mode's server) --hub-rounds N (60) --seed S
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './bundle';
import { runKillRounds } from './crash-rounds';
import { runExportRounds } from './export-rounds';
import { runHubKillRounds } from './hub-kill';
import type { FuzzResult } from './fuzz';

const { values } = parseArgs({
  options: {
    'kill-rounds': { type: 'string' },
    'export-rounds': { type: 'string' },
    payloads: { type: 'string' },
    'url-paths': { type: 'string' },
    'hub-rounds': { type: 'string' },
    seed: { type: 'string' },
  },
});
const killRounds = Number(values['kill-rounds'] ?? 200);
const exportRounds = Number(values['export-rounds'] ?? 20);
const payloads = Number(values.payloads ?? 10_000);
const urlPaths = Number(values['url-paths'] ?? 5_000);
const hubRounds = Number(values['hub-rounds'] ?? 60);
const seed = Number(values.seed ?? Date.now() % 1_000_000);
const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${line}`);
const started = Date.now();

/**
 * The fuzzer runs in a process of its own, so that if a payload ever brings the process
 * down, that shows up as a crash in the figures instead of ending this run.
 */
function fuzzInChild(): Promise<{ figures: FuzzResult | undefined; exitCode: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(ROOT, 'scripts/reliability/fuzz.ts'),
        '--payloads',
        String(payloads),
        '--seed',
        String(seed),
        '--url-paths',
        String(urlPaths),
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let last = '';
    let buffered = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('{')) last = line;
        else log(line);
      }
    });
    child.on('close', (exitCode) => {
      if (buffered.startsWith('{')) last = buffered;
      let figures: FuzzResult | undefined;
      try {
        figures = last ? (JSON.parse(last) as FuzzResult) : undefined;
      } catch {
        figures = undefined;
      }
      resolve({ figures, exitCode });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'kortliggaren-reliability-'));
try {
  log(
    `seed ${seed}: ${killRounds} kill rounds, ${exportRounds} export kill rounds, ${payloads} payloads per channel, ${urlPaths} URL paths`,
  );
  mkdirSync(join(dir, 'kill'));
  mkdirSync(join(dir, 'export'));
  // The kill rounds mostly wait for children and the disk; the fuzzer uses the other core.
  const fuzzStarted = Date.now();
  const fuzzing = fuzzInChild().then((outcome) => ({
    ...outcome,
    seconds: (Date.now() - fuzzStarted) / 1000,
  }));
  const killStarted = Date.now();
  const kill = await runKillRounds({
    rounds: killRounds,
    dir: join(dir, 'kill'),
    seed,
    maxDelayMs: 400,
    log,
  });
  const killSeconds = (Date.now() - killStarted) / 1000;
  const exportStarted = Date.now();
  const exports = await runExportRounds({
    rounds: exportRounds,
    dir: join(dir, 'export'),
    seed,
    maxDelayMs: 800,
    log,
  });
  const exportSeconds = (Date.now() - exportStarted) / 1000;
  // The regional hub: SIGKILL to its PostgreSQL server in the middle of pushes (hub-kill.ts).
  const hubStarted = Date.now();
  const hub = await runHubKillRounds({ rounds: hubRounds, seed, log });
  const hubSeconds = (Date.now() - hubStarted) / 1000;
  const fuzz = await fuzzing;

  const fuzzCrashed = fuzz.exitCode !== 0 || fuzz.figures === undefined;
  const details = {
    seed,
    seconds: {
      total: (Date.now() - started) / 1000,
      kill: killSeconds,
      export: exportSeconds,
      hub: hubSeconds,
      fuzz: fuzz.seconds,
    },
    kill,
    exports,
    hub,
    fuzz: fuzz.figures ? { ...fuzz.figures, perChannel: undefined } : { exitCode: fuzz.exitCode },
    fuzzPerChannel: fuzz.figures?.perChannel,
  };
  console.log(JSON.stringify(details, null, 2));
  const figures = {
    killRounds: kill.killRounds,
    acknowledgedLost: kill.acknowledgedLost,
    partialTransactions: kill.partialTransactions,
    integrityFailures: kill.integrityFailures + exports.integrityFailures,
    fuzzPayloads: fuzz.figures?.fuzzPayloads ?? 0,
    urlFuzzPaths: fuzz.figures?.urlFuzz?.urlFuzzPaths ?? 0,
    fuzzCrashes:
      (fuzz.figures?.fuzzCrashes ?? 0) +
      (fuzz.figures?.untypedErrors ?? 0) +
      (fuzz.figures?.outputMismatches ?? 0) +
      (fuzz.figures?.roundTripFailures ?? 0) +
      (fuzz.figures?.urlFuzz?.urlFuzzFailures ?? 0) +
      (fuzz.figures?.urlFuzz?.urlFuzzLeaks ?? 0) +
      (fuzzCrashed || fuzz.figures?.urlFuzz === undefined ? 1 : 0),
    exportKillRounds: exports.exportKillRounds,
    truncatedExports: exports.truncatedExports,
    hubKillRounds: hub.hubKillRounds,
    hubEventsLost: hub.hubEventsLost,
    hubDuplicates: hub.hubDuplicates,
    hubSkippedOnPull: hub.hubSkippedOnPull,
  };
  const failed =
    figures.acknowledgedLost +
      figures.partialTransactions +
      figures.integrityFailures +
      figures.fuzzCrashes +
      figures.truncatedExports +
      figures.hubEventsLost +
      figures.hubDuplicates +
      figures.hubSkippedOnPull +
      hub.unexpectedErrors.length +
      kill.childErrors >
    0;
  process.exitCode = failed ? 1 : 0;
  console.log(JSON.stringify(figures));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
