import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/app/backend';
import { createSafeStorageCredentials, type SecretStore } from '../../../electron/main/hub-credentials';
import { pgHubHost } from '../../../electron/sync/hub-handlers';
import type { CardRecord } from '../../../shared/domain/card';
import type {
  HubSyncResult,
  HubSyncStatus,
  RegionCardPage,
  RegionReportStatus,
} from '../../../shared/ipc/hub';
import type { IpcResult } from '../../../shared/ipc/result';
import { HOLDER, tempDir, validCard } from '../../fixtures/cards';
import { useHubServer } from '../hub/support';

const hubs = useHubServer();
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.reverse().forEach((c) => c()));

// A stand-in for Electron's safeStorage: reversible, but never the plain text.
const fakeStore: SecretStore = {
  isEncryptionAvailable: () => true,
  encryptString: (plain) => Buffer.from([...Buffer.from(plain, 'utf8')].map((b) => b ^ 0x5a)),
  decryptString: (encrypted) => Buffer.from([...encrypted].map((b) => b ^ 0x5a)).toString('utf8'),
};

function openApp(name: string): { backend: Backend; dir: string } {
  const t = tempDir(`hub-ipc-${name}-`);
  const backend = createBackend({
    databasePath: join(t.dir, 'k.db'),
    mode: 'web',
    version: 'test',
    dailyBackup: false,
    hubHost: pgHubHost('test', createSafeStorageCredentials(fakeStore, join(t.dir, 'hub-losenord.bin'))),
  });
  cleanups.push(() => {
    backend.close();
    t.cleanup();
  });
  return { backend, dir: t.dir };
}

async function call<T>(backend: Backend, channel: string, input: unknown = {}): Promise<T> {
  const result = (await backend.router.invoke(channel, input, { trustedSender: true })) as IpcResult<T>;
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return result.value;
}

