import { join } from 'node:path';
import pg from 'pg';
import { createBackend, type Backend } from '../../electron/app/backend';
import { addDesk, initHub } from '../../electron/hub/admin';
import { joinHub } from '../../electron/sync/join';
import { openPgHubPort } from '../../electron/sync/pg-port';
import { syncOnce } from '../../electron/sync/sync';
import { startPostgres, type PgServer } from '../../scripts/hub/embedded-pg';
import { tempDir } from '../fixtures/cards';

/** A regional hub on a real PostgreSQL server started for the test, in a temp folder. */
export interface RegionHub {
  server: PgServer;
  adminUrl: string;
  /** Creates a station and returns its login: the URL without the password, and the password. */
  addStation(id: string, name: string): Promise<{ url: string; password: string; role: string }>;
  /** Runs SQL as the hub's administrator (e.g. to set a station's last push for a scenario). */
  admin(sql: string, params?: unknown[]): Promise<void>;
  stop(): Promise<void>;
}

export async function startRegionHub(): Promise<RegionHub> {
  const server = await startPostgres({ fsync: false });
  const adminUrl = await server.createDatabase('region');
  await initHub(adminUrl, { env: {} });
  return {
    server,
    adminUrl,
    async addStation(id, name) {
      const added = await addDesk(adminUrl, { desk: id, name }, { env: {} });
      return {
        url: `postgres://${added.role}@127.0.0.1:${server.port}/region`,
        password: added.password,
        role: added.role,
      };
    },
    async admin(sql, params = []) {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(sql, params);
      } finally {
        await client.end();
      }
    },
    stop: () => server.stop(),
  };
}

/** Another station's own register, in this process: it registers cards and syncs them. */
export interface OtherStation {
  backend: Backend;
  call(channel: string, input: unknown): Promise<unknown>;
  sync(): Promise<void>;
  close(): void;
}

export async function openOtherStation(login: { url: string; password: string }): Promise<OtherStation> {
  const { dir, cleanup } = tempDir('station-');
  const backend = createBackend({
    databasePath: join(dir, 'k.db'),
    mode: 'cli',
    version: 'test',
    actor: 'Handläggare',
    dailyBackup: false,
  });
  const port = () => openPgHubPort(login.url, 'test', { password: login.password, env: {} });
  const first = port();
  try {
    await joinHub(backend.services, first, login.url);
  } finally {
    await first.close();
  }
  return {
    backend,
    async call(channel, input) {
      const result = await backend.router.invoke(channel, input, { trustedSender: true });
      if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
      return result.value;
    },
    async sync() {
      const p = port();
      try {
        await syncOnce(backend.services, p);
      } finally {
        await p.close();
      }
    },
    close() {
      backend.close();
      cleanup();
    },
  };
}

/** The dispensation extended into 2027, as a region would have added it after 2026-06-30. */
export const EXTENSION_DECISION = {
  id: 'ehm-2026-07-01',
  title: 'Förlängd dispens (exempel)',
  from: '2026-07-01',
  to: '2027-06-30',
  maxValidityDays: 14,
};

/** A valid level-2 reserve card at Stockholm local times `YYYY-MM-DDTHH:MM`. */
export function level2Card(
  cardNumber: string,
  holderHsaId: string,
  holderName: string,
  issued: string,
  expires: string,
  organisation: { hsaId: string; name: string } = { hsaId: 'SE2321000016-A1B2', name: 'Region Exempel' },
): Record<string, unknown> {
  return {
    organisationHsaId: organisation.hsaId,
    organisationName: organisation.name,
    assuranceLevel: 2,
    cardNumber,
    holderHsaId,
    holderName,
    holderIdType: 'personnummer',
    unplannedPersonnel: true,
    issuedAt: `${issued}:00+01:00`,
    expiresAt: `${expires}:00+01:00`,
    reasonCode: 'forgotten-card',
    issuedBy: ['Kim Svensson'],
  };
}
