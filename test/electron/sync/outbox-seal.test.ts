import { afterAll, describe, expect, it } from 'vitest';
import { pushEvents } from '../../../electron/hub/client';
import { HubError } from '../../../electron/hub/errors';
import { checkedCanonicalJson } from '../../../electron/hub/event-hash';
import { registerCard } from '../../../electron/services/cards';
import { sealOutboxRow } from '../../../electron/sync/seal';
import { syncOnce } from '../../../electron/sync/sync';
import { CardInput } from '../../../shared/domain/card';
import { canonicalJson } from '../../../shared/hub/event';
import { useHubServer } from '../hub/support';
import { openDesk, randomCard, seeded, type TestDesk } from './support';

// The push checks each event once, when the desk seals its outbox row: what a garbled row
// in the register file would break is refused there, before anything of its batch leaves.

const hubs = useHubServer();
const opened: TestDesk[] = [];
afterAll(() => opened.forEach((d) => d.close()));

const random = seeded(41);

async function deskWithCards(id: string, n: number): Promise<TestDesk> {
  const hub = await hubs.newHub();
  const desk = await openDesk(hub, id);
  opened.push(desk);
  for (let i = 0; i < n; i++) registerCard(desk.ctx, CardInput.parse(randomCard(random, id)));
  await desk.join();
  return desk;
}

// What a damaged file, or a hand edit past the append-only trigger, could leave in a row.
function garble(desk: TestDesk, deskSeq: number, set: string, value: string): void {
  const db = desk.backend.db;
  const trigger = db
    .prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'outbox_no_update'")
    .get()!;
  db.exec('DROP TRIGGER outbox_no_update');
  db.prepare(`UPDATE outbox SET ${set} = ? WHERE desk_seq = ?`).run(value, deskSeq);
  db.exec(trigger.sql);
}

async function hubDeskSeqs(desk: TestDesk): Promise<number[]> {
  const port = desk.port();
  try {
    const pulled = await port.pull(0, 10_000);
    return pulled.events.filter((e) => e.event.deskId === desk.id).map((e) => e.event.deskSeq);
  } finally {
    await port.close();
  }
}

describe('a garbled outbox row', () => {
  const cases: [string, string, (payload: string) => string][] = [
    ['text that is not JSON', 'payload', (p) => p.slice(0, -5)],
    ['a field that must never travel', 'payload', (p) => p.replace('{', '{"holderName":"Anna Andersson",')],
    [
      'a value the schema refuses',
      'payload',
      (p) => p.replace('"assuranceLevel":', '"assuranceLevel":7,"x":'),
    ],
    ['an event id that is no UUID', 'event_id', () => 'z'.repeat(36)],
  ];

  it.each(cases)(
    'is refused on push (%s): its batch stays on the desk, nothing after it goes',
    async (_, column, edit) => {
      const desk = await deskWithCards('boras', 6);
      const row = desk.ctx.outbox.get(5)!;
      garble(desk, 5, column, edit(column === 'payload' ? row.payload : row.event_id));
      const port = desk.port();
      try {
        const error = (await syncOnce(desk.ctx, port, { batch: 3 }).catch((e: unknown) => e)) as Error & {
          code: string;
        };
        expect(error.code).toBe('sync-bad-outbox-event');
        expect(error.message).toMatch(/^Synkningen stoppades: händelse nummer 5 i registrets utkorg/);
      } finally {
        await port.close();
      }
      // The first batch (1–3) went; the batch holding 5 did not, nor anything after it.
      expect(await hubDeskSeqs(desk)).toEqual([1, 2, 3]);
      expect(desk.ctx.hubLink.get()).toMatchObject({
        pushed_seq: 3,
        last_error: expect.stringMatching(/händelse nummer 5/) as string,
      });
    },
  );

  it('an untouched outbox goes whole, and a sealed event cannot be changed on its way', async () => {
    const desk = await deskWithCards('skovde', 4);
    expect(await desk.sync({ batch: 3 })).toMatchObject({ pushed: 4 });
    expect(await hubDeskSeqs(desk)).toEqual([1, 2, 3, 4]);

    const row = desk.ctx.outbox.get(4)!;
    const sealed = sealOutboxRow(row, desk.id);
    expect(Object.isFrozen(sealed) && Object.isFrozen(sealed.card)).toBe(true);
    expect(() => {
      (sealed.card as { voided: boolean }).voided = true;
    }).toThrow(TypeError);
    const { contentHash: _hash, ...unsealed } = sealed;
    expect(checkedCanonicalJson(sealed)).toBe(canonicalJson(unsealed));
    // A copy with other content under the sealed hash is no longer trusted: it is checked.
    const copy = { ...sealed, card: { ...sealed.card, assuranceLevel: 3 as const } };
    expect(checkedCanonicalJson(copy)).toBeUndefined();
    const pool = hubs.pool(desk.url);
    const error = await pushEvents(pool, [copy], 'test').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubError);
    expect((error as HubError).code).toBe('hub-invalid-event');
    // The sealed event itself is the one already on the hub: a duplicate, nothing changes.
    expect(await pushEvents(pool, [sealed], 'test')).toMatchObject({ accepted: 0, duplicates: 1 });
  });
});