async function refusal(backend: Backend, channel: string, input: unknown): Promise<unknown> {
  const result = await backend.router.invoke(channel, input, { trustedSender: true });
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

const noPassword = (url: string) => url.replace(/:[^:@/]+@/, '@');

describe('the hub in the app (channels)', () => {
  it('connects with a password kept outside the register, syncs, and shows the region read-only', async () => {
    const hub = await hubs.newHub();
    const boras = await hub.addDesk('boras', 'Borås');
    const skovde = await hub.addDesk('skovde', 'Skövde');
    const a = openApp('a');
    const b = openApp('b');

    expect(await call<HubSyncStatus>(a.backend, 'hub:status')).toMatchObject({
      joined: false,
      pendingEvents: 0,
      passwordSaved: false,
    });
    expect(await refusal(a.backend, 'hub:connect', { url: 'https://hubb.example.se/db' })).toMatchObject({
      code: 'invalid-input',
      fields: [
        {
          field: 'url',
          message: 'hub.url',
          params: { detail: expect.stringContaining('postgres://') as string },
        },
      ],
    });
    expect(
      await refusal(a.backend, 'hub:connect', { url: noPassword(boras.url), password: 'fel-lösenord' }),
    ).toMatchObject({
      code: 'hub-error',
      message: expect.stringContaining('godtog inte inloggningen') as string,
    });
    expect(
      await refusal(a.backend, 'hub:connect', { url: 'postgres://boras@127.0.0.1:1/hub', password: 'x' }),
    ).toMatchObject({
      code: 'hub-unreachable',
      message: expect.stringContaining('går inte att nå') as string,
    });

    const connected = await call<HubSyncStatus>(a.backend, 'hub:connect', {
      url: noPassword(boras.url),
      password: boras.password,
    });
    expect(connected).toMatchObject({
      joined: true,
      deskId: 'boras',
      deskName: 'Borås',
      url: noPassword(boras.url),
      passwordSaved: true,
    });
    // The password in the URL is taken as the password too.
    expect(await call<HubSyncStatus>(b.backend, 'hub:connect', { url: skovde.url })).toMatchObject({
      passwordSaved: true,
    });
    for (const app of [a, b]) {
      app.backend.db.pragma('wal_checkpoint(TRUNCATE)');
      const register = readFileSync(join(app.dir, 'k.db'));
      const secret = app === a ? boras.password : skovde.password;
      expect(register.includes(Buffer.from(secret))).toBe(false);
      expect(readFileSync(join(app.dir, 'hub-losenord.bin')).includes(Buffer.from(secret))).toBe(false);
    }

    // Skövde hands a card to a holder; Borås, after a sync, sees it and is warned.
    await call<CardRecord>(b.backend, 'cards:register', validCard({ holderName: 'Sara Skövdesson' }));
    expect((await call<HubSyncStatus>(b.backend, 'hub:status')).pendingEvents).toBe(1);
    const fromB = await call<HubSyncResult>(b.backend, 'hub:sync');
    expect(fromB).toMatchObject({ pushed: 1, status: { pendingEvents: 0, lastError: null } });
    expect(fromB.status.regionDataAsOf).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await call(a.backend, 'hub:sync');

    const later = await call<CardRecord>(
      a.backend,
      'cards:register',
      validCard({
        cardNumber: '9752210000000000777',
        issuedAt: '2026-02-12T20:00:00+01:00',
        expiresAt: '2026-02-14T20:00:00+01:00',
        holderName: 'Sara Boråsdotter',
      }),
    );
    const findings = await call<{ code: string }[]>(a.backend, 'findings:card', { id: later.id });
    expect(findings.map((f) => f.code)).toContain('holder-has-active-card');

    const region = await call<RegionCardPage>(a.backend, 'region:cards', {});
    expect(region.total).toBe(2);
    const other = region.rows.find((r) => !r.own)!;
    expect(other).toMatchObject({ deskId: 'skovde', deskName: 'Skövde', record: null, findings: [] });
    expect(other.holderHsaId).toBe(HOLDER);
    expect(JSON.stringify(region)).not.toContain('Skövdesson');
    const mine = region.rows.find((r) => r.own)!;
    expect(mine).toMatchObject({
      deskId: 'boras',
      deskName: 'Borås',
      record: { holderName: 'Sara Boråsdotter' },
    });
    expect(mine.findings.map((f) => f.code)).toContain('holder-has-active-card');
    expect((await call<RegionCardPage>(a.backend, 'region:cards', { owner: 'others' })).total).toBe(1);
    expect(
      (await call<RegionCardPage>(a.backend, 'region:cards', { search: '9752 2100 0000 0000 777' })).rows.map(
        (r) => r.id,
      ),
    ).toEqual([later.id]);
    expect((await call<RegionCardPage>(a.backend, 'region:cards', { month: '2026-03' })).total).toBe(0);
    // The desk's own list stays its own.
    expect((await call<{ total: number }>(a.backend, 'cards:list', {})).total).toBe(1);

    const report = await call<RegionReportStatus>(a.backend, 'region:report', { month: '2026-02' });
    expect(report.report.totals.newlyIssued.level2).toBe(2);
    expect(report.deskCoverage.map((d) => [d.desk, d.own])).toEqual([
      ['boras', true],
      ['skovde', false],
    ]);
    // Both pushed just now: after February ended (by the clock), before a month far ahead.
    const afterFebruary = Date.now() >= Date.parse('2026-03-01T00:00:00+01:00');
    expect(report.deskCoverage.map((d) => d.pushedAfterMonthEnd)).toEqual([afterFebruary, afterFebruary]);
    expect(report.deskCoverage.every((d) => d.lastPush !== null)).toBe(true);
    const ahead = await call<RegionReportStatus>(a.backend, 'region:report', { month: '2099-12' });
    expect(ahead.deskCoverage.map((d) => d.pushedAfterMonthEnd)).toEqual([false, false]);
    expect(report).toMatchObject({ reported: null, changes: null });
  }, 60_000);
});
