import { spawn } from 'node:child_process';

/** What a killed child said and how it ended. */
export interface KilledChild {
  /** Complete stdout lines only: a line cut off by the kill was never promised. */
  lines: string[];
  /** True when our SIGKILL ended it (not its own exit or crash). */
  killedByUs: boolean;
  reachedReady: boolean;
  exitCode: number | null;
  stderr: string;
}

export interface KillPlan {
  /** Kill this long after the child printed `ready` … */
  afterReadyMs?: number;
  /** … or this long after spawning it, ready or not (tests start-up, migration, backup). */
  afterSpawnMs?: number;
}

/** Starts `node bundle args…` and SIGKILLs it as planned; resolves when it is gone. */
export function runAndKill(bundle: string, args: string[], plan: KillPlan): Promise<KilledChild> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let reachedReady = false;
    let killedByUs = false;
    let timer: NodeJS.Timeout | undefined;
    const kill = () => {
      killedByUs = child.exitCode === null && child.signalCode === null;
      child.kill('SIGKILL');
    };
    if (plan.afterSpawnMs !== undefined) timer = setTimeout(kill, plan.afterSpawnMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (!reachedReady && /(^|\n)ready\n/.test(stdout)) {
        reachedReady = true;
        if (plan.afterSpawnMs === undefined) timer = setTimeout(kill, plan.afterReadyMs ?? 0);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < 10_000) stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      const complete = stdout.slice(0, stdout.lastIndexOf('\n') + 1);
      resolve({
        lines: complete.split('\n').filter((l) => l !== ''),
        killedByUs,
        reachedReady,
        exitCode,
        stderr,
      });
    });
  });
}
