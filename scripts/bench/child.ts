import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * Runs a bench script (scripts/bench/NAME) in a process of its own through tsx, as
 * `npm run cli` runs the CLI, and returns the JSON object it prints on its last line. The
 * browser driver and the import's working set then never count towards the bench
 * process's own memory; each child reports its own peak.
 */
export async function runChild<T>(name: string, args: readonly string[]): Promise<T> {
  const script = resolve(import.meta.dirname, name);
  const output = await new Promise<string>((resolvePromise, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', script, ...args],
      { maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${name} failed: ${error.message}\n${stderr}`)) : resolvePromise(stdout),
    );
  });
  return JSON.parse(output.trim().split('\n').pop() ?? '{}') as T;
}
