import { build, type BuildOptions } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { HubPort } from '../../../electron/sync/hub-port';
import { tempDir } from '../../fixtures/cards';
import { useHubServer } from '../hub/support';

const ROOT = resolve(import.meta.dirname, '../../..');
const script = (await import(pathToFileURL(join(ROOT, 'scripts/build-electron.mjs')).href)) as {
  mainBundleOptions(root: string, version: string): BuildOptions;
};
const hubs = useHubServer();
const { dir, cleanup } = tempDir('kortliggaren-pg-bundle-');
afterAll(() => cleanup());

// The desktop app reaches the hub from main.cjs, with pg inlined: bundled exactly so, the
// hub client must connect and talk to a real server.
describe('the hub client inside the main bundle', () => {
  it('connects and answers whoAmI', async () => {
    const outfile = join(dir, 'pg-port.cjs');
    await build({
      ...script.mainBundleOptions(ROOT, 'test'),
      entryPoints: [join(ROOT, 'electron/sync/pg-port.ts')],
      outfile,
    });
    const bundle = readFileSync(outfile, 'utf8');
    const required = new Set([...bundle.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]));
    expect([...required].filter((name) => !name!.startsWith('node:'))).toEqual([]);
    const { openPgHubPort } = createRequire(import.meta.url)(outfile) as {
      openPgHubPort: (url: string, version: string, options: object) => HubPort;
    };
    const hub = await hubs.newHub();
    const desk = await hub.addDesk('boras', 'Borås');
    const port = openPgHubPort(desk.url, 'test', { env: {} });
    try {
      expect(await port.whoAmI()).toMatchObject({
        deskId: 'boras',
        deskName: 'Borås',
        hubId: hub.init.hubId,
      });
      expect((await port.pull(0, 10)).events).toEqual([]);
    } finally {
      await port.close();
    }
  });
});
