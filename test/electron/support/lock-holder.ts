import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';

const betterSqlite = createRequire(import.meta.url).resolve('better-sqlite3');

/** Another process that holds the register's write lock (BEGIN IMMEDIATE), as an import does. */
export interface LockHolder {
  child: ChildProcess;
  /** Resolves when the holder has committed and exited. */
  released: Promise<void>;
}

/**
 * Starts a separate Node process that opens `file`, takes the write lock and holds it for
 * `holdMs` before committing; resolves once the lock is held. A process, not a second
 * connection here, because a connection in this process cannot let go while this
 * thread waits on SQLite's busy handler.
 */
export async function holdWriteLock(file: string, holdMs: number): Promise<LockHolder> {
  const script = `
    const Database = require(${JSON.stringify(betterSqlite)});
    const db = new Database(${JSON.stringify(file)});
    db.pragma('busy_timeout = 10000');
    db.exec('BEGIN IMMEDIATE');
    process.stdout.write('locked\\n');
    setTimeout(() => { db.exec('COMMIT'); db.close(); process.exit(0); }, ${holdMs});
  `;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  const released = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lock holder exited ${code}`))));
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('locked')) resolve();
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`lock holder exited ${code} before locking: ${err}`)));
  });
  return { child, released };
}
