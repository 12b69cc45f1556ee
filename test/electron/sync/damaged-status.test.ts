import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/app/backend';
import { createMemoryCredentialStore } from '../../../electron/app/credentials';
import { openPgHubPort } from '../../../electron/sync/pg-port';
import type { CardInputRaw } from '../../../shared/domain/card';
import type { AppHealth } from '../../../shared/ipc/maintenance';
import type { HubSyncStatus } from '../../../shared/ipc/hub';
import type { IpcResult } from '../../../shared/ipc/result';
import { tempDir } from '../../fixtures/cards';
import { useHubServer } from '../hub/support';
import { fileHash, flipPageHeaders, rootPages } from '../support/damage';

// A damaged register opens read-only; the sync does not run on it, but the shell still
// shows the sync's state as the hub link recorded it: which hub, when the region's data
// was pulled, how many events wait, and the last error. Real hub, real SQLite file.

const hubs = useHubServer();
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

function card(n: number): CardInputRaw {
  return {
    organisationHsaId: 'SE2321000016-A1B2',
    organisationName: 'Region Exempel',
    assuranceLevel: 2,
    cardNumber: `975220000000000000${n}`,
    holderHsaId: `SE2321000016-H00${n}`,
    holderName: 'Anna Lindqvist',
    holderIdType: 'personnummer',
    unplannedPersonnel: true,
    issuedAt: '2026-02-11T19:40:00+01:00',
    expiresAt: '2026-02-20T19:40:00+01:00',
    reasonCode: 'forgotten-card',
    issuedBy: ['Kim Svensson'],
  };
}

async function closedPort(): Promise<number> {
  return new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

it('answers hub:status on a damaged register, reading only, while the sync stays stopped', async () => {
  const hub = await hubs.newHub();
  const login = await hub.addDesk('boras', 'Borås');
  const { dir, cleanup } = tempDir('damaged-status-');
  cleanups.push(cleanup);
  const file = join(dir, 'k.db');
  const url = new URL(login.url);
  const password = decodeURIComponent(url.password);
  url.password = '';
  let offline = false;
  const unreachable = await closedPort();
  const open = (): Backend => {
    const backend = createBackend({
      databasePath: file,
      mode: 'web',
      version: 'test',
      dailyBackup: false,
      hub: {
        credentials: createMemoryCredentialStore(password),
        background: false,
        openPort: (stored, pw) => {
          const target = new URL(stored);
          if (offline) target.port = String(unreachable);
          return openPgHubPort(target.toString(), 'test', { password: pw, env: {} });
        },
      },
    });
    cleanups.push(() => backend.close());
    return backend;
  };
  const call = async <T>(backend: Backend, channel: string, input: unknown = {}): Promise<IpcResult<T>> =>
    (await backend.router.invoke(channel, input, { trustedSender: true })) as IpcResult<T>;
  const ok = async <T>(backend: Backend, channel: string, input: unknown = {}): Promise<T> => {
    const result = await call<T>(backend, channel, input);
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.value;
  };

  // A joined desk that synced once, then registered two cards while the hub was away.
  const first = open();
  await ok(first, 'hub:connect', { url: url.toString(), password });
  await ok(first, 'cards:register', card(1));
  const synced = await ok<HubSyncStatus>(first, 'hub:sync');
  expect(synced).toMatchObject({ state: 'idle', pending: 0, lastError: null });
  await ok(first, 'cards:register', card(2));
  await ok(first, 'cards:register', card(3));
  offline = true;
  const failed = await ok<HubSyncStatus>(first, 'hub:sync');
  expect(failed.lastError?.message).toContain('går inte att nå just nu');
  const before = await ok<HubSyncStatus>(first, 'hub:status');
  first.close();

  // The register breaks: an index only the name search uses.
  flipPageHeaders(file, rootPages(file, ['cards_holder_name']));
  const hash = fileHash(file);
  const damaged = open();
  expect(await ok<AppHealth>(damaged, 'app:health')).toMatchObject({ status: 'damaged', readOnly: true });

  const status = await ok<HubSyncStatus>(damaged, 'hub:status');
  expect(status).toMatchObject({
    state: 'stopped',
    hubId: before.hubId,
    deskId: 'boras',
    deskName: 'Borås',
    lastPullAt: before.lastPullAt,
    lastPushAt: before.lastPushAt,
    pending: 2,
    nextAttemptAt: null,
  });
  expect(status.lastPullAt).not.toBeNull();
  // The last error as the register kept it (Swedish), from the session before.
  expect(status.lastError).toMatchObject({ code: 'previous', at: failed.lastError!.at });
  expect(status.lastError?.message).toContain('går inte att nå just nu');

  // The hub settings and the region's data as last pulled can be read too.
  expect(await ok(damaged, 'hub:settings')).toMatchObject({
    joined: true,
    deskId: 'boras',
    hasPassword: true,
  });
  const region = await ok<{ total: number; rows: { own: boolean }[] }>(damaged, 'region:cards', {});
  expect(region.total).toBe(3);
  expect(region.rows.every((r) => r.own)).toBe(true);
  const report = await ok<{ report: { totals: { newlyIssued: { level2: number } } } }>(
    damaged,
    'region:report',
    { month: '2026-02' },
  );
  expect(report.report.totals.newlyIssued.level2).toBe(3);

  // The sync and every hub write stay refused; nothing was written to the file.
  for (const [channel, input] of [
    ['hub:sync', {}],
    ['hub:connect', { url: url.toString(), password }],
    ['hub:disconnect', {}],
  ] as const) {
    expect(await call(damaged, channel, input)).toMatchObject({
      ok: false,
      error: { code: 'database-damaged' },
    });
  }
  await damaged.sync.syncNow();
  damaged.close();
  expect(fileHash(file)).toBe(hash);
  // And the hub did not hear from the damaged register either: still only the first card.
  const admin = await hub.admin();
  try {
    expect((await admin.query('SELECT count(*)::int AS n FROM kortliggaren.events')).rows[0]).toEqual({
      n: 1,
    });
  } finally {
    await admin.end();
  }
}, 120_000);
