import { initHub } from '../../../electron/hub/admin';
import { pullEvents, pushEvents, whoAmI } from '../../../electron/hub/client';
import { HubError } from '../../../electron/hub/errors';
import { sealEvent } from '../../../electron/hub/event-hash';
import { unsealedOf } from '../../../shared/hub/event';
import { deskLog, useHubServer } from './support';

const hubs = useHubServer();

async function expectHubError(promise: Promise<unknown>, code: string): Promise<HubError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HubError);
  expect((error as HubError).code).toBe(code);
  return error as HubError;
}

describe('hub init', () => {
  it('is idempotent and keeps the hub id', async () => {
    const hub = await hubs.newHub();
    expect(hub.init.applied).toEqual([1, 2]);
    expect(hub.init.previousVersion).toBe(0);
    const again = await initHub(hub.adminUrl, { env: {} });
    expect(again.applied).toEqual([]);
    expect(again.hubId).toBe(hub.init.hubId);
  });

  it('refuses a hub whose schema is newer than this build, and so does a desk', async () => {
    const hub = await hubs.newHub();
    const desk = await hub.addDesk('boras');
    const admin = await hub.admin();
    await admin.query('UPDATE kortliggaren.meta SET schema_version = 99');
    await admin.end();
    const error = await expectHubError(initHub(hub.adminUrl, { env: {} }), 'hub-newer-schema');
    expect(error.message).toContain('schemaversion 99');
    await expectHubError(whoAmI(hubs.pool(desk.url)), 'hub-newer-schema');
  });

  it('upgrades a hub of schema 1: its events stay, and the hash check is as strict as before', async () => {
    const hub = await hubs.newHub();
    const desk = await hub.addDesk('boras');
    const pool = hubs.pool(desk.url);
    const log = deskLog('boras');
    log.register();
    log.register();
    await pushEvents(pool, log.events, 'v1');
    // Back to what migration 1 left: the check as a bounded regular expression.
    const admin = await hub.admin();
    await admin.query(`ALTER TABLE kortliggaren.events DROP CONSTRAINT events_content_hash_check;
      ALTER TABLE kortliggaren.events ADD CONSTRAINT events_content_hash_check
        CHECK (content_hash ~ '^[0-9a-f]{64}$');
      UPDATE kortliggaren.meta SET schema_version = 1`);
    const before = await hub.snapshot();
    await expectHubError(whoAmI(pool), 'hub-older-schema');

    const upgraded = await initHub(hub.adminUrl, { env: {} });
    expect(upgraded).toMatchObject({ previousVersion: 1, applied: [2], schemaVersion: 2 });
    const after = (await hub.snapshot()) as { events: unknown[]; meta: { schema_version: number }[] };
    expect(after.events).toEqual((before as { events: unknown[] }).events);
    expect(after.meta[0]!.schema_version).toBe(2);
    const { rows } = await admin.query<{ def: string }>(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'events_content_hash_check'`,
    );
    expect(rows).toEqual([{ def: expect.stringContaining('char_length(content_hash) = 64') as string }]);
    // What the old check refused, the new one refuses (the owner writes past the desk's checks).
    const write = (hash: string) =>
      admin.query(
        `INSERT INTO kortliggaren.events (desk_id, desk_seq, event_id, card_id, kind, content_hash, schema_version, payload)
         SELECT desk_id, 3, gen_random_uuid(), card_id, kind, $1, schema_version, payload
         FROM kortliggaren.events WHERE desk_seq = 2`,
        [hash],
      );
    for (const bad of [
      'A'.repeat(64),
      'g'.repeat(64),
      '0'.repeat(63),
      '0'.repeat(65),
      `${'0'.repeat(63)}\n`,
      'é'.repeat(64),
    ]) {
      await admin.query('BEGIN');
      await expect(write(bad)).rejects.toMatchObject({
        code: '23514',
        constraint: 'events_content_hash_check',
      });
      await admin.query('ROLLBACK');
    }
    await admin.end();
    // The desk pushes on, under the new check.
    log.register();
    expect(await pushEvents(pool, log.events, 'v2')).toMatchObject({ accepted: 1, duplicates: 2 });
  });

  it('tells a database that is no hub from one that is', async () => {
    const url = await hubs.server.createDatabase('not_a_hub');
    const pool = hubs.pool(url);
    const error = await expectHubError(whoAmI(pool), 'hub-not-initialised');
    expect(error.message).toContain('hub init');
  });
});

describe('push and pull', () => {
  it('round-trips three desks’ events in commit order, with the desks and the cursor', async () => {
    const hub = await hubs.newHub();
    const logins = await Promise.all(['boras', 'skovde', 'alingsas'].map((d) => hub.addDesk(d)));
    const logs = logins.map((l) => deskLog(l.desk));
    for (const log of logs) for (let i = 0; i < 5; i++) log.register();
    logs[0]!.change(logs[0]!.events[0]!.card.cardId, 'ended', {
      endedAt: Date.UTC(2026, 0, 11),
      endReason: 'returned',
    });

    const pools = logins.map((l) => hubs.pool(l.url));
    expect(await whoAmI(pools[1]!)).toEqual({
      deskId: 'skovde',
      deskName: 'Kortstation skovde',
      hubId: hub.init.hubId,
      role: logins[1]!.role,
    });
    const pushed = [];
    for (const [i, log] of logs.entries()) pushed.push(await pushEvents(pools[i]!, log.events, '1.2.3'));
    expect(pushed.map((p) => p.accepted)).toEqual([6, 5, 5]);
    expect(pushed.map((p) => p.lastDeskSeq)).toEqual([6, 5, 5]);

    const first = await pullEvents(pools[2]!, 0, 10);
    expect(first.events.map((e) => e.hubSeq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(first.cursor).toBe(10);
    expect(first.more).toBe(true);
    expect(first.hubId).toBe(hub.init.hubId);
    expect(first.desks.map((d) => d.deskId)).toEqual(['alingsas', 'boras', 'skovde']);
    const rest = await pullEvents(pools[2]!, first.cursor, 10);
    expect(rest.events.map((e) => e.hubSeq)).toEqual([11, 12, 13, 14, 15, 16]);
    expect(rest.more).toBe(false);
    const none = await pullEvents(pools[2]!, rest.cursor);
    expect(none).toMatchObject({ events: [], cursor: 16, more: false });

    // Every event comes back exactly as it was pushed, hash and all.
    const pulled = [...first.events, ...rest.events].map((e) => e.event);
    expect(pulled).toEqual([...logs[0]!.events, ...logs[1]!.events, ...logs[2]!.events]);
  });

  it('re-pushing changes nothing: a lost acknowledgement gives no duplicate', async () => {
    const hub = await hubs.newHub();
    const login = await hub.addDesk('boras');
    const pool = hubs.pool(login.url);
    const log = deskLog('boras');
    for (let i = 0; i < 4; i++) log.register();
    await pushEvents(pool, log.events.slice(0, 3), 'v1');
    const before = await hub.snapshot();
    // The desk never heard the answer, so it sends the batch again.
    expect(await pushEvents(pool, log.events.slice(0, 3), 'v1')).toEqual({
      accepted: 0,
      duplicates: 3,
      lastDeskSeq: 3,
    });
    expect(await hub.snapshot()).toEqual(before);
    // And then the batch again with one more event.
    expect(await pushEvents(pool, log.events, 'v1')).toEqual({ accepted: 1, duplicates: 3, lastDeskSeq: 4 });
    const all = await pullEvents(pool, 0);
    expect(all.events.map((e) => e.event.deskSeq)).toEqual([1, 2, 3, 4]);
  });

  it('stops a desk restored from an old backup: hub-conflict, nothing of the batch written', async () => {
    const hub = await hubs.newHub();
    const login = await hub.addDesk('boras');
    const pool = hubs.pool(login.url);
    const log = deskLog('boras');
    for (let i = 0; i < 3; i++) log.register();
    await pushEvents(pool, log.events, 'v1');
    const before = await hub.snapshot();

    // The restored desk has events 1–2, and registers new cards as 3 and 4.
    const restored = deskLog('boras', 3);
    restored.register();
    restored.register();
    const batch = [...log.events.slice(0, 2), ...restored.events];
    const error = await expectHubError(pushEvents(pool, batch, 'v1'), 'hub-conflict');
    expect(error.params).toMatchObject({ desk: 'boras', deskSeq: 3 });
    expect(error.message).toContain('säkerhetskopia');
    expect(error.message).toContain('Ingenting har skrivits över');
    expect(error.retryable).toBe(false);
    expect(await hub.snapshot()).toEqual(before);

    // The same event id under another number is a conflict too.
    const moved = sealEvent({ ...unsealedOf(log.events[0]!), deskSeq: 4 });
    await expectHubError(pushEvents(pool, [moved], 'v1'), 'hub-conflict');
    expect(await hub.snapshot()).toEqual(before);
  });

  it('refuses a gap in deskSeq, another desk’s events and cards, and a bad hash', async () => {
    const hub = await hubs.newHub();
    const boras = await hub.addDesk('boras');
    const skovde = await hub.addDesk('skovde');
    const borasPool = hubs.pool(boras.url);
    const skovdePool = hubs.pool(skovde.url);
    const log = deskLog('boras');
    for (let i = 0; i < 4; i++) log.register();
    await pushEvents(borasPool, log.events.slice(0, 2), 'v1');
    const before = await hub.snapshot();

    const gap = await expectHubError(pushEvents(borasPool, log.events.slice(3), 'v1'), 'hub-gap');
    expect(gap.params).toMatchObject({ deskSeq: 4, expected: 3 });
    await expectHubError(pushEvents(skovdePool, log.events.slice(2), 'v1'), 'hub-wrong-desk');

    // Skövde sends an event for a card Borås registered.
    const skovdeLog = deskLog('skovde');
    skovdeLog.cards.set(log.events[0]!.card.cardId, log.events[0]!.card);
    skovdeLog.change(log.events[0]!.card.cardId, 'voided', { voided: true });
    const foreign = await expectHubError(pushEvents(skovdePool, skovdeLog.events, 'v1'), 'hub-foreign-card');
    expect(foreign.params).toMatchObject({ owner: 'boras' });

    const tampered = { ...log.events[2]!, card: { ...log.events[2]!.card, assuranceLevel: 3 as const } };
    await expectHubError(pushEvents(borasPool, [tampered], 'v1'), 'hub-invalid-event');
    const holey = [log.events[2]!, log.events[0]!];
    await expectHubError(pushEvents(borasPool, holey, 'v1'), 'hub-invalid-event');

    expect(await hub.snapshot()).toEqual(before);
  });

  it('an event written by a newer build stops the pull with a message to update, and is not skipped', async () => {
    const hub = await hubs.newHub();
    const login = await hub.addDesk('boras');
    const pool = hubs.pool(login.url);
    const log = deskLog('boras');
    log.register();
    await pushEvents(pool, log.events, 'v1');
    // A desk on a future version (schemaVersion 2, with a field this build does not know).
    const next = deskLog('boras', 2).register();
    const { contentHash: _old, ...unsealed } = next;
    const future = sealEvent({ ...unsealed, schemaVersion: 2, futureField: 'x' } as never);
    const admin = await hub.admin();
    const { contentHash, ...payload } = future;
    await admin.query(
      `INSERT INTO kortliggaren.events (desk_id, desk_seq, event_id, card_id, kind, content_hash, schema_version, payload)
       VALUES ('boras', 2, $1, $2, 'registered', $3, 2, $4)`,
      [next.eventId, next.card.cardId, contentHash, JSON.stringify(payload)],
    );
    await admin.end();
    const first = await pullEvents(pool, 0, 1);
    expect(first.events).toHaveLength(1);
    const error = await expectHubError(pullEvents(pool, first.cursor), 'hub-newer-event');
    expect(error.params).toMatchObject({ hubSeq: 2, version: 2 });
    expect(error.message).toContain('Uppdatera Kortliggaren');
    // The cursor did not move past it: after an update, the desk reads it.
    expect(first.cursor).toBe(1);
  });

  it('a role that is no desk cannot push', async () => {
    const hub = await hubs.newHub();
    await expectHubError(whoAmI(hubs.pool(hub.adminUrl)), 'hub-not-a-desk');
  });
});
