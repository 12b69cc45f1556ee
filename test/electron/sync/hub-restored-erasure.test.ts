import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { pushEvents } from '../../../electron/hub/client';
import { HubError } from '../../../electron/hub/errors';
import { sealEvent } from '../../../electron/hub/event-hash';
import { registerCard } from '../../../electron/services/cards';
import { endCard } from '../../../electron/services/lifecycle';
import { eraseExpiredPersonalData } from '../../../electron/services/personal-data';
import { joinHub } from '../../../electron/sync/join';
import { CardInput, type CardInputRaw } from '../../../shared/domain/card';
import { unsealedOf, type HubCardState, type HubEvent } from '../../../shared/hub/event';
import { deskLog, useHubServer, type TestHub } from '../hub/support';
import { hsa, openDesk, type TestDesk } from './support';

// A desk erases a holder's personal data past retention after its events reached the hub;
// the hub is then restored from a copy taken before the erasure. The erasure rewrote the
// holder's HSA-id to a pseudonym in the desk's outbox, while the restored hub holds those
// events as they were first sent: rejoining with --new-hub, the desk's push counts the erased
// copies as the events the hub has (nothing is overwritten there) and its `erased` events
// reach the hub. Anything else that differs under the same number still stops the push.
// Real PostgreSQL (the backup a real copy of the hub database: CREATE DATABASE … TEMPLATE),
// real SQLite registers.

const hubs = useHubServer();
const opened: TestDesk[] = [];
afterAll(() => opened.forEach((d) => d.close()));

const HOLDER = hsa(601, 'ANNA');
const KEPT = hsa(602, 'BO');
const PSEUDONYM_RE = /^raderad-[0-9a-f]{12}$/;

function card(holderHsaId: string, cardNumber: string, overrides: Partial<CardInputRaw> = {}) {
  return CardInput.parse({
    organisationHsaId: hsa(1, 'ORG1'),
    organisationName: 'Region Exempel',
    assuranceLevel: 2,
    cardNumber,
    holderHsaId,
    holderName: 'Anna Lindqvist',
    holderIdType: 'personnummer',
    unplannedPersonnel: true,
    issuedAt: '2026-02-11T19:40:00+01:00',
    expiresAt: '2026-02-14T19:40:00+01:00',
    reasonCode: 'forgotten-card',
    reasonText: '',
    issuedBy: ['Kim Svensson'],
    note: 'Ringde från Borås',
    violationJustification: 'Godkänt i test',
    ...overrides,
  });
}

/** A cluster-level admin statement (CREATE/ALTER DATABASE), on the `postgres` database. */
async function clusterAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: hubs.server.adminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function hubQuery<T extends pg.QueryResultRow>(hub: TestHub, sql: string): Promise<T[]> {
  const admin = await hub.admin();
  try {
    return (await admin.query<T>(sql)).rows;
  } finally {
    await admin.end();
  }
}

/** A backup: a copy of the hub database as it is now (as hub-restored.test.ts does). */
async function backupHub(hub: TestHub): Promise<string> {
  const copy = `${hub.database}_backup`;
  await clusterAdmin(`CREATE DATABASE ${copy} TEMPLATE ${hub.database}`);
  return copy;
}

/** The broken hub set aside, the copy made again under its name with the rights `hub init` gave. */
async function restoreHub(hub: TestHub, copy: string): Promise<void> {
  await clusterAdmin(`ALTER DATABASE ${hub.database} ALLOW_CONNECTIONS false`);
  await clusterAdmin(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${hub.database}'`,
  );
  await clusterAdmin(`ALTER DATABASE ${hub.database} RENAME TO ${hub.database}_before_restore`);
  await clusterAdmin(`CREATE DATABASE ${hub.database} TEMPLATE ${copy}`);
  await clusterAdmin(`REVOKE ALL ON DATABASE ${hub.database} FROM PUBLIC`);
  await clusterAdmin(
    `GRANT CONNECT ON DATABASE ${hub.database} TO ${hub.init.deskGroupRole}, ${hub.init.coordinatorRole}`,
  );
  // The new hub id, with the SQL of docs/hub.md "Backups of the hub".
  const docs = readFileSync(join(__dirname, '../../../docs/hub.md'), 'utf8');
  const section = docs.slice(docs.indexOf('## Backups of the hub'), docs.indexOf('## A desk restored'));
  const sql = [...section.matchAll(/```sql\n([\s\S]*?)```/g)]
    .map((m) => m[1]!)
    .find((b) => b.includes('SET hub_id'));
  if (!sql) throw new Error('docs/hub.md has no SQL that sets hub_id');
  await hubQuery(hub, sql);
}

