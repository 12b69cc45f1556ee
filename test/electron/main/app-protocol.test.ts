import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const fake = vi.hoisted(() => ({
  schemes: [] as unknown[],
  fetched: [] as string[],
  handlers: new Map<string, (request: { url: string }) => Response | Promise<Response>>(),
}));

vi.mock('electron', () => ({
  protocol: { registerSchemesAsPrivileged: (schemes: unknown[]) => fake.schemes.push(...schemes) },
  net: {
    fetch: (url: string) => {
      fake.fetched.push(url);
      return Promise.resolve(new Response('file'));
    },
  },
}));

const { APP_URL, registerAppScheme, resolveAppFile, serveAppFiles } =
  await import('../../../electron/main/app-protocol');

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kortliggaren-renderer-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), '');
  fake.fetched.length = 0;
  fake.handlers.clear();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the app scheme', () => {
  it('is registered as a standard, secure scheme with the V8 code cache', () => {
    registerAppScheme();
    expect(fake.schemes).toEqual([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
      },
    ]);
    expect(APP_URL).toBe('app://kortliggaren/index.html');
  });

  it('maps the entry page, the root and assets to files inside the renderer folder', () => {
    expect(resolveAppFile(root, APP_URL)).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://kortliggaren/')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://kortliggaren/assets/index-abc.js?v=1#x')).toBe(
      join(root, 'assets', 'index-abc.js'),
    );
    expect(resolveAppFile(root, 'app://kortliggaren/assets/a%20b.js')).toBe(join(root, 'assets', 'a b.js'));
    // Dot segments, even encoded, are resolved by the URL parser and stop at the root.
    expect(resolveAppFile(root, 'app://kortliggaren/%2e%2e/%2e%2e/secret.txt')).toBe(
      join(root, 'secret.txt'),
    );
  });

  it('refuses other hosts and schemes, climbing out of the folder, and malformed addresses', () => {
    for (const url of [
      'app://elsewhere/index.html',
      'file:///etc/passwd',
      'https://kortliggaren/index.html',
      'app://kortliggaren/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://kortliggaren/assets/..%5c..%5csecret.txt',
      'app://kortliggaren/%00.js',
      'app://kortliggaren/%E0%A4%A.js',
      'not a url',
    ]) {
      expect(resolveAppFile(root, url), url).toBeNull();
    }
  });

  it('serves a file through net.fetch and answers 404 for anything outside', async () => {
    const session = {
      protocol: {
        handle: (scheme: string, handler: (request: { url: string }) => Response | Promise<Response>) =>
          fake.handlers.set(scheme, handler),
      },
    };
    serveAppFiles(session as never, root);
    const handler = fake.handlers.get('app')!;
    const page = await handler({ url: APP_URL });
    expect(await page.text()).toBe('file');
    expect(fake.fetched).toEqual([pathToFileURL(join(root, 'index.html')).href]);
    const outside = await handler({ url: 'app://kortliggaren/assets/..%2f..%2f..%2fetc%2fpasswd' });
    expect(outside.status).toBe(404);
    expect(fake.fetched).toHaveLength(1);
  });
});
