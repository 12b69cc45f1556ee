import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../../electron/app/backend';
import { createMemoryCredentialStore, type CredentialStore } from '../../../electron/app/credentials';
import type { CardInputRaw } from '../../../shared/domain/card';
import type { Channel, ChannelOutput } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/result';
import { tempDir } from '../../fixtures/cards';
import { useHubServer } from '../hub/support';
import { openDesk, type TestDesk } from '../sync/support';

// The hub's channels through the router, as the UI calls them, against a real PostgreSQL hub.

const hubs = useHubServer();
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

interface App {
  backend: Backend;
  credentials: CredentialStore;
  dir: string;
  call<C extends Channel>(channel: C, input?: unknown): Promise<IpcResult<ChannelOutput<C>>>;
  ok<C extends Channel>(channel: C, input?: unknown): Promise<ChannelOutput<C>>;
}

function openApp(options: { background?: boolean; now?: () => number } = {}): App {
  const { dir, cleanup } = tempDir('hub-ipc-');
  const credentials = createMemoryCredentialStore();
  const backend = createBackend({
    databasePath: join(dir, 'k.db'),
    mode: 'web',
    version: 'test',
    dailyBackup: false,
    ...(options.now ? { now: options.now } : {}),
    hub: { credentials, background: options.background ?? false, timing: { debounceMs: 50 } },
  });
  cleanups.push(() => {
    backend.close();
    cleanup();
  });
  const call = async <C extends Channel>(channel: C, input: unknown = {}) =>
    (await backend.router.invoke(channel, input, { trustedSender: true })) as IpcResult<ChannelOutput<C>>;
  return {
    backend,
    credentials,
    dir,
    call,
    async ok(channel, input) {
      const result = await call(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
      return result.value;
    },
  };
}

function card(overrides: Partial<CardInputRaw> = {}): CardInputRaw {
  return {
    organisationHsaId: 'SE2321000016-A1B2',
    organisationName: 'Region Exempel',
    assuranceLevel: 2,
    cardNumber: '9752200000000000001',
    holderHsaId: 'SE2321000016-H001',
    holderName: 'Anna Lindqvist',
    holderIdType: 'personnummer',
    unplannedPersonnel: true,
    issuedAt: '2026-02-11T19:40:00+01:00',
    expiresAt: '2026-02-20T19:40:00+01:00',
    reasonCode: 'forgotten-card',
    issuedBy: ['Kim Svensson'],
    ...overrides,
  };
}

/** A desk login split as the Settings form takes it: the URL without, the password apart. */
function splitLogin(url: string): { url: string; password: string } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { url: parsed.toString(), password };
}

