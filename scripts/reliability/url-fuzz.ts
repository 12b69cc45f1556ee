// URL-path fuzzing of the browser mode's server (issue 13 item 6): raw HTTP requests with
// random and malformed percent-encodings, `..`, NUL and other raw bytes, overlong paths and
// odd methods, against the real server and back end. Every request must be answered with a
// status below 500, the server must stay up, and no file outside the static folder is served.
import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { createBackend } from '../../electron/app/backend';
import { startWebServer, type WebServer } from '../../electron/dev-web/server';

export interface UrlFuzzOptions {
  paths: number;
  seed: number;
  /** An empty folder for the database and the static files. */
  dir: string;
  /** How long a request may go unanswered (default 10 s). */
  requestTimeoutMs?: number;
  log?: (line: string) => void;
}

// A broken server fails fast: after this many failures the run stops.
const ENOUGH_FAILURES = 10;

export interface UrlFuzzResult {
  urlFuzzPaths: number;
  /** Requests never answered, answered 5xx, or after which the server no longer answered. */
  urlFuzzFailures: number;
  /** Answers that carried a file from outside the static folder. */
  urlFuzzLeaks: number;
  statuses: Record<string, number>;
  examples: string[];
}

/** A marker in a file beside the static folder; no answer may ever contain it. */
const SECRET = 'kortliggaren-url-fuzz-secret-7f3a';

const hex = fc.constantFrom(...'0123456789abcdefABCDEFgG');
// Well-formed, malformed and hostile percent-encodings.
const percent = fc.oneof(
  fc.tuple(hex, hex).map(([a, b]) => `%${a}${b}`),
  hex.map((a) => `%${a}`),
  fc.constant('%'),
  fc.constantFrom('%E0%A4%A', '%C0%AE', '%C0%AF', '%E0%80%AE', '%ED%A0%80', '%F4%90%80%80', '%FF', '%FE'),
  fc.constantFrom('%2e%2e', '%2E%2E%2F', '%2f', '%5c', '%00', '%0d%0a', '%u002e', '%25', '%252e'),
);
const segment = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.string({ unit: fc.constantFrom(...'abcAPIassets-_.~:@!$&()*+,;='), maxLength: 12 }),
  },
  { weight: 3, arbitrary: fc.array(percent, { minLength: 1, maxLength: 4 }).map((p) => p.join('')) },
  { weight: 2, arbitrary: fc.constantFrom('..', '.', '', '...', '..\\..', '\\', 'index.html', 'secret.txt') },
  {
    weight: 1,
    arbitrary: fc.constantFrom('\0', 'a\0b', '\u00e5\u00e4\u00f6', '\ud83d\ude00', ' ', '\t', '"', '<>'),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
);
const prefix = fc.constantFrom('/', '/api/', '/assets/', '/api/cards:list/', '', '//', '/api', '*');
const method = fc.constantFrom(
  'GET',
  'GET',
  'GET',
  'POST',
  'POST',
  'HEAD',
  'PUT',
  'DELETE',
  'OPTIONS',
  'BREW',
);

/** One fuzzed request: method, the raw request target, and whether it carries the app's headers. */
export interface FuzzRequest {
  method: string;
  target: string;
  app: boolean;
  body: string;
  /** The Host header; absent: this server's own, null: none at all. */
  host?: string | null;
}

/** Random request targets; about one in fifty is overlong (up to 70 000 characters). */
export const fuzzRequest: fc.Arbitrary<FuzzRequest> = fc.record({
  method,
  target: fc.oneof(
    {
      weight: 49,
      arbitrary: fc
        .tuple(
          prefix,
          fc.array(segment, { maxLength: 6 }),
          fc.option(fc.array(percent).map((p) => p.join(''))),
        )
        .map(([p, segments, query]) => `${p}${segments.join('/')}${query === null ? '' : `?q=${query}`}`),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('/', '/api/'), fc.integer({ min: 2_000, max: 70_000 }), percent)
        .map(([p, n, enc]) => p + enc.repeat(Math.ceil(n / enc.length))),
    },
  ),
  app: fc.boolean(),
  body: fc.constantFrom('', '{}', '{oops', 'null', '[]', '{"month":"2026-02"}'),
});

