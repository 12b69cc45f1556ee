import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { ROOT } from './paths';

/**
 * Runs a bench child (scripts/bench/NAME.ts) in a process of its own and returns the JSON
 * object it prints on its last line: bundled under plain node when run.mjs built the
 * bundles, else through tsx. The browser driver and the import's working set then never
 * count towards the bench process's memory; each child reports its own peak.
 */
export async function runChild<T>(name: string, args: readonly string[]): Promise<T> {
  const bundles = process.env.BENCH_BUNDLE_DIR;
  const command = bundles
    ? [join(bundles, `${name}.mjs`)]
    : ['--import', 'tsx', resolve(ROOT, 'scripts/bench', `${name}.ts`)];
  const output = await new Promise<string>((resolvePromise, reject) => {
    execFile(
      process.execPath,
      [...command, ...args],
      { maxBuffer: 16 * 1024 * 1024, cwd: ROOT },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${name} failed: ${error.message}\n${stderr}`)) : resolvePromise(stdout),
    );
  });
  return JSON.parse(output.trim().split('\n').pop() ?? '{}') as T;
}
