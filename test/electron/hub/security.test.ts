import pg from 'pg';
import { pullEvents, pushEvents } from '../../../electron/hub/client';
import { hubRoleNames } from '../../../electron/hub/schema';
import { addDesk, initHub, scramVerifier } from '../../../electron/hub/admin';
import { deskLog, useHubServer, type TestHub } from './support';

const hubs = useHubServer();

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

async function sqlState(client: pg.Client, sql: string, params: unknown[] = []): Promise<string> {
  try {
    await client.query(sql, params);
    return 'ok';
  } catch (error) {
    return String((error as { code?: string }).code);
  }
}

// Borås and Skövde with two events each on the hub.
async function twoDesks(hub: TestHub) {
  const boras = await hub.addDesk('boras');
  const skovde = await hub.addDesk('skovde');
  const borasLog = deskLog('boras');
  const skovdeLog = deskLog('skovde');
  for (let i = 0; i < 2; i++) {
    borasLog.register();
    skovdeLog.register();
  }
  await pushEvents(hubs.pool(boras.url), borasLog.events, 'v1');
  await pushEvents(hubs.pool(skovde.url), skovdeLog.events, 'v1');
  return { boras, skovde, borasLog, skovdeLog };
}

describe('row-level security and grants', () => {
  it('runs under an admin role that is no superuser: CREATEROLE and owner of the database', async () => {
    const su = await connect(hubs.server.adminUrl());
    await su.query(`CREATE ROLE kl_admin LOGIN CREATEROLE PASSWORD '${scramVerifier('admin-password')}'`);
    await su.query('CREATE DATABASE owned_hub OWNER kl_admin');
    await su.end();
    const adminUrl = `postgres://kl_admin:admin-password@127.0.0.1:${hubs.server.port}/owned_hub`;
    const init = await initHub(adminUrl, { env: {} });
    expect(init.applied).toEqual([1, 2]);
    const desk = await addDesk(adminUrl, { desk: 'boras', name: 'Borås' }, { env: {} });
    const url = `postgres://${desk.role}:${desk.password}@127.0.0.1:${hubs.server.port}/owned_hub`;
    const log = deskLog('boras');
    log.register();
    expect(await pushEvents(hubs.pool(url), log.events, 'v1')).toMatchObject({ accepted: 1 });
    expect((await pullEvents(hubs.pool(adminUrl), 0)).events).toHaveLength(1);
    // And the desk still cannot do more than it should.
    const client = await connect(url);
    expect(await sqlState(client, 'DELETE FROM kortliggaren.events')).toBe('42501');
    await client.end();
  });

  it('a desk cannot insert as another desk, update, delete, truncate or drop', async () => {
    const hub = await hubs.newHub();
    const { boras, skovdeLog } = await twoDesks(hub);
    const before = await hub.snapshot();
    const desk = await connect(boras.url);
    try {
      // An event that is right in every way but the desk: Skövde's next deskSeq, a new card.
      const next = deskLog('skovde', 3).register();
      const { contentHash, ...unsealed } = next;
      const asSkovde = await sqlState(
        desk,
        `INSERT INTO kortliggaren.events (desk_id, desk_seq, event_id, card_id, kind, content_hash, schema_version, payload)
         VALUES ('skovde', 3, $1, $2, 'registered', $3, 1, $4)`,
        [next.eventId, next.card.cardId, contentHash, JSON.stringify(unsealed)],
      );
      expect(asSkovde).toBe('42501'); // new row violates row-level security policy
      const victim = skovdeLog.events[0]!.eventId;
      const attempts = {
        update: `UPDATE kortliggaren.events SET payload = '{}' WHERE event_id = '${victim}'`,
        updateOwnHubSeq: `UPDATE kortliggaren.events SET hub_seq = hub_seq + 100 WHERE desk_id = 'boras'`,
        delete: `DELETE FROM kortliggaren.events WHERE event_id = '${victim}'`,
        truncate: 'TRUNCATE kortliggaren.events',
        drop: 'DROP TABLE kortliggaren.events',
        disableRls: 'ALTER TABLE kortliggaren.events DISABLE ROW LEVEL SECURITY',
        dropPolicy: 'DROP POLICY events_insert_own ON kortliggaren.events',
        forgeHubSeq: `INSERT INTO kortliggaren.events (hub_seq, desk_id, desk_seq, event_id, card_id, kind, content_hash, schema_version, payload)
          VALUES (999, 'boras', 3, gen_random_uuid(), gen_random_uuid(), 'registered', repeat('a', 64), 1, '{}')`,
        cards: 'UPDATE kortliggaren.cards SET voided = true',
        deleteCards: 'DELETE FROM kortliggaren.cards',
        counter: 'UPDATE kortliggaren.counter SET last_hub_seq = 0',
        deskPush: `UPDATE kortliggaren.desk_push SET last_desk_seq = 0 WHERE desk_id = 'skovde'`,
        desks: `UPDATE kortliggaren.desks SET role_name = current_user WHERE desk_id = 'skovde'`,
        newDesk: `INSERT INTO kortliggaren.desks (desk_id, name, role_name) VALUES ('x1', 'X', 'x')`,
        meta: 'UPDATE kortliggaren.meta SET schema_version = 99',
        createInSchema: 'CREATE TABLE kortliggaren.mine (x int)',
        createInPublic: 'CREATE TABLE public.mine (x int)',
        trigger: 'ALTER TABLE kortliggaren.events DISABLE TRIGGER number_event',
        escalate: `GRANT ${hubRoleNames(hub.init.hubId).coordinator} TO current_user`,
      };
      for (const [attempt, sql] of Object.entries(attempts)) {
        expect([attempt, await sqlState(desk, sql)]).toEqual([attempt, '42501']);
      }
      // It reads everything, its own and Skövde's events alike.
      const seen = await desk.query<{ n: string }>('SELECT count(*) AS n FROM kortliggaren.events');
      expect(Number(seen.rows[0]!.n)).toBe(4);
    } finally {
      await desk.end();
    }
    expect(await hub.snapshot()).toEqual(before);
  });

  it('a desk that forges the numbering settings is refused, and the hub keeps its order', async () => {
    const hub = await hubs.newHub();
    const { boras } = await twoDesks(hub);
    const before = await hub.snapshot();
    const desk = await connect(boras.url);
    const insert = (n: number) => {
      const event = deskLog('boras', n).register();
      const { contentHash, ...unsealed } = event;
      return sqlState(
        desk,
        `INSERT INTO kortliggaren.events (desk_id, desk_seq, event_id, card_id, kind, content_hash, schema_version, payload)
         VALUES ('boras', $1, $2, $3, 'registered', $4, 1, $5)`,
        [n, event.eventId, event.card.cardId, contentHash, JSON.stringify(unsealed)],
      );
    };
    try {
      // A hubSeq far ahead (a gap for every reader) and one already taken.
      await desk.query(`SET kortliggaren.next_hub_seq = '100'`);
      expect(await insert(3)).toBe('KLSEQ');
      await desk.query(`SET kortliggaren.next_hub_seq = '1'`);
      expect(await insert(3)).not.toBe('ok');
      await desk.query(`RESET kortliggaren.next_hub_seq`);
      // Skipping its own numbers: deskSeq 7 when the hub has 2.
      await desk.query(`SET kortliggaren.next_desk_seq_boras = '7'`);
      expect(await insert(7)).toBe('KLGAP');
    } finally {
      await desk.end();
    }
    expect(await hub.snapshot()).toEqual(before);
  });

  it('the coordinator role reads everything and writes nothing', async () => {
    const hub = await hubs.newHub();
    await twoDesks(hub);
    const admin = await hub.admin();
    const login = `coord_${hub.database}`;
    const password = 'a-coordinator-password';
    await admin.query(
      `CREATE ROLE ${login} LOGIN PASSWORD '${scramVerifier(password)}' IN ROLE ${hubRoleNames(hub.init.hubId).coordinator}`,
    );
    await admin.end();
    const before = await hub.snapshot();
    const url = `postgres://${login}:${password}@127.0.0.1:${hubs.server.port}/${hub.database}`;
    const pulled = await pullEvents(hubs.pool(url), 0);
    expect(pulled.events).toHaveLength(4);
    const coordinator = await connect(url);
    try {
      const insert = await sqlState(
        coordinator,
        `INSERT INTO kortliggaren.events (desk_id, desk_seq, event_id, card_id, kind, content_hash, schema_version, payload)
         VALUES ('boras', 3, gen_random_uuid(), gen_random_uuid(), 'registered', repeat('a', 64), 1, '{}')`,
      );
      expect(insert).toBe('42501');
      expect(await sqlState(coordinator, 'DELETE FROM kortliggaren.events')).toBe('42501');
      expect(await sqlState(coordinator, `SELECT kortliggaren.record_push('x')`)).toBe('42501');
    } finally {
      await coordinator.end();
    }
    expect(await hub.snapshot()).toEqual(before);
  });

  it('a role of another database on the same server cannot even connect', async () => {
    const one = await hubs.newHub();
    const other = await hubs.newHub();
    const desk = await one.addDesk('boras');
    const elsewhere = desk.url.replace(`/${one.database}`, `/${other.database}`);
    await expect(connect(elsewhere)).rejects.toMatchObject({ code: '42501' });
  });

  it('desk passwords come from the CSPRNG and are never the same twice', async () => {
    const hub = await hubs.newHub();
    const a = await hub.addDesk('a-desk');
    const b = await hub.addDesk('b-desk');
    expect(a.password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(a.password).not.toBe(b.password);
    const admin = await hub.admin();
    const stored = await admin.query<{ rolpassword: string }>(
      `SELECT rolpassword FROM pg_authid WHERE rolname = $1`,
      [a.role],
    );
    await admin.end();
    // The server holds a SCRAM verifier, never the password.
    expect(stored.rows[0]!.rolpassword).toMatch(/^SCRAM-SHA-256\$4096:/);
    expect(stored.rows[0]!.rolpassword).not.toContain(a.password);
  });
});