/** Sends one raw request (bytes as given, nothing escaped) and resolves with its status, or null. */
export function sendRaw(
  port: number,
  request: FuzzRequest,
  timeoutMs = 10_000,
): Promise<{ status: number | null; text: string }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const headers = [
      `${request.method} ${request.target} HTTP/1.1`,
      ...(request.host === null ? [] : [`Host: ${request.host ?? `127.0.0.1:${port}`}`]),
      ...(request.app ? ['Content-Type: application/json', 'X-Kortliggaren: 1'] : []),
      `Content-Length: ${Buffer.byteLength(request.body)}`,
      'Connection: close',
    ];
    const done = () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ status: status ? Number(status[1]) : null, text });
    };
    socket.setTimeout(timeoutMs, () => socket.destroy());
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', done);
    socket.on('error', () => {});
    // Written, not ended: like a browser, the client keeps its side open for the answer
    // (Node's server closes on a half-closed socket); `Connection: close` ends it after.
    socket.write(Buffer.from(`${headers.join('\r\n')}\r\n\r\n${request.body}`, 'utf8'));
  });
}

/** The server still answers both halves: the page and the router. */
async function stillUp(port: number): Promise<boolean> {
  const page = await sendRaw(port, { method: 'GET', target: '/', app: false, body: '' });
  const api = await sendRaw(port, { method: 'POST', target: '/api/app:info', app: true, body: '' });
  return page.status === 200 && api.status === 200;
}

/**
 * Sends `paths` fuzzed requests to the browser-mode server in static mode, over a real
 * back end, and counts what must never happen.
 */
export async function runUrlFuzz(options: UrlFuzzOptions): Promise<UrlFuzzResult> {
  const staticDir = join(options.dir, 'static');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Kortliggaren</title>');
  writeFileSync(join(staticDir, 'assets', 'index-DRBytusi.js'), 'export {};');
  writeFileSync(join(options.dir, 'secret.txt'), SECRET);
  const result: UrlFuzzResult = {
    urlFuzzPaths: 0,
    urlFuzzFailures: 0,
    urlFuzzLeaks: 0,
    statuses: {},
    examples: [],
  };
  const note = (text: string) => {
    if (result.examples.length < 20) result.examples.push(text);
  };
  const crashed = (error: unknown) => {
    result.urlFuzzFailures++;
    note(`process: ${error instanceof Error ? error.stack : String(error)}`);
  };
  process.on('uncaughtException', crashed);
  process.on('unhandledRejection', crashed);
  const backend = createBackend({
    databasePath: join(options.dir, 'url-fuzz.db'),
    mode: 'web',
    version: 'fuzz',
  });
  let server: WebServer | undefined;
  try {
    server = await startWebServer({
      router: backend.router,
      port: 0,
      renderer: { kind: 'static', dir: staticDir },
      maxBodyBytes: 64 * 1024,
      onError: (error) => note(`server error: ${String(error)}`),
    });
    const requests = fc.sample(fuzzRequest, { numRuns: options.paths, seed: options.seed });
    for (const [i, request] of requests.entries()) {
      const answer = await sendRaw(server.port, request, options.requestTimeoutMs);
      result.urlFuzzPaths++;
      const key = String(answer.status ?? 'none');
      result.statuses[key] = (result.statuses[key] ?? 0) + 1;
      const shown = `${request.method} ${JSON.stringify(request.target.slice(0, 200))}`;
      if (answer.status === null || answer.status >= 500) {
        result.urlFuzzFailures++;
        note(`${shown} answered ${key}`);
      }
      if (answer.text.includes(SECRET)) {
        result.urlFuzzLeaks++;
        note(`${shown} served the file outside the static folder`);
      }
      if (result.urlFuzzFailures >= ENOUGH_FAILURES) break;
      if ((i + 1) % 250 === 0 || i === requests.length - 1) {
        if (!(await stillUp(server.port))) {
          result.urlFuzzFailures++;
          note(`the server stopped answering after ${shown}`);
          break;
        }
        if ((i + 1) % 2500 === 0) options.log?.(`url fuzz: ${i + 1} requests`);
      }
    }
  } finally {
    await server?.close();
    backend.close();
    process.off('uncaughtException', crashed);
    process.off('unhandledRejection', crashed);
  }
  return result;
}
