import { mkdirSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/app/backend';
import { startWebServer, type WebServer } from '../../../electron/dev-web/server';
import { tempDir, validCard } from '../../fixtures/cards';

let backend: Backend;
let server: WebServer;
let cleanup: () => void;

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
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
