import { createServer } from 'node:net';
import { createMemoryCredentialStore } from '../../../electron/app/credentials';
import { registerCard } from '../../../electron/services/cards';
import { joinHub } from '../../../electron/sync/join';
import { openPgHubPort } from '../../../electron/sync/pg-port';
import { createSyncScheduler, type SyncScheduler } from '../../../electron/sync/scheduler';
import { CardInput } from '../../../shared/domain/card';
import type { HubSyncStatus } from '../../../shared/ipc/hub';
import { useHubServer } from '../hub/support';
import { HOLDERS, openDesk, type TestDesk } from './support';

// The scheduler against a real PostgreSQL hub: it syncs on start and after a change with
// real connections, and reports a hub that is not there in plain Swedish.

const hubs = useHubServer();
const opened: TestDesk[] = [];
const schedulers: SyncScheduler[] = [];
afterAll(async () => {
  await Promise.all(schedulers.map((s) => s.stop()));
  opened.forEach((d) => d.close());
});

async function waitFor(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function card(holder: string, issuedAt: string, number: string) {
  return CardInput.parse({
    organisationHsaId: 'SE2321000016-A1B2',
    organisationName: 'Region Exempel',
    assuranceLevel: 2,
    cardNumber: number,
    holderHsaId: holder,
    holderName: 'Anna Lindqvist',
    holderIdType: 'personnummer',
    unplannedPersonnel: true,
    issuedAt,
    expiresAt: '2026-02-20T19:40:00+01:00',
    reasonCode: 'forgotten-card',
    issuedBy: ['Kim Svensson'],
  });
}

it('syncs on start and shortly after a change, against a real hub', async () => {
  const hub = await hubs.newHub();
  const a = await openDesk(hub, 'desk-a', 'Borås');
  const b = await openDesk(hub, 'desk-b', 'Skövde');
  opened.push(a, b);
  const login = new URL(a.url);
  const password = decodeURIComponent(login.password);
  // "Anslut" in the app: the URL is stored without the password, the password kept apart.
  const port = openPgHubPort(a.url, 'test', { env: {} });
  await joinHub(a.ctx, port, a.url);
  await port.close();
  registerCard(a.ctx, card(HOLDERS[0]!, '2026-02-13T19:40:00+01:00', '9752200000000000001'));

  await b.join();
  registerCard(b.ctx, card(HOLDERS[0]!, '2026-02-12T20:00:00+01:00', '9752200000000000002'));
  await b.sync();

  const synced: number[] = [];
  const scheduler = createSyncScheduler({
    services: () => a.backend.services,
    credentials: createMemoryCredentialStore(password),
    openPort: (url, pw) => openPgHubPort(url, 'test', { password: pw, env: {} }),
    debounceMs: 50,
    onSynced: (r) => synced.push(r.pulled),
  });
  schedulers.push(scheduler);
  expect(scheduler.status()).toMatchObject({ state: 'idle', pending: 1, lastPullAt: null });
  scheduler.start();
  await waitFor(() => synced.length === 1, 'the sync on start');
  let status: HubSyncStatus = scheduler.status();
  expect(status).toMatchObject({ state: 'idle', pending: 0, lastError: null, deskName: 'Borås' });
  expect(status.lastPullAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
  // B's card is here, and A's own card has the region's warning: the same holder has
  // another active card at another station.
  expect(a.ctx.pulledCards.get(b.ctx.findings.liveIds()[0]!)?.desk_id).toBe('desk-b');
  const own = a.ctx.findings.liveIds()[0]!;
  expect(
    a.ctx.cards
      .findingsOf([own])
      .get(own)
      ?.map((f) => f.code),
  ).toContain('holder-has-active-card');

  // A change at A goes out shortly after, without anyone asking.
  registerCard(a.ctx, card(HOLDERS[1]!, '2026-02-14T20:00:00+01:00', '9752200000000000003'));
  expect(scheduler.status().pending).toBe(1);
  scheduler.notifyChange();
  await waitFor(() => synced.length === 2, 'the sync after a change');
  status = scheduler.status();
  expect(status.pending).toBe(0);
  expect(status.lastResult?.pushed).toBe(1);
  await b.sync();
  expect(b.ctx.pulledCards.allLive().map((c) => c.holder_hsa_id)).toEqual(
    expect.arrayContaining([HOLDERS[1]]),
  );
});

it('says in plain Swedish that the hub cannot be reached, and plans a retry', async () => {
  const hub = await hubs.newHub();
  const a = await openDesk(hub, 'desk-c', 'Lidköping');
  opened.push(a);
  await a.join();
  // A port on this machine that nobody listens on.
  const closedPort = await new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
  const elsewhere = new URL(a.url);
  elsewhere.port = String(closedPort);
  const scheduler = createSyncScheduler({
    services: () => a.backend.services,
    credentials: createMemoryCredentialStore(decodeURIComponent(elsewhere.password)),
    openPort: (_url, pw) => {
      elsewhere.password = '';
      return openPgHubPort(elsewhere.toString(), 'test', { password: pw, env: {} });
    },
  });
  schedulers.push(scheduler);
  scheduler.start();
  await waitFor(() => scheduler.status().state === 'retrying', 'the failed attempt');
  const status = scheduler.status();
  expect(status.lastError).toMatchObject({ code: 'hub-unreachable', retryable: true });
  expect(status.lastError?.message).toContain('går inte att nå just nu');
  expect(status.lastError?.message).not.toContain(decodeURIComponent(new URL(a.url).password));
  expect(Date.parse(status.nextAttemptAt!) - Date.now()).toBeGreaterThan(5_000);
  // The register keeps the message too, for the next start.
  expect(a.ctx.db.prepare('SELECT last_error FROM hub_link').pluck().get()).toContain('går inte att nå');
});
