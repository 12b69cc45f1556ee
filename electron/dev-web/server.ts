import { createReadStream, existsSync, statSync } from 'node:fs';
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

  const server: Server = createServer((req, res) => {
    const port = (server.address() as AddressInfo).port;
    if (!isAllowedHost(req.headers.host, port)) {
      res.writeHead(421, { 'Content-Type': 'text/plain' }).end('misdirected request');
      return;
    }
    if (req.url?.startsWith('/api/')) {
      void handleApi(options.router, req, res, port, options.maxBodyBytes ?? 200 * 1024 * 1024);
      return;
    }
    serveRenderer(req, res);
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, HOST, () => resolvePromise());
  });
  const port = (server.address() as AddressInfo).port;
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

async function handleApi(
  router: Router,
  req: IncomingMessage,
  res: ServerResponse,
  port: number,
  maxBodyBytes: number,
): Promise<void> {
  if (req.method !== 'POST') {
    res.writeHead(405, { Allow: 'POST' }).end();
    return;
  }
  const channel = decodeURIComponent(req.url!.slice('/api/'.length).split('?')[0]!);
  const origin = req.headers.origin;
  const trusted =
    req.headers['x-kortliggaren'] === '1' &&
    (req.headers['content-type'] ?? '').startsWith('application/json') &&
    (origin === undefined || isAllowedHost(origin.replace(/^http:\/\//, ''), port));
  let input: unknown;
  try {
    const body = await readBody(req, maxBodyBytes);
    input = body.length === 0 ? undefined : (JSON.parse(body) as unknown);
    if (input === null) input = undefined;
  } catch {
    sendJson(res, 400, { ok: false, error: { code: 'invalid-input', message: 'body is not JSON' } });
    return;
  }
  const result = await router.invoke(channel, input, { trustedSender: trusted });
  sendJson(res, result.ok ? 200 : result.error.code === 'forbidden-sender' ? 403 : 200, result);
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
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
  const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  let file = normalize(join(dir, pathname));
  if (!file.startsWith(dir + sep) && file !== dir) return notFound(res);
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(dir, 'index.html');
  if (!existsSync(file)) return notFound(res);
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
  res.writeHead(200, headers);
  createReadStream(file).pipe(res);
}
