import { mkdirSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/app/backend';
import { startWebServer, type WebServer } from '../../../electron/dev-web/server';
import { sendRaw } from '../../../scripts/reliability/url-fuzz';
import { tempDir, validCard } from '../../fixtures/cards';

let backend: Backend;
let server: WebServer;
let cleanup: () => void;
let cleanupDir: string;

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  cleanupDir = t.dir;
  const staticDir = join(t.dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Kortliggaren</title>');
  writeFileSync(join(t.dir, 'secret.txt'), 'do not serve');
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'assets', 'index-DRBytusi.js'), 'export {};');
  backend = createBackend({ databasePath: join(t.dir, 'k.db'), mode: 'web', version: 'test' });
  server = await startWebServer({
    router: backend.router,
    port: 0,
    renderer: { kind: 'static', dir: staticDir },
  });
});
afterAll(async () => {
  await server.close();
  backend.close();
  cleanup();
});

function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<{ status: number; body: string; headers: IncomingHttpHeaders }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'POST',
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const appHeaders = { 'Content-Type': 'application/json', 'X-Kortliggaren': '1' };

describe('browser mode server', () => {
  it('listens on loopback only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers the router over POST /api/<channel>', async () => {
    const created = await send('/api/cards:register', {
      headers: appHeaders,
      body: JSON.stringify(validCard()),
    });
    expect(created.status).toBe(200);
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { holderName: 'Anna Åberg' } });
    const list = await send('/api/cards:list', { headers: appHeaders, body: '{}' });
    expect(JSON.parse(list.body)).toMatchObject({ ok: true, value: { total: 1 } });
  });

  it('refuses calls without the app header or from another origin', async () => {
    const noHeader = await send('/api/cards:list', {
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(noHeader.status).toBe(403);
    expect(JSON.parse(noHeader.body)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    const foreign = await send('/api/cards:list', {
      headers: { ...appHeaders, Origin: 'http://evil.example' },
      body: '{}',
    });
    expect(foreign.status).toBe(403);
    const formPost = await send('/api/cards:list', {
      headers: { 'Content-Type': 'text/plain', 'X-Kortliggaren': '1' },
      body: '{}',
    });
    expect(formPost.status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const r = await send('/api/cards:list', {
      headers: { ...appHeaders, Host: `evil.example:${server.port}` },
      body: '{}',
    });
    expect(r.status).toBe(421);
  });

  it('rejects non-JSON bodies and other methods', async () => {
    expect((await send('/api/cards:list', { headers: appHeaders, body: '{oops' })).status).toBe(400);
    expect((await send('/api/cards:list', { method: 'GET' })).status).toBe(405);
  });

  it('serves the renderer and never files outside its folder', async () => {
    const index = await send('/', { method: 'GET' });
    expect(index.body).toContain('<title>Kortliggaren</title>');
    const escape = await send('/../secret.txt', { method: 'GET' });
    expect(escape.body).not.toContain('do not serve');
    const encoded = await send('/%2e%2e/secret.txt', { method: 'GET' });
    expect(encoded.body).not.toContain('do not serve');
  });

  it('lets the browser keep hashed assets and revalidate the page itself', async () => {
    const asset = await send('/assets/index-DRBytusi.js', { method: 'GET' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await send('/', { method: 'GET' });
    expect(page.headers['cache-control']).toBe('no-cache');
    const etag = page.headers.etag;
    expect(etag).toMatch(/^".+"$/);
    const again = await send('/', { method: 'GET', headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    const stale = await send('/', { method: 'GET', headers: { 'If-None-Match': '"other"' } });
    expect(stale.status).toBe(200);
  });
});

// Issue 13 item 6: `/api/%E0%A4%A` and `GET /%E0%A4%A` threw an unhandled URIError and
// took the server down. Every bad request is answered, and the server stays up.
describe('browser mode server, bad requests', () => {
  const raw = (method: string, target: string, body = '', app = true) =>
    sendRaw(server.port, { method, target, app, body }, 5000);

  async function expectUp() {
    expect((await send('/', { method: 'GET' })).status).toBe(200);
    expect((await send('/api/app:info', { headers: appHeaders })).status).toBe(200);
  }

  it.each([
    ['POST /api/%E0%A4%A → 400', 'POST', '/api/%E0%A4%A', 400],
    ['POST /api/cards:list% → 400', 'POST', '/api/cards:list%', 400],
    ['POST /api/%C0%AE%C0%AE (overlong UTF-8) → 400', 'POST', '/api/%C0%AE%C0%AE', 400],
    ['GET /%E0%A4%A → 400', 'GET', '/%E0%A4%A', 400],
    ['GET /assets/%FF.js → 400', 'GET', '/assets/%FF.js', 400],
    ['GET /a%00b (NUL) → 400', 'GET', '/a%00b', 400],
    ['HEAD /%E0%A4%A → 400', 'HEAD', '/%E0%A4%A', 400],
    ['PUT / → 405', 'PUT', '/', 405],
    ['DELETE /index.html → 405', 'DELETE', '/index.html', 405],
    ['GET /api/cards:list → 405', 'GET', '/api/cards:list', 405],
    ['GET of a 20 000-character path → 431', 'GET', '/' + 'a'.repeat(20_000), 431],
  ])('%s, and the server stays up', async (_label, method, target, status) => {
    const answer = await raw(method, target, method === 'POST' ? '{}' : '');
    expect(answer.status).toBe(status);
    if (status === 400 && target.startsWith('/api/')) {
      // The IPC error shape, so the page's client reads it like any refusal.
      expect(answer.text).toContain(
        '{"ok":false,"error":{"code":"invalid-input","message":"the channel name is not valid percent-encoded UTF-8","fields":[{"field":"url","message":"url.malformed"}]}}',
      );
    }
    await expectUp();
  });

  it('refuses a malformed or missing Host', async () => {
    for (const host of [null, '', '127.0.0.1', `127.0.0.1:${server.port}:1`, `[::1]:${server.port}`, 'ö']) {
      const answer = await sendRaw(server.port, { method: 'GET', target: '/', app: false, body: '', host });
      // Node refuses a missing header itself (400); the server any foreign one (421).
      expect([host, answer.status]).toEqual([host, host === null ? 400 : 421]);
    }
    await expectUp();
  });

  it('answers a body over the limit with 413, without reading it all', async () => {
    const small = await startWebServer({
      router: backend.router,
      port: 0,
      renderer: { kind: 'static', dir: join(cleanupDir, 'static') },
      maxBodyBytes: 1024,
    });
    try {
      const answer = await sendRaw(
        small.port,
        { method: 'POST', target: '/api/cards:list', app: true, body: `{"x":"${'a'.repeat(4096)}"}` },
        5000,
      );
      expect(answer.status).toBe(413);
      expect(answer.text).toContain('body.tooLarge');
      expect(
        (await sendRaw(small.port, { method: 'POST', target: '/api/app:info', app: true, body: '' })).status,
      ).toBe(200);
    } finally {
      await small.close();
    }
  });

  it('survives a client that gives up half-way through its body', async () => {
    const errors: unknown[] = [];
    const note = (error: unknown) => errors.push(error);
    process.on('uncaughtException', note);
    try {
      await new Promise<void>((resolve) => {
        const socket = connect(server.port, '127.0.0.1', () => {
          socket.write(
            `POST /api/cards:register HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n` +
              'Content-Type: application/json\r\nX-Kortliggaren: 1\r\nContent-Length: 5000\r\n\r\n{"organ',
          );
          setTimeout(() => {
            socket.destroy();
            resolve();
          }, 50);
        });
        socket.on('error', () => {});
      });
      await new Promise((r) => setTimeout(r, 100));
      await expectUp();
      expect(errors).toEqual([]);
    } finally {
      process.off('uncaughtException', note);
    }
  });
});
