import { join } from 'node:path';
import { seededRandom } from './child-io';
import { bundleChild } from './bundle';
import { checkRegister } from './db-check';
import { runAndKill } from './kill';

/** Options of a series of kill rounds on one register. */
export interface KillRoundsOptions {
  rounds: number;
  /** An empty folder for the register and its backups. */
  dir: string;
  seed: number;
  /** Longest wait after `ready` before the kill. */
  maxDelayMs: number;
  /** An already bundled crash-child (its path), to share one bundle between callers. */
  bundle?: string;
  log?: (line: string) => void;
}

/** The figures of the kill rounds. */
export interface KillRoundsResult {
  killRounds: number;
  acknowledged: number;
  acknowledgedLost: number;
  partialTransactions: number;
  integrityFailures: number;
  /** Children that ended by themselves (a refused write, a crash): each one is a finding. */
  childErrors: number;
  cards: number;
  problems: string[];
}

/**
 * Kills a child that registers cards at random moments, `rounds` times over on the same
 * register, and after each kill checks everything ever acknowledged is there, nothing is
 * half applied and the file is intact. One round in ten kills during start-up instead
 * (open, migration, daily backup).
 */
export async function runKillRounds(options: KillRoundsOptions): Promise<KillRoundsResult> {
  const own = options.bundle ? undefined : await bundleChild(join(import.meta.dirname, 'crash-child.ts'));
  try {
    return await killRounds(options, options.bundle ?? own!.path);
  } finally {
    own?.dispose();
  }
}

async function killRounds(options: KillRoundsOptions, bundle: string): Promise<KillRoundsResult> {
  const file = join(options.dir, 'kortliggaren.db');
  const random = seededRandom(options.seed);
  const acknowledged = new Set<string>();
  const result: KillRoundsResult = {
    killRounds: 0,
    acknowledged: 0,
    acknowledgedLost: 0,
    partialTransactions: 0,
    integrityFailures: 0,
    childErrors: 0,
    cards: 0,
    problems: [],
  };
  const note = (problem: string) => {
    if (result.problems.length < 20) result.problems.push(problem);
  };
  for (let round = 1; round <= options.rounds; round++) {
    const plan =
      random() < 0.1
        ? { afterSpawnMs: Math.floor(random() * 400) }
        : { afterReadyMs: Math.floor(random() * options.maxDelayMs) };
    const child = await runAndKill(bundle, [file, String(round), String(options.seed + round)], plan);
    if (!child.killedByUs) {
      result.childErrors++;
      note(`round ${round}: child exited ${child.exitCode}: ${child.stderr.slice(0, 500)}`);
    }
    for (const line of child.lines) if (line.startsWith('ack ')) acknowledged.add(line.slice(4));
    const check = checkRegister(file, acknowledged);
    result.killRounds++;
    result.acknowledgedLost += check.missing.length;
    result.partialTransactions += check.partial.length;
    if (!check.integrityOk) result.integrityFailures++;
    result.cards = check.cards;
    for (const id of check.missing) note(`round ${round}: acknowledged ${id} is missing`);
    for (const problem of check.partial) note(`round ${round}: ${problem}`);
    // Lost cards were counted once; the check is cumulative, so do not count them again.
    for (const id of check.missing) acknowledged.delete(id);
    if (round % 25 === 0) options.log?.(`kill rounds: ${round}/${options.rounds}, ${check.cards} cards`);
  }
  result.acknowledged = acknowledged.size + result.acknowledgedLost;
  return result;
}
