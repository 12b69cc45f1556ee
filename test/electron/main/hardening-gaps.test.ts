import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import type { Plugin } from 'vite';
import { createBackend, type Backend } from '../../../electron/app/backend';
import { registerIpc, type IpcMainLike } from '../../../electron/main/ipc-electron';
import { isTrustedSender } from '../../../electron/main/security';
import { CHANNEL_NAMES } from '../../../shared/ipc/channels';
import viteConfig, { CONTENT_SECURITY_POLICY } from '../../../vite.config';
import { tempDir, validCard } from '../../fixtures/cards';

// Nothing here may load the real Electron (its binary is absent in tests).
vi.mock('electron', () => ({}));

const ROOT = resolve(import.meta.dirname, '../../..');
const APP_URL = 'app://kortliggaren/index.html';
type Listener = (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>;
type Frame = { url: string; parent: Frame | null };
const eventFrom = (frame: Frame, mainFrame: Frame) =>
  ({ senderFrame: frame, sender: { mainFrame } }) as unknown as IpcMainInvokeEvent;

describe('IPC from a foreign frame, against the real back end', () => {
  let backend: Backend;
  let cleanup: () => void;
  const listeners = new Map<string, Listener>();

  beforeEach(() => {
    const t = tempDir();
    cleanup = t.cleanup;
    backend = createBackend({ databasePath: join(t.dir, 'k.db'), mode: 'desktop', version: 'test' });
    const ipcMain: IpcMainLike = {
      handle: (channel, listener) => listeners.set(channel, listener as Listener),
    };
    registerIpc(ipcMain, backend.router, (event) => isTrustedSender(event, APP_URL));
  });
  afterEach(() => {
    backend.close();
    cleanup();
  });

  it('is refused on every channel — restore and backup included — and changes nothing', async () => {
    const app: Frame = { url: APP_URL, parent: null };
    const iframe: Frame = { url: APP_URL, parent: app };
    const web: Frame = { url: 'https://example.com/', parent: null };
    const valid: Record<string, unknown> = { 'cards:register': validCard(), 'backup:create': {} };
    const table = () => backend.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const before = table();
    for (const channel of CHANNEL_NAMES) {
      for (const [frame, main] of [
        [iframe, app],
        [web, web],
      ] as const) {
        const answer = await listeners.get(channel)!(eventFrom(frame, main), valid[channel] ?? {});
        expect(answer, channel).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
      }
    }
    expect(table()).toBe(before);
    expect(backend.maintenance.listBackups()).toEqual([]);
    // The same call from the app's own page goes through.
    expect(await listeners.get('cards:register')!(eventFrom(app, app), validCard())).toMatchObject({
      ok: true,
    });
  });
});

describe('CSP of the real renderer page', () => {
  it('is injected into renderer/index.html by the build, which has no inline script', async () => {
    const plugins = (viteConfig.plugins ?? []).flat() as Plugin[];
    const csp = plugins.find((p) => p?.name === 'kortliggaren-csp');
    expect(csp?.apply).toBe('build');
    const transform = csp!.transformIndexHtml as (html: string) => string | Promise<string>;
    const source = readFileSync(join(ROOT, 'renderer', 'index.html'), 'utf8');
    const built = await transform(source);
    const metas = built.match(/<meta\b[^>]*http-equiv="Content-Security-Policy"[^>]*>/gi) ?? [];
    expect(metas).toEqual([
      `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
    ]);
    const head = /<head>([\s\S]*?)<\/head>/i.exec(built)?.[1] ?? '';
    // Before anything it governs: a policy after a script would come too late for it.
    const firstResource = head.search(/<script|<link/i);
    if (firstResource >= 0) expect(head.indexOf('Content-Security-Policy')).toBeLessThan(firstResource);
    for (const tag of built.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? []) {
      expect(tag, 'inline script').toMatch(/^<script\b[^>]*\bsrc="[^"]+"[^>]*><\/script>$/);
    }
  });
});