async function waitFor(check: () => Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('connecting in Settings', () => {
  it('refuses, in Swedish naming the field, and stores nothing', async () => {
    const hub = await hubs.newHub();
    const login = await hub.addDesk('desk-x', 'Alingsås');
    const { url, password } = splitLogin(login.url);
    const app = openApp();

    expect(await app.ok('hub:settings')).toEqual({
      joined: false,
      url: null,
      hubId: null,
      deskId: null,
      deskName: null,
      hasPassword: false,
      passwordStore: 'memory',
    });
    expect((await app.ok('hub:status')).state).toBe('off');

    // TLS is required off this machine.
    const plain = await app.call('hub:connect', {
      url: 'postgres://desk_x@hubb.regionen.se:5432/kortliggaren',
      password: 'x',
    });
    expect(plain.ok).toBe(false);
    if (plain.ok) return;
    expect(plain.error.code).toBe('hub-failed');
    expect(plain.error.fields?.[0]).toMatchObject({ field: 'url', params: { code: 'hub-url' } });
    expect(plain.error.message).toContain('sslmode=verify-full');
    expect(String(plain.error.fields?.[0]?.params?.en)).toContain('sslmode=verify-full');

    // A wrong password.
    const wrong = await app.call('hub:connect', { url, password: 'fel-lösenord' });
    expect(wrong.ok).toBe(false);
    if (wrong.ok) return;
    expect(wrong.error.fields?.[0]).toMatchObject({ field: 'password', params: { code: 'hub-auth' } });
    expect(wrong.error.message).toContain('godtog inte inloggningen');
    expect(JSON.stringify(wrong.error)).not.toContain('fel-lösenord');

    // A hub that is not there.
    const away = new URL(url);
    away.port = '1';
    const unreachable = await app.call('hub:connect', { url: away.toString(), password });
    expect(unreachable.ok).toBe(false);
    if (unreachable.ok) return;
    expect(unreachable.error.fields?.[0]).toMatchObject({
      field: 'hub',
      params: { code: 'hub-unreachable' },
    });
    expect(unreachable.error.message).toContain('går inte att nå');

    // No password at all.
    const missing = await app.call('hub:connect', { url, password: '' });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', fields: [{ field: 'password', message: 'required' }] },
    });

    expect((await app.ok('hub:settings')).joined).toBe(false);
    expect(app.credentials.get()).toBeNull();
  });

  it('joins, keeps the password out of the register, syncs, and forgets it on disconnect', async () => {
    const hub = await hubs.newHub();
    const login = await hub.addDesk('desk-y', 'Ulricehamn');
    const { url, password } = splitLogin(login.url);
    const app = openApp();
    await app.ok('cards:register', card());

    const connected = await app.ok('hub:connect', { url, password });
    expect(connected.settings).toMatchObject({
      joined: true,
      url,
      deskId: 'desk-y',
      deskName: 'Ulricehamn',
      hasPassword: true,
    });
    expect(connected.pending).toBe(1);
    expect(app.credentials.get()).toBe(password);

    const status = await app.ok('hub:sync');
    expect(status).toMatchObject({ state: 'idle', pending: 0, lastError: null, deskName: 'Ulricehamn' });
    expect(status.lastPullAt).not.toBeNull();

    // Never in the SQLite file (nor its journal) — only in the credential store.
    app.backend.close();
    for (const name of readdirSync(app.dir)) {
      if (!name.startsWith('k.db')) continue;
      const bytes = readFileSync(join(app.dir, name));
      expect(bytes.includes(Buffer.from(password, 'utf8')), name).toBe(false);
    }
  });

  it('forgets the password on disconnect; the register stays that station', async () => {
    const hub = await hubs.newHub();
    const login = await hub.addDesk('desk-z', 'Falköping');
    const app = openApp();
    await app.ok('hub:connect', splitLogin(login.url));
    const settings = await app.ok('hub:disconnect');
    expect(settings).toMatchObject({ joined: true, deskId: 'desk-z', hasPassword: false });
    expect(app.credentials.get()).toBeNull();
    expect((await app.ok('hub:status')).state).toBe('no-password');
    // Connecting again as the same station works; the password is asked for again.
    const { url, password } = splitLogin(login.url);
    expect(await app.call('hub:connect', { url, password: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', fields: [{ field: 'password' }] },
    });
    await app.ok('hub:connect', { url, password });
    // A new address for the same station keeps the stored password.
    const renamed = await app.ok('hub:connect', { url: `${url}?application_name=disk`, password: '' });
    expect(renamed.settings).toMatchObject({ hasPassword: true, url: `${url}?application_name=disk` });
    expect((await app.ok('hub:sync')).state).toBe('idle');
  });

  it('pushes a card registered through the router shortly after, without being asked', async () => {
    const hub = await hubs.newHub();
    const login = await hub.addDesk('desk-w', 'Mölndal');
    const app = openApp({ background: true });
    await app.ok('hub:connect', splitLogin(login.url));
    await waitFor(async () => (await app.ok('hub:status')).lastPullAt !== null, 'the first sync');
    await app.ok('cards:register', card({ cardNumber: '9752200000000000077' }));
    await waitFor(async () => (await app.ok('hub:status')).pending === 0, 'the push after the change');
    const admin = await hub.admin();
    try {
      const events = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM kortliggaren.events');
      expect(events.rows[0]!.n).toBe(1);
    } finally {
      await admin.end();
    }
    await app.backend.stopSync();
  });
});

