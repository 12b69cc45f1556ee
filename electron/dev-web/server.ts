import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Router } from '../ipc/router';

export interface WebServerOptions {
  router: Router;
  /** 0 picks a free port. */
  port: number;
  /** 'vite': the renderer through Vite's dev middleware; 'static': a built renderer folder. */
  renderer: { kind: 'vite'; root: string } | { kind: 'static'; dir: string };
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /** Told about a request that failed inside the server (it is answered 500 all the same). */
  onError?: (error: unknown) => void;
}

export interface WebServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * The browser development mode: serves the renderer and answers the same IPC router
 * over loopback as `POST /api/<channel>`. Development and tests only — never packaged.
 * Bound to 127.0.0.1; requests must name this host (against DNS rebinding) and carry the
 * app's header (which a foreign page cannot send without a CORS preflight we never grant).
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  let serveRenderer: (req: IncomingMessage, res: ServerResponse) => void;
  let closeRenderer = async () => {};
  if (options.renderer.kind === 'vite') {
    const { createServer: createVite } = await import('vite');
    const vite = await createVite({
      configFile: resolve(options.renderer.root, 'vite.config.ts'),
      server: { middlewareMode: true, hmr: { port: 0, host: HOST } },
      appType: 'spa',
    });
    serveRenderer = (req, res) => vite.middlewares(req, res, () => notFound(res));
    closeRenderer = () => vite.close();
  } else {
    const dir = resolve(options.renderer.dir);
    serveRenderer = (req, res) => serveStatic(dir, req, res);
  }

  const onError = options.onError ?? (() => {});
  const maxBodyBytes = options.maxBodyBytes ?? 200 * 1024 * 1024;
  let port = 0;
  // Every request is answered, whatever it holds: a handler that throws or rejects gets a
  // 500 here instead of taking the server down with an uncaught error.
  const server: Server = createServer((req, res) => {
    const answer = async () => {
      if (!isAllowedHost(req.headers.host, port)) {
        sendText(res, 421, 'misdirected request');
        return;
      }
      if (req.url?.startsWith('/api/')) {
        await handleApi(options.router, req, res, port, maxBodyBytes);
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }).end('method not allowed');
        return;
      }
      serveRenderer(req, res);
    };
    answer().catch((error: unknown) => {
      onError(error);
      if (!res.headersSent) sendText(res, 500, 'internal error');
      else res.destroy();
    });
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, HOST, () => resolvePromise());
  });
  // Read once: `server.address()` is null again while the server closes.
  port = (server.address() as AddressInfo).port;
  // After listening, an error of the server itself (e.g. out of file handles) is reported,
  // not thrown: the requests being served go on.
  server.on('error', onError);
  return {
    url: `http://${HOST}:${port}`,
    port,
    close: async () => {
      await closeRenderer();
      await new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      });
    },
  };
}

function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `${HOST}:${port}` || host === `localhost:${port}`;
}

// A percent-encoding that is not UTF-8 (`%E0%A4%A`) makes decodeURIComponent throw.
function decodePath(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

async function handleApi(
  router: Router,
  req: IncomingMessage,
  res: ServerResponse,
  port: number,
  maxBodyBytes: number,
): Promise<void> {
  if (req.method !== 'POST') {
    req.resume();
    res.writeHead(405, { Allow: 'POST' }).end();
    return;
  }
  const channel = decodePath(req.url!.slice('/api/'.length).split('?')[0]!);
  if (channel === undefined) {
    req.resume();
    sendJson(
      res,
      400,
      refusal('url', 'url.malformed', 'the channel name is not valid percent-encoded UTF-8'),
    );
    return;
  }
  const origin = req.headers.origin;
  const trusted =
    req.headers['x-kortliggaren'] === '1' &&
    (req.headers['content-type'] ?? '').startsWith('application/json') &&
    (origin === undefined || isAllowedHost(origin.replace(/^http:\/\//, ''), port));
  const body = await readBody(req, maxBodyBytes);
  if (!body.ok) {
    if (body.reason === 'too-large') {
      // Answered before the rest arrives; the connection closes rather than read it all.
      res.setHeader('Connection', 'close');
      sendJson(res, 413, refusal('body', 'body.tooLarge', `the body is larger than ${maxBodyBytes} bytes`));
    }
    // An aborted request has nobody left to answer.
    return;
  }
  let input: unknown;
  try {
    input = body.text.length === 0 ? undefined : (JSON.parse(body.text) as unknown);
    if (input === null) input = undefined;
  } catch {
    sendJson(res, 400, refusal('body', 'body.notJson', 'body is not JSON'));
    return;
  }
  const result = await router.invoke(channel, input, { trustedSender: trusted });
  sendJson(res, result.ok ? 200 : result.error.code === 'forbidden-sender' ? 403 : 200, result);
}

// The IPC error shape, so the page's client reads an HTTP-level refusal like any other.
function refusal(field: string, message: string, text: string) {
  return { ok: false, error: { code: 'invalid-input', message: text, fields: [{ field, message }] } };
}

type Body = { ok: true; text: string } | { ok: false; reason: 'too-large' | 'aborted' };

function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  return new Promise((resolvePromise) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (body: Body) => {
      if (done) return;
      done = true;
      resolvePromise(body);
    };
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        finish({ ok: false, reason: 'too-large' });
        // Stop reading; whatever else the client sends is dropped.
        req.pause();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => finish({ ok: true, text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', () => finish({ ok: false, reason: 'aborted' }));
    req.on('close', () => finish({ ok: false, reason: 'aborted' }));
  });
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(text);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(value));
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
}

// Vite names built assets after their content (`index-<hash>.js`): such a name never
// changes content, so the browser may keep it (and V8's code cache for it) indefinitely.
const HASHED_ASSET_RE = /^\/assets\/.+-[\w-]{8,}\.\w+$/;

function serveStatic(dir: string, req: IncomingMessage, res: ServerResponse): void {
  const pathname = decodePath(urlPath(req.url ?? '/') ?? '%');
  // A malformed encoding, or a NUL that no file name can hold.
  if (pathname === undefined || pathname.includes('\0')) {
    sendText(res, 400, 'bad request');
    return;
  }
  let file = normalize(join(dir, pathname));
  if (!file.startsWith(dir + sep) && file !== dir) return notFound(res);
  if (!isFile(file)) file = join(dir, 'index.html');
  if (!isFile(file)) return notFound(res);
  const stat = statSync(file);
  // Everything else (index.html) is checked with the server each time: a new build shows.
  const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  const headers = {
    'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': HASHED_ASSET_RE.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache',
    ETag: etag,
    'Last-Modified': stat.mtime.toUTCString(),
    'X-Content-Type-Options': 'nosniff',
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers).end();
    return;
  }
  const stream = createReadStream(file);
  // Removed or unreadable between the check and the read: the answer breaks off, the server stays.
  stream.on('error', () => (res.headersSent ? res.destroy() : sendText(res, 500, 'read error')));
  stream.once('open', () => {
    res.writeHead(200, headers);
    stream.pipe(res);
  });
}

// The path of a request target; undefined for one that is no URL (`http://[oops`).
function urlPath(target: string): string | undefined {
  try {
    return new URL(target, 'http://x').pathname;
  } catch {
    return undefined;
  }
}

// A name too long for the file system, or a path through a file, is simply not a file.
function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