interface EventRow {
  hub_seq: string;
  desk_id: string;
  desk_seq: string;
  event_id: string;
  kind: string;
  content_hash: string;
  payload: { card: HubCardState };
}

async function hubEvents(hub: TestHub): Promise<EventRow[]> {
  return hubQuery<EventRow>(
    hub,
    `SELECT hub_seq::text AS hub_seq, desk_id, desk_seq::text AS desk_seq, event_id::text AS event_id,
            kind, content_hash, payload
     FROM kortliggaren.events ORDER BY hub_seq`,
  );
}

async function expectConflict(promise: Promise<unknown>, deskSeq: number): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HubError);
  expect((error as HubError).code).toBe('hub-conflict');
  expect((error as HubError).params).toMatchObject({ deskSeq });
}

describe('a desk that erased personal data, and a hub restored from before the erasure', () => {
  it('rejoins with --new-hub: no conflict, every event once, the hub keeps its copies and gets the erased events', async () => {
    const hub = await hubs.newHub();
    const boras = await openDesk(hub, 'boras', 'Borås kortstation');
    const skovde = await openDesk(hub, 'skovde', 'Skövde kortstation');
    opened.push(boras, skovde);
    await boras.join();
    await skovde.join();

    // The holder's two cards, one ended; another holder whose card is not yet due.
    const first = registerCard(boras.ctx, card(HOLDER, '9752200000000000601'));
    endCard(boras.ctx, first.id, Date.parse('2026-02-12T08:00:00+01:00'), 'returned');
    const second = registerCard(
      boras.ctx,
      card(HOLDER, '9752200000000000602', {
        issuedAt: '2026-02-13T08:00:00+01:00',
        expiresAt: '2026-02-16T08:00:00+01:00',
      }),
    );
    const kept = registerCard(
      boras.ctx,
      card(KEPT, '9752200000000000603', {
        holderName: 'Bo Berg',
        issuedAt: '2026-02-15T08:00:00+01:00',
        expiresAt: '2026-02-25T08:00:00+01:00',
      }),
    );
    registerCard(skovde.ctx, card(HOLDER, '9752200000000000604', { holderName: 'Anna Lindqvist' }));
    await boras.sync();
    await skovde.sync();
    await boras.sync();
    const pushedBefore = boras.ctx.outbox.lastSeq();
    expect(pushedBefore).toBe(4);

    // The backup, then the erasure (ten years on), pushed to the hub that will be lost.
    const copy = await backupHub(hub);
    const summary = eraseExpiredPersonalData(boras.ctx, Date.parse('2036-02-20T12:00:00+01:00'));
    expect(summary).toMatchObject({ holders: 1, cards: 2 });
    const pseudonym = boras.ctx.cards.get(first.id)!.holder_hsa_id;
    expect(pseudonym).toMatch(PSEUDONYM_RE);
    expect(boras.ctx.cards.get(second.id)!.holder_hsa_id).toBe(pseudonym);
    expect(boras.ctx.cards.get(kept.id)!.holder_hsa_id).toBe(KEPT);
    const outbox = boras.ctx.outbox.after(0, 1000);
    expect(outbox.map((r) => r.kind)).toEqual([
      'registered',
      'ended',
      'registered',
      'registered',
      'erased',
      'erased',
    ]);
    // The events the hub already held now carry the pseudonym in the desk's outbox.
    const holderOf = (payload: string) => (JSON.parse(payload) as HubCardState).holderHsaId;
    expect(outbox.slice(0, 3).map((r) => holderOf(r.payload))).toEqual([pseudonym, pseudonym, pseudonym]);
    expect(outbox.map((r) => r.payload).join('')).not.toContain(HOLDER);
    expect(await boras.sync()).toMatchObject({ pushed: 2 });
    // And a card registered after that push, that never reached the lost hub.
    registerCard(boras.ctx, card(KEPT, '9752200000000000605', { holderName: 'Bo Berg' }));

    // The hub is restored from the copy taken before the erasure and gets a new id.
    await restoreHub(hub, copy);
    const restored = await hubEvents(hub);
    const restoredOwn = restored.filter((e) => e.desk_id === 'boras');
    expect(restoredOwn.map((e) => Number(e.desk_seq))).toEqual([1, 2, 3, 4]);
    // The restored hub holds the holder's real HSA-id in the events that the desk erased.
    expect(restoredOwn.slice(0, 3).map((e) => e.payload.card.holderHsaId)).toEqual([HOLDER, HOLDER, HOLDER]);

    await expect(boras.sync()).rejects.toMatchObject({ code: 'sync-other-hub' });
    const port = boras.port();
    await joinHub(boras.ctx, port, boras.url, { newHub: true }).finally(() => port.close());
    const port2 = skovde.port();
    await joinHub(skovde.ctx, port2, skovde.url, { newHub: true }).finally(() => port2.close());

    // The push finds events 1–4 on the hub (three of them as erased copies): no conflict.
    expect(await boras.sync()).toMatchObject({ pushed: 3 });
    expect(boras.ctx.hubLink.get()).toMatchObject({ last_error: null, pushed_seq: 7 });
    expect(await boras.sync()).toMatchObject({ pushed: 0 });
    await skovde.sync();
    expect(skovde.ctx.hubLink.get()).toMatchObject({ last_error: null });

    // Every event of the desk once, in order, the very ids of its outbox.
    const after = await hubEvents(hub);
    const own = after.filter((e) => e.desk_id === 'boras');
    expect(own.map((e) => ({ seq: Number(e.desk_seq), id: e.event_id, kind: e.kind }))).toEqual(
      boras.ctx.outbox.after(0, 1000).map((r) => ({ seq: r.desk_seq, id: r.event_id, kind: r.kind })),
    );
    expect(new Set(after.map((e) => e.event_id)).size).toBe(after.length);
    // Nothing the restored hub held was overwritten: its rows come first, exactly as they were.
    expect(after.slice(0, restored.length)).toEqual(restored);
    // The erased events are on the hub, with the pseudonym.
    const erased = own.filter((e) => e.kind === 'erased');
    expect(erased.map((e) => e.payload.card.cardId).sort()).toEqual([first.id, second.id].sort());
    expect(erased.map((e) => e.payload.card.holderHsaId)).toEqual([pseudonym, pseudonym]);

    // Another desk pulling the restored hub from the start ends with the erased state.
    const pulled = skovde.ctx.pulledCards.allLive();
    expect(pulled.map((c) => c.card_id).sort()).toEqual(
      [first.id, second.id, kept.id, own[6]!.payload.card.cardId].sort(),
    );
    const holders = skovde.ctx.db
      .prepare<[], { card_id: string; holder_hsa_id: string }>(
        'SELECT card_id, holder_hsa_id FROM pulled_cards',
      )
      .all();
    expect(
      holders.filter((h) => h.card_id === first.id || h.card_id === second.id).map((h) => h.holder_hsa_id),
    ).toEqual([pseudonym, pseudonym]);
    expect(holders.map((h) => h.holder_hsa_id)).not.toContain(HOLDER);
  }, 120_000);

  it('the same event id with anything else changed, or another HSA-id than the pseudonym, stops with hub-conflict and the hub unchanged', async () => {
    const hub = await hubs.newHub();
    const login = await hub.addDesk('boras');
    const pool = hubs.pool(login.url);
    const log = deskLog('boras');
    const stored = log.register({ holderHsaId: HOLDER, reasonCode: 'other', reasonText: 'Kortet låg hemma' });
    log.register();
    const alreadyErased = log.register({ holderHsaId: 'raderad-aaaaaaaaaaaa' });
    await pushEvents(pool, log.events, 'v1');
    const before = await hub.snapshot();
    const P = 'raderad-0123456789ab';

    const copyOf = (
      event: HubEvent,
      card: Partial<HubCardState>,
      top: Partial<Omit<HubEvent, 'card' | 'contentHash'>> = {},
    ): HubEvent => sealEvent({ ...unsealedOf(event), ...top, card: { ...event.card, ...card } });

    // The erased copy itself is the same event: a duplicate, nothing written.
    expect(await pushEvents(pool, [copyOf(stored, { holderHsaId: P })], 'v1')).toEqual({
      accepted: 0,
      duplicates: 1,
      lastDeskSeq: 3,
    });
    expect(await hub.snapshot()).toEqual(before);

    // A holder HSA-id that is not exactly the erasure's pseudonym.
    for (const holderHsaId of [
      'raderad-0123456789AB',
      'RADERAD-0123456789ab',
      'raderad-0123456789a',
      'raderad-0123456789abc',
      'raderad-0123456789ag',
      ' raderad-0123456789ab',
      'raderad-0123456789ab\n',
      'raderad',
      hsa(603, 'ANNAT'),
      HOLDER.toLowerCase(),
    ]) {
      await expectConflict(pushEvents(pool, [copyOf(stored, { holderHsaId })], 'v1'), 1);
    }
    // The pseudonym, and any other field of the card changed as well.
    const otherFields: Partial<HubCardState>[] = [
      { reasonText: 'raderad' },
      { reasonText: 'Kortet låg hemma ' },
      { reasonCode: 'forgotten-card', reasonText: '' },
      { cardNumber: '9752999999999999' },
      { organisationName: 'Region Annan' },
      { organisationHsaId: 'SE2321000016-ZZZZ' },
      { expiresAt: stored.card.expiresAt + 1 },
      { issuedAt: stored.card.issuedAt - 1 },
      { endedAt: stored.card.issuedAt + 1, endReason: 'returned' },
      { voided: true },
      { holderIdType: 'samordningsnummer' },
      { assuranceLevel: 3, unplannedPersonnel: null },
      { unplannedPersonnel: false },
      { extendsCardId: log.events[1]!.card.cardId },
      { cardId: log.events[1]!.card.cardId },
    ];
    for (const patch of otherFields) {
      await expectConflict(pushEvents(pool, [copyOf(stored, { holderHsaId: P, ...patch })], 'v1'), 1);
    }
    // The pseudonym, and the event itself changed: its kind, its time, its id.
    await expectConflict(
      pushEvents(pool, [copyOf(stored, { holderHsaId: P }, { kind: 'corrected' })], 'v1'),
      1,
    );
    await expectConflict(
      pushEvents(pool, [copyOf(stored, { holderHsaId: P }, { occurredAt: stored.occurredAt + 1 })], 'v1'),
      1,
    );
    await expectConflict(
      pushEvents(
        pool,
        [copyOf(stored, { holderHsaId: P }, { eventId: '00000000-0000-4000-8000-000000000001' })],
        'v1',
      ),
      1,
    );
    // An erased copy of event 1 under number 2 is another event there.
    const moved = copyOf(stored, { holderHsaId: P }, { deskSeq: 2 });
    const movedError = await pushEvents(pool, [moved], 'v1').catch((e: unknown) => e);
    expect(movedError).toMatchObject({ code: 'hub-conflict' });
    // The hub already holds a pseudonym there: another pseudonym is not its erased copy.
    await expectConflict(
      pushEvents(pool, [copyOf(alreadyErased, { holderHsaId: 'raderad-bbbbbbbbbbbb' })], 'v1'),
      3,
    );
    // In a batch: the erased copy of 1 passes, a changed 2 stops it all, new 4 is not written.
    const next = deskLog('boras', 4).register();
    await expectConflict(
      pushEvents(
        pool,
        [
          copyOf(stored, { holderHsaId: P }),
          copyOf(log.events[1]!, { reasonText: 'ändrad' }),
          alreadyErased,
          next,
        ],
        'v1',
      ),
      2,
    );
    expect(await hub.snapshot()).toEqual(before);

    // A stored payload that no longer matches its hash is never taken as the same event,
    // even when the pushed copy differs from it only in the pseudonym.
    const admin = await hub.admin();
    try {
      await admin.query(
        `UPDATE kortliggaren.events SET payload = jsonb_set(payload, '{card,reasonText}', '"Ändrad på hubben"')
         WHERE desk_id = 'boras' AND desk_seq = 1`,
      );
    } finally {
      await admin.end();
    }
    const tampered = await hub.snapshot();
    await expectConflict(
      pushEvents(pool, [copyOf(stored, { holderHsaId: P, reasonText: 'Ändrad på hubben' })], 'v1'),
      1,
    );
    await expectConflict(pushEvents(pool, [copyOf(stored, { holderHsaId: P })], 'v1'), 1);
    expect(await hub.snapshot()).toEqual(tampered);
  }, 120_000);
});