describe('the region views', () => {
  let hubDesk: TestDesk;
  let app: App;
  let month: string;

  beforeAll(async () => {
    const hub = await hubs.newHub();
    hubDesk = await openDesk(hub, 'skovde', 'Skövde');
    cleanups.push(() => hubDesk.close());
    const login = await hub.addDesk('boras', 'Borås');
    // A's clock: after February, so the month has ended.
    app = openApp({ now: () => Date.parse('2026-03-05T09:00:00+01:00') });
    month = '2026-02';
    // Skövde gave the holder a card on the 12th; Borås another on the 13th, still active.
    await hubDesk.join();
    await hubDesk.backend.router.invoke(
      'cards:register',
      card({ cardNumber: '9752200000000000002', issuedAt: '2026-02-12T20:00:00+01:00' }),
      { trustedSender: true },
    );
    await hubDesk.sync();
    await app.ok('cards:register', card({ issuedAt: '2026-02-13T19:40:00+01:00' }));
    await app.ok('hub:connect', splitLogin(login.url));
    await app.ok('hub:sync');
  });

  it('lists own and pulled cards, the pulled ones without a holder name and marked with the station', async () => {
    const page = await app.ok('region:cards', { sort: { by: 'issuedAt', dir: 'asc' } });
    expect(page.total).toBe(2);
    const [theirs, mine] = page.rows;
    expect(theirs).toMatchObject({ own: false, station: 'Skövde', stationId: 'skovde', holderName: null });
    expect(mine).toMatchObject({ own: true, station: 'Borås', holderName: 'Anna Lindqvist' });
    // The cross-station warning on this station's own card names the other station.
    expect(mine!.findings).toContainEqual({
      code: 'holder-has-active-card',
      severity: 'warning',
      otherStation: 'Skövde',
    });
    expect(page.stations).toEqual([
      { id: 'boras', name: 'Borås', own: true },
      { id: 'skovde', name: 'Skövde', own: false },
    ]);
    // The desk's own register is unchanged: only its own card.
    expect((await app.ok('cards:list', {})).total).toBe(1);
  });

  it('filters by station and finds a pulled card by its number, never by a name', async () => {
    expect((await app.ok('region:cards', { station: 'skovde' })).rows.map((r) => r.station)).toEqual([
      'Skövde',
    ]);
    expect((await app.ok('region:cards', { station: 'boras' })).rows.map((r) => r.own)).toEqual([true]);
    expect((await app.ok('region:cards', { search: '0002' })).rows.map((r) => r.station)).toEqual(['Skövde']);
    expect((await app.ok('region:cards', { search: 'anna' })).rows.map((r) => r.own)).toEqual([true]);
    const bad = await app.call('region:cards', { limit: 0 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it("shows another station's card with what travelled, and refuses its own cards there", async () => {
    const page = await app.ok('region:cards', { station: 'skovde' });
    const detail = await app.ok('region:card', { id: page.rows[0]!.id });
    expect(detail).toMatchObject({
      own: false,
      station: 'Skövde',
      holderName: null,
      cardNumber: '9752200000000000002',
      lastEvent: 'registered',
      unplannedPersonnel: true,
    });
    expect(JSON.stringify(detail)).not.toContain('Anna');
    const mine = (await app.ok('region:cards', { station: 'boras' })).rows[0]!;
    expect(await app.call('region:card', { id: mine.id })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it("reports the region with each station's last push, and raises the alert when a late card changes an exported month", async () => {
    const status = await app.ok('region:report', { month });
    expect(status.monthEnded).toBe(true);
    expect(status.report.totals.newlyIssued.level2).toBe(2);
    expect(status.coverage.map((c) => [c.name, c.own])).toEqual([
      ['Borås', true],
      ['Skövde', false],
    ]);
    expect(status.coverage.every((c) => c.lastPush !== null)).toBe(true);
    expect(status.reported).toBeNull();

    const out = join(app.dir, 'region.json');
    const exported = await app.ok('region:export', { month, format: 'json', path: out });
    expect(exported).toMatchObject({ month, files: [out] });
    expect((await app.ok('region:report', { month })).changes).toBeNull();

    // Skövde pushes a February card late.
    await hubDesk.backend.router.invoke(
      'cards:register',
      card({
        cardNumber: '9752200000000000003',
        holderHsaId: 'SE2321000016-H002',
        issuedAt: '2026-02-20T21:00:00+01:00',
        expiresAt: '2026-02-22T21:00:00+01:00',
      }),
      { trustedSender: true },
    );
    await hubDesk.sync();
    const after = await app.ok('hub:sync');
    expect(after.changedReportedMonths).toEqual([month]);
    const changed = await app.ok('region:report', { month });
    expect(changed.changes).not.toBeNull();
    expect(changed.report.totals.newlyIssued.level2).toBe(3);

    // Exported again: the alert is gone from the status too.
    await app.ok('region:export', { month, format: 'json', path: out });
    expect((await app.ok('hub:status')).changedReportedMonths).toEqual([]);
  });
});
