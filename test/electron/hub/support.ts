import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { addDesk, initHub, type AddedDesk, type InitHubResult } from '../../../electron/hub/admin';
import { openHubPool } from '../../../electron/hub/connect';
import { sealEvent } from '../../../electron/hub/event-hash';
import {
  HUB_EVENT_SCHEMA_VERSION,
  type HubCardState,
  type HubEvent,
  type HubEventKind,
} from '../../../shared/hub/event';
import { startPostgres, type PgServer, type PgServerOptions } from '../../../scripts/hub/embedded-pg';

/** A hub database made for one test, with its admin URL. */
export interface TestHub {
  adminUrl: string;
  database: string;
  init: InitHubResult;
  /** Adds a desk and returns its login and a URL with the password in it. */
  addDesk(desk: string, name?: string): Promise<AddedDesk & { url: string }>;
  /** An admin connection (the caller ends it). */
  admin(): Promise<pg.Client>;
  /** Everything on the hub, for "nothing changed" assertions. */
  snapshot(): Promise<unknown>;
}

/**
 * One real PostgreSQL server per test file (started in beforeAll, stopped in afterAll),
 * and a fresh hub database per call of `newHub()`.
 */
export function useHubServer(options: PgServerOptions = {}) {
  let server: PgServer | undefined;
  let databases = 0;
  const pools: pg.Pool[] = [];
  beforeAll(async () => {
    server = await startPostgres({ fsync: false, ...options });
  }, 120_000);
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end().catch(() => undefined)));
    await server?.stop();
  }, 60_000);

  const self = {
    get server(): PgServer {
      if (!server) throw new Error('the server has not started');
      return server;
    },
    /** A pool for `url`, ended after the file's tests. */
    pool(url: string): pg.Pool {
      const pool = openHubPool(url, { env: {} });
      pools.push(pool);
      return pool;
    },
    async newHub(): Promise<TestHub> {
      const database = `hub_${++databases}`;
      const adminUrl = await self.server.createDatabase(database);
      const init = await initHub(adminUrl, { env: {} });
      const admin = async () => {
        const client = new pg.Client({ connectionString: adminUrl });
        await client.connect();
        return client;
      };
      return {
        adminUrl,
        database,
        init,
        async addDesk(desk, name = `Kortstation ${desk}`) {
          const added = await addDesk(adminUrl, { desk, name }, { env: {} });
          const url = `postgres://${added.role}:${added.password}@127.0.0.1:${self.server.port}/${database}`;
          return { ...added, url };
        },
        admin,
        async snapshot() {
          const client = await admin();
          try {
            const read = async (sql: string): Promise<unknown[]> =>
              (await client.query<Record<string, unknown>>(sql)).rows;
            return {
              events: await read('SELECT * FROM kortliggaren.events ORDER BY hub_seq'),
              cards: await read('SELECT * FROM kortliggaren.cards ORDER BY card_id'),
              organisations: await read('SELECT * FROM kortliggaren.organisations ORDER BY hsa_id'),
              counter: await read('SELECT * FROM kortliggaren.counter'),
              desks: await read('SELECT * FROM kortliggaren.desks ORDER BY desk_id'),
              pushes: await read(
                'SELECT desk_id, last_desk_seq FROM kortliggaren.desk_push ORDER BY desk_id',
              ),
              meta: await read('SELECT * FROM kortliggaren.meta'),
            };
          } finally {
            await client.end();
          }
        },
      } satisfies TestHub;
    },
  };
  return self;
}

let cardNumbers = 0;

/** A valid card state; `patch` overrides fields. */
export function cardState(patch: Partial<HubCardState> = {}): HubCardState {
  const issuedAt = Date.UTC(2026, 0, 10, 20, 0);
  return {
    cardId: randomUUID(),
    organisationHsaId: 'SE2321000016-A1B2',
    organisationName: 'Region Exempel',
    assuranceLevel: 2,
    cardNumber: `9752${String(++cardNumbers).padStart(12, '0')}`,
    holderHsaId: `SE2321000016-H${cardNumbers}`,
    holderIdType: 'personnummer',
    unplannedPersonnel: true,
    issuedAt,
    expiresAt: issuedAt + 3 * 86_400_000,
    reasonCode: 'forgotten-card',
    reasonText: '',
    extendsCardId: null,
    endedAt: null,
    endReason: null,
    voided: false,
    ...patch,
  };
}

/** A desk's outbox in miniature: events with gap-free deskSeq, sealed with real hashes. */
export function deskLog(deskId: string, startSeq = 1) {
  let seq = startSeq - 1;
  const cards = new Map<string, HubCardState>();
  const events: HubEvent[] = [];
  const emit = (kind: HubEventKind, card: HubCardState) => {
    cards.set(card.cardId, card);
    const event = sealEvent({
      schemaVersion: HUB_EVENT_SCHEMA_VERSION,
      eventId: randomUUID(),
      deskId,
      deskSeq: ++seq,
      kind,
      occurredAt: Date.now(),
      card,
    });
    events.push(event);
    return event;
  };
  return {
    events,
    cards,
    register: (patch: Partial<HubCardState> = {}) => emit('registered', cardState(patch)),
    change: (cardId: string, kind: HubEventKind, patch: Partial<HubCardState>) => {
      const card = cards.get(cardId);
      if (!card) throw new Error(`no card ${cardId}`);
      return emit(kind, { ...card, ...patch });
    },
  };
}
