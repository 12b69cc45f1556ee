import { afterAll, expect, it } from 'vitest';
import { registerCard } from '../../../electron/services/cards';
import { endCard, voidCard } from '../../../electron/services/lifecycle';
import { eraseExpiredPersonalData } from '../../../electron/services/personal-data';
import { openPgHubPort } from '../../../electron/sync/pg-port';
import { sealOutboxRow } from '../../../electron/sync/seal';
import { CardInput } from '../../../shared/domain/card';
import { useHubServer, type TestHub } from '../hub/support';
import { openDesk, randomCard, seeded, type TestDesk } from './support';

// The outbox is not pruned once the hub has acknowledged its events (docs/hub.md, "The
// desk's outbox is kept"): it is what lets the hub be rebuilt from the desks. This holds
// the decision to that: after a full sync every event is still in the outbox, whole, and
// sealed again it is exactly what the hub holds — a second, empty hub filled from the
// outbox alone ends up with the same events, hash for hash. Real hubs, a real register.

const hubs = useHubServer();
const opened: TestDesk[] = [];
afterAll(() => opened.forEach((d) => d.close()));

async function eventsOf(hub: TestHub, desk: string) {
  const admin = await hub.admin();
  try {
    const { rows } = await admin.query<{ desk_seq: string; event_id: string; content_hash: string }>(
      `SELECT desk_seq, event_id::text AS event_id, content_hash
       FROM kortliggaren.events WHERE desk_id = $1 ORDER BY desk_seq`,
      [desk],
    );
    return rows.map((r) => ({
      deskSeq: Number(r.desk_seq),
      eventId: r.event_id,
      contentHash: r.content_hash,
    }));
  } finally {
    await admin.end();
  }
}

it('keeps every acknowledged event whole, so an empty hub can be filled again from the outbox alone', async () => {
  const hub = await hubs.newHub();
  const desk = await openDesk(hub, 'boras', 'Borås');
  opened.push(desk);
  const random = seeded(99);
  const ids: string[] = [];
  for (let i = 0; i < 25; i++)
    ids.push(registerCard(desk.ctx, CardInput.parse(randomCard(random, 'boras'))).id);
  await desk.join();
  for (const id of ids.slice(0, 5)) endCard(desk.ctx, id, desk.ctx.now(), 'returned');
  voidCard(desk.ctx, ids[5]!, 'Registrerat av misstag');
  const first = await desk.sync({ batch: 7 });
  // Acknowledged and pulled back: the hub has everything, the cursor is past it all.
  const outbox = desk.ctx.outbox;
  const last = outbox.lastSeq();
  expect(last).toBe(31);
  expect(first.pushed).toBe(31);
  expect(desk.ctx.hubLink.get()).toMatchObject({ pushed_seq: 31, pull_cursor: 31 });
  // A sync later changes nothing about that.
  await desk.sync();

  // Every event is still there, whole, and seals to exactly the hub's event.
  const rows = outbox.after(0, 1_000);
  expect(rows.map((r) => r.desk_seq)).toEqual(Array.from({ length: last }, (_, i) => i + 1));
  const sealed = rows.map((row) => sealOutboxRow(row, 'boras'));
  const onHub = await eventsOf(hub, 'boras');
  expect(sealed.map((e) => ({ deskSeq: e.deskSeq, eventId: e.eventId, contentHash: e.contentHash }))).toEqual(
    onHub,
  );

  // The hub is lost and set up again, empty: the outbox alone fills it, hash for hash.
  const rebuilt = await hubs.newHub();
  const login = await rebuilt.addDesk('boras', 'Borås');
  const port = openPgHubPort(login.url, 'test', { env: {} });
  try {
    for (let i = 0; i < sealed.length; i += 10) await port.push(sealed.slice(i, i + 10));
  } finally {
    await port.close();
  }
  expect(await eventsOf(rebuilt, 'boras')).toEqual(onHub);

  // Nothing in the register can take a row out, acknowledged or not.
  expect(() => desk.ctx.db.prepare('DELETE FROM outbox WHERE desk_seq = 1').run()).toThrow(/append-only/);
  expect(() => desk.ctx.db.prepare("UPDATE outbox SET payload = '{}' WHERE desk_seq = 1").run()).toThrow(
    /append-only/,
  );

  // What keeping costs: an event's payload is well under a kilobyte (docs/hub.md: ~600 bytes on disk).
  const payload = desk.ctx.db.prepare('SELECT avg(length(payload)) FROM outbox').pluck().get() as number;
  expect(payload).toBeLessThan(700);
}, 120_000);

it('keeps no holder in an acknowledged event past the retention period: the erasure rewrites it in place', async () => {
  const hub = await hubs.newHub();
  const desk = await openDesk(hub, 'skovde', 'Skövde');
  opened.push(desk);
  const random = seeded(7);
  const card = registerCard(desk.ctx, CardInput.parse(randomCard(random, 'skovde')));
  await desk.join();
  await desk.sync();
  expect(desk.ctx.outbox.get(1)?.payload).toContain(card.holderHsaId);

  // Eleven years on the holder is due for erasure: the acknowledged event loses the HSA-id.
  const erased = eraseExpiredPersonalData(desk.ctx, Date.parse('2037-06-01T12:00:00Z'));
  expect(erased.holders).toBe(1);
  const rows = desk.ctx.outbox.after(0, 10);
  expect(rows.map((r) => r.kind)).toEqual(['registered', 'erased']);
  for (const row of rows) expect(row.payload).not.toContain(card.holderHsaId);
  // The erasure goes out like any change, and the next sync still accepts the rewritten
  // first event: it is checked against the hub by its id, not its content.
  expect(await desk.sync()).toMatchObject({ pushed: 1 });
}, 120_000);
