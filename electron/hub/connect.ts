import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { checkServerIdentity, type PeerCertificate } from 'node:tls';
import pg from 'pg';
import { HubError } from './errors';

/**
 * Connections to the regional hub (SPEC §8). A hub URL is an ordinary PostgreSQL URL,
 * `postgres://ROLE[:PASSWORD]@HOST[:PORT]/DATABASE?sslmode=verify-full[&sslrootcert=CA.pem]`.
 *
 * TLS policy: every host that is not the machine itself must be reached with
 * `sslmode=verify-full` — the server's certificate is checked against the CA
 * (`sslrootcert`, or the system's CAs) and its name against HOST. A plain connection is
 * accepted only to a loopback address (localhost, 127.0.0.0/8, ::1). Other modes
 * (`require`, `prefer`, `verify-ca`, …) are refused: each of them lets someone in between
 * read or change what travels.
 *
 * The password comes from the URL, from `options.password` (the desk app's credential
 * store) or from PGPASSWORD, in that order. It is never logged and never part of a message.
 */

/** What a hub URL says, checked against the TLS policy. */
export interface HubTarget {
  host: string;
  port: number;
  database: string;
  user: string;
  /** `disable` only for loopback; otherwise always `verify-full`. */
  sslmode: 'disable' | 'verify-full';
  /** The CA file that must have signed the server's certificate (else the system CAs). */
  sslrootcert?: string;
  loopback: boolean;
  /** The password, when the URL carried one. */
  password?: string;
  applicationName?: string;
  connectTimeoutSeconds?: number;
}

/** Where the password may come from besides the URL. */
export interface HubConnectOptions {
  /** Wins over PGPASSWORD; loses to a password written in the URL. */
  password?: string;
  /** The environment to read PGPASSWORD from (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** The pool's size (default 2: a desk needs one connection, a spare helps the report). */
  max?: number;
}

const KNOWN_PARAMETERS = new Set(['sslmode', 'sslrootcert', 'application_name', 'connect_timeout']);
const ALL_SSLMODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full', 'no-verify'];

/** Whether `host` is this machine: localhost, 127.0.0.0/8 or ::1. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  return isIP(h) === 4 && h.startsWith('127.');
}

function invalid(detail: string): HubError {
  return new HubError('hub-url', { detail });
}

/**
 * Reads a hub URL and applies the TLS policy. Throws HubError `hub-url` with a Swedish
 * message naming what is wrong (never the password).
 */
export function parseHubUrl(url: string): HubTarget {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw invalid('det är ingen URL; skriv den som postgres://ROLL@VÄRD:5432/DATABAS?sslmode=verify-full');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw invalid(`den ska börja med postgres://, inte ${parsed.protocol}//`);
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (!host) throw invalid('värddatorn (HOST) saknas');
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!database || database.includes('/'))
    throw invalid('databasens namn saknas efter värddatorn (/DATABAS)');
  const user = decodeURIComponent(parsed.username);
  if (!user) throw invalid('rollen saknas (postgres://ROLL@…)');
  const port = parsed.port ? Number(parsed.port) : 5432;
  for (const key of parsed.searchParams.keys()) {
    if (!KNOWN_PARAMETERS.has(key)) {
      throw invalid(
        `parametern ${key} stöds inte (bara sslmode, sslrootcert, application_name, connect_timeout)`,
      );
    }
  }
  const loopback = isLoopbackHost(host);
  const mode = parsed.searchParams.get('sslmode');
  if (mode !== null && !ALL_SSLMODES.includes(mode)) throw invalid(`sslmode=${mode} finns inte`);
  let sslmode: HubTarget['sslmode'];
  if (mode === 'verify-full') sslmode = 'verify-full';
  else if (loopback && (mode === null || mode === 'disable')) sslmode = 'disable';
  else if (!loopback) {
    throw invalid(
      `${host} är inte den här datorn, så anslutningen måste krypteras och serverns certifikat kontrolleras: lägg till ?sslmode=verify-full (och sslrootcert=SÖKVÄG-TILL-CA.pem om certifikatet är utfärdat av regionens egen CA)${mode ? `; sslmode=${mode} räcker inte` : ''}`,
    );
  } else {
    throw invalid(
      `sslmode=${mode} stöds inte; använd sslmode=verify-full (eller ingen sslmode mot den egna datorn)`,
    );
  }
  const target: HubTarget = { host, port, database, user, sslmode, loopback };
  const rootcert = parsed.searchParams.get('sslrootcert');
  if (rootcert !== null) {
    if (sslmode !== 'verify-full') throw invalid('sslrootcert kräver sslmode=verify-full');
    target.sslrootcert = rootcert;
  }
  if (parsed.password) target.password = decodeURIComponent(parsed.password);
  const applicationName = parsed.searchParams.get('application_name');
  if (applicationName) target.applicationName = applicationName;
  const timeout = parsed.searchParams.get('connect_timeout');
  if (timeout !== null) {
    const seconds = Number(timeout);
    if (!Number.isInteger(seconds) || seconds < 1)
      throw invalid('connect_timeout ska vara ett heltal sekunder');
    target.connectTimeoutSeconds = seconds;
  }
  return target;
}

