import { describe, expect, it } from 'vitest';
import { createOutboxRepository, type OutboxRow } from '../../../../electron/db/repositories/outbox';
import { writeTransaction } from '../../../../electron/db/write-transaction';
import { useTempDb } from '../../support/temp-register';
import { newCard, ORG, ORG_2, seed } from './support';

const db = useTempDb();
const repo = () => createOutboxRepository(db());
const event = (seq: number, cardId = 'c1'): OutboxRow => ({
  desk_seq: seq,
  event_id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
  kind: 'registered',
  card_id: cardId,
  occurred_at: seq * 10,
  payload: `{"n":${seq}}`,
});

describe('outbox repository', () => {
  it('reads the state an event carries: what travels, never the holder’s name, note or issuers', () => {
    const card = newCard({ id: 'c1', holderName: 'Anna Åberg', note: 'privat', issuedBy: ['Kim'] });
    seed(db(), [card]);
    const state = repo().cardState('c1')!;
    expect(state).toMatchObject({ cardId: 'c1', organisationName: 'Region Exempel', voided: false });
    expect(JSON.stringify(state)).not.toMatch(/Anna|privat|Kim/);
    // Keys in sorted order: JSON.stringify of it is already canonical.
    expect(Object.keys(state)).toEqual([...Object.keys(state)].sort());
    expect(repo().cardState('none')).toBeUndefined();
  });

  it('appends events in order without gaps or repeats, and reads them back in pages', () => {
    expect(repo().lastSeq()).toBe(0);
    [1, 2, 3].forEach((n) => repo().append(event(n)));
    expect(repo().lastSeq()).toBe(3);
    expect(() => repo().append(event(5))).toThrow(/without a gap/);
    expect(() => repo().append(event(3))).toThrow();
    expect(repo().after(1, 1)).toEqual([event(2)]);
    expect(
      repo()
        .after(0, 10)
        .map((e) => e.desk_seq),
    ).toEqual([1, 2, 3]);
    expect(repo().get(2)).toEqual(event(2));
    expect(repo().get(9)).toBeUndefined();
  });

  it('is append-only, except for the erasure’s rewrite of payloads inside its transaction', () => {
    [1, 2].forEach((n) => repo().append(event(n)));
    expect(() => db().prepare("UPDATE outbox SET payload = '{}'").run()).toThrow(/append-only/);
    expect(() => db().prepare('DELETE FROM outbox').run()).toThrow(/append-only/);
    expect(() => repo().rewritePayloads((p) => p)).toThrow(/inside a transaction/);
    const changed = writeTransaction(db(), () => repo().rewritePayloads((p) => p.replace('"n":2', '"n":0')));
    expect(changed).toBe(1);
    expect(
      repo()
        .after(0, 10)
        .map((e) => e.payload),
    ).toEqual(['{"n":1}', '{"n":0}']);
    // The trigger is back as it was.
    expect(() => db().prepare("UPDATE outbox SET payload = '{}'").run()).toThrow(/append-only/);
  });

  it('lists this desk’s cards of an organisation, oldest first', () => {
    seed(db(), [newCard({ id: 'b' }), newCard({ id: 'a' }), newCard({ id: 'x', organisationHsaId: ORG_2 })]);
    db().prepare("UPDATE cards SET created_at = 1 WHERE id = 'b'").run();
    expect(repo().cardsOfOrganisation(ORG)).toEqual(['b', 'a']);
    expect(repo().cardsOfOrganisation(ORG_2)).toEqual(['x']);
  });
});