/** The URL without its password: what the desk stores and what messages may show. */
export function redactHubUrl(url: string): string {
  try {
    const parsed = new URL(url.trim());
    parsed.password = '';
    return parsed.toString();
  } catch {
    return '(ogiltig URL)';
  }
}

/** A node-postgres configuration for `url`, with TLS as the policy demands. */
export function hubClientConfig(url: string, options: HubConnectOptions = {}): pg.ClientConfig {
  const target = parseHubUrl(url);
  const env = options.env ?? process.env;
  const password = target.password ?? options.password ?? env.PGPASSWORD;
  const config: pg.ClientConfig = {
    host: target.host,
    port: target.port,
    database: target.database,
    user: target.user,
    application_name: target.applicationName ?? 'kortliggaren',
    connectionTimeoutMillis: (target.connectTimeoutSeconds ?? 10) * 1000,
    keepAlive: true,
  };
  if (password !== undefined) config.password = password;
  if (target.sslmode === 'verify-full') {
    let ca: string | undefined;
    if (target.sslrootcert) {
      try {
        ca = readFileSync(target.sslrootcert, 'utf8');
      } catch {
        throw invalid(`CA-filen ${target.sslrootcert} (sslrootcert) går inte att läsa`);
      }
    }
    config.ssl = {
      rejectUnauthorized: true,
      ...(ca !== undefined ? { ca } : {}),
      ...(isIP(target.host) === 0 ? { servername: target.host } : {}),
      // node-postgres hands TLS an already open socket, so Node would check the name
      // against "localhost" for an IP address; check it against the URL's host always.
      checkServerIdentity: (_name: string, cert: PeerCertificate) => checkServerIdentity(target.host, cert),
    };
  } else {
    config.ssl = false;
  }
  return config;
}

/**
 * Opens a pool of connections to the hub. Connections are made lazily (the first query
 * connects). A connection that breaks while idle is dropped from the pool quietly — the
 * next query reconnects — instead of crashing the process.
 */
export function openHubPool(url: string, options: HubConnectOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    ...hubClientConfig(url, options),
    max: options.max ?? 2,
    idleTimeoutMillis: 30_000,
  });
  pool.on('error', () => {
    // An idle client lost its connection (the hub restarted, the network went away);
    // node-postgres has already removed it from the pool.
  });
  // Every client gets a lasting 'error' listener from its start: the server's last word
  // ("terminating connection") can arrive between two of the pool's own listeners — in
  // the very data that finished logging in, say — and an unheard 'error' ends the process.
  // The failing query, if any, still reports it.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  return pool;
}

/** One connection, for the admin commands (init, desk add). The caller ends it. */
export async function connectHub(url: string, options: HubConnectOptions = {}): Promise<pg.Client> {
  const target = parseHubUrl(url);
  const client = new pg.Client(hubClientConfig(url, options));
  client.on('error', () => {
    // Reported through the failing query instead.
  });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw describePgError(error, target);
  }
  return client;
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/**
 * Turns whatever node-postgres or the network threw into a HubError with a message a
 * person can act on. HubErrors pass through unchanged.
 */
export function describePgError(
  error: unknown,
  target: Pick<HubTarget, 'host' | 'user' | 'database'>,
): HubError {
  if (error instanceof HubError) return error;
  const e = error as { code?: string; message?: string } | undefined;
  const code = e?.code ?? '';
  const message = e?.message ?? String(error);
  const base = { host: target.host, user: target.user, database: target.database };
  if (TLS_CODES.has(code) || /certificate|self.signed|does not support SSL|SSL/i.test(message)) {
    return new HubError('hub-tls', { ...base, detail: code || message }, { cause: error });
  }
  if (code === '28P01' || code === '28000') return new HubError('hub-auth', base, { cause: error });
  if (code === '3D000') return new HubError('hub-not-initialised', base, { cause: error });
  if (code === '42501') return new HubError('hub-permission', { ...base, detail: message }, { cause: error });
  if (
    NETWORK_CODES.has(code) ||
    code.startsWith('08') ||
    code === '57P01' ||
    code === '57P02' ||
    code === '57P03' ||
    /Connection terminated|timeout|not queryable|Client has encountered a connection error/i.test(message)
  ) {
    return new HubError('hub-unreachable', { ...base, detail: code || message }, { cause: error });
  }
  return new HubError('hub-failed', { ...base, detail: message }, { cause: error });
}
