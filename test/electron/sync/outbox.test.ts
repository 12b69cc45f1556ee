import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/app/backend';
import { registerCard } from '../../../electron/services/cards';
import { importRegister } from '../../../electron/services/import';
import { correctCard, endCard, extendCard, voidCard } from '../../../electron/services/lifecycle';
import { renameOrganisation } from '../../../electron/services/organisations';
import { eraseExpiredPersonalData } from '../../../electron/services/personal-data';
import { createOutboxRepository } from '../../../electron/db/repositories/outbox';
import { recordCardEvent } from '../../../electron/services/outbox';
import { runKillRounds } from '../../../scripts/reliability/crash-rounds';
import { CardInput } from '../../../shared/domain/card';
import { canonicalJson, HubCardState } from '../../../shared/hub/event';
import { HOLDER, HOLDER_2, ORG, tempDir, validCard } from '../../fixtures/cards';

let dir: string;
let cleanup: () => void;
let backend: Backend;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  backend = createBackend({ databasePath: join(dir, 'k.db'), mode: 'cli', version: 'test', actor: 'desk' });
});
afterEach(() => {
  backend.close();
  cleanup();
});

const ctx = () => backend.services;
const events = () =>
  backend.services.outbox
    .after(0, 1_000_000)
    .map((e) => ({ ...e, state: HubCardState.parse(JSON.parse(e.payload)) }));
const kinds = () => events().map((e) => [e.kind, e.card_id]);
const register = (overrides = {}) => registerCard(ctx(), CardInput.parse(validCard(overrides)));

/**
 * The outbox tells the truth about every card: numbers 1..n without gaps, and the newest
 * event of each card carries exactly the card's state now. Returns the problems found.
 */
export function outboxProblems(db: Database.Database): string[] {
  const problems: string[] = [];
  const seqs = db.prepare<[], number>('SELECT desk_seq FROM outbox ORDER BY desk_seq').pluck().all();
  if (seqs.some((s, i) => s !== i + 1)) problems.push('desk_seq has a gap');
  const outbox = createOutboxRepository(db);
  const newest = db
    .prepare<[], { card_id: string; payload: string }>(
      'SELECT card_id, payload FROM outbox o WHERE desk_seq = (SELECT max(desk_seq) FROM outbox WHERE card_id = o.card_id)',
    )
    .all();
  const byCard = new Map(newest.map((r) => [r.card_id, r.payload]));
  for (const id of db.prepare<[], string>('SELECT id FROM cards').pluck().all()) {
    const payload = byCard.get(id);
    if (!payload) problems.push(`card without an event: ${id}`);
    else if (payload !== JSON.stringify(outbox.cardState(id)))
      problems.push(`card changed without its event: ${id}`);
  }
  return problems;
}

describe('the outbox', () => {
  it('gets one event per change, in the same transaction, carrying the state after it', () => {
    const a = register();
    const b = register({
      holderHsaId: HOLDER_2,
      cardNumber: '9752210000000000002',
      issuedAt: '2026-02-12T20:00:00+01:00',
    });
    expect(kinds()).toEqual([
      ['registered', a.id],
      ['registered', b.id],
    ]);
    correctCard(ctx(), a.id, { reasonCode: 'other', reasonText: 'Glömt hemma' }, 'Fel anledning');
    endCard(ctx(), b.id, Date.parse('2026-02-13T08:00:00+01:00'), 'returned');
    const c = extendCard(ctx(), a.id, {
      issuedAt: '2026-02-20T20:00:00+01:00',
      expiresAt: '2026-02-27T20:00:00+01:00',
      issuedBy: ['Kim Karlsson'],
    });
    voidCard(ctx(), c.id, 'Fel kort');
    renameOrganisation(ctx(), ORG, 'Region Exempel (rättad)');
    expect(kinds().slice(2)).toEqual([
      ['corrected', a.id],
      ['ended', b.id],
      ['registered', c.id],
      ['extended', a.id],
      ['voided', c.id],
      // Voiding the extension reopens the card it extended: that is a change to it too.
      ['corrected', a.id],
      // A new name of the organisation travels on each of its cards.
      ['corrected', a.id],
      ['corrected', b.id],
      ['corrected', c.id],
    ]);
    const last = events().at(-1)!;
    expect(last.state).toMatchObject({
      cardId: c.id,
      voided: true,
      organisationName: 'Region Exempel (rättad)',
    });
    expect(events().find((e) => e.kind === 'ended')!.state).toMatchObject({
      endReason: 'returned',
      endedAt: Date.parse('2026-02-13T08:00:00+01:00'),
    });
    expect(events().map((e) => e.desk_seq)).toEqual(events().map((_, i) => i + 1));
    expect(new Set(events().map((e) => e.event_id)).size).toBe(events().length);
    expect(outboxProblems(backend.db)).toEqual([]);
  });

  it('writes canonical JSON: what the hub hashes is exactly what is stored', () => {
    register({ reasonCode: 'other', reasonText: 'Rad 1\nRad "2" \\ ☃' });
    // The state is written by SQLite's json_object: its text is JSON.stringify's, to the byte.
    register({ reasonCode: 'other', reasonText: 'Snö 😀 </script> \u2028 é ½ \u00a0 «»' });
    for (const event of events()) expect(event.payload).toBe(canonicalJson(JSON.parse(event.payload)));
    expect(outboxProblems(backend.db)).toEqual([]);
  });

  it('writes no event for a change that is refused, and none outside a transaction', () => {
    const a = register();
    const before = events();
    // A violation without justification: refused, nothing written.
    expect(() =>
      registerCard(
        ctx(),
        CardInput.parse(
          validCard({ issuedAt: '2026-02-11T10:00:00+01:00', expiresAt: '2026-02-12T10:00:00+01:00' }),
        ),
      ),
    ).toThrow();
    expect(() => correctCard(ctx(), a.id, { expiresAt: '2026-01-01T00:00:00Z' }, 'Fel')).toThrow();
    expect(() => endCard(ctx(), a.id, Date.parse('2020-01-01T00:00:00Z'), 'returned')).toThrow();
    expect(() =>
      extendCard(ctx(), a.id, {
        issuedAt: '2026-02-12T10:00:00+01:00',
        expiresAt: '2026-03-12T10:00:00+01:00',
        issuedBy: ['Kim'],
      }),
    ).toThrow();
    expect(() =>
      importRegister(ctx(), { cards: [validCard({ id: a.id, holderName: 'Någon annan' })] }),
    ).toThrow();
    expect(events()).toEqual(before);
    expect(() => recordCardEvent(ctx(), 'corrected', a.id)).toThrow(/inside the transaction/);
  });

  it('imports a file with one event per new card and none for an unchanged one', () => {
    const file = {
      cards: [1, 2, 3].map((n) =>
        validCard({ id: `6f1c1f7e-3b7a-4a51-9a51-00000000000${n}`, cardNumber: `975221000000000000${n}` }),
      ),
    };
    expect(importRegister(ctx(), file)).toEqual({ imported: 3, unchanged: 0 });
    expect(importRegister(ctx(), file)).toEqual({ imported: 0, unchanged: 3 });
    expect(events().map((e) => e.card_id)).toEqual(file.cards.map((c) => c.id));
    expect(outboxProblems(backend.db)).toEqual([]);
  });

  it('never carries a holder name, a note, the issuers or a justification', () => {
    const secrets = [
      'Anna Åberg',
      'Hemlig anteckning',
      'Kim Karlsson',
      'Lo Lind',
      'Motivering XYZ',
      'Skäl ABC',
    ];
    const a = register({ note: secrets[1], issuedBy: [secrets[2]!, secrets[3]!] });
    correctCard(
      ctx(),
      a.id,
      { holderName: 'Anna Åberg-Lind', violationJustification: secrets[4] },
      secrets[5]!,
    );
    voidCard(ctx(), a.id, 'Makulerad av Kim Karlsson');
    const payloads = events()
      .map((e) => e.payload)
      .join('\n');
    for (const secret of [...secrets, 'Anna Åberg-Lind', 'Makulerad']) expect(payloads).not.toContain(secret);
    for (const event of events()) {
      expect(Object.keys(event.state).sort()).toEqual(Object.keys(HubCardState.shape).sort());
    }
  });

  it('sends an erasure as an erased event and leaves no trace of the holder in older ones', () => {
    const a = register({
      issuedAt: '2014-02-11T19:40:00+01:00',
      expiresAt: '2014-02-12T19:40:00+01:00',
      violationJustification: 'Före dispensen',
    });
    register({ holderHsaId: HOLDER_2, cardNumber: '9752210000000000009' });
    const summary = eraseExpiredPersonalData(ctx(), Date.parse('2026-03-01T00:00:00Z'));
    expect(summary.cards).toBe(1);
    const erased = events().filter((e) => e.kind === 'erased');
    expect(erased.map((e) => e.card_id)).toEqual([a.id]);
    expect(erased[0]!.state.holderHsaId).toMatch(/^raderad-[0-9a-f]{12}$/);
    expect(
      events()
        .map((e) => e.payload)
        .join('\n'),
    ).not.toContain(HOLDER);
    expect(outboxProblems(backend.db)).toEqual([]);
  });
});

describe('a process killed in the middle of changes', () => {
  it('never leaves a change without its event', async () => {
    backend.close();
    const t = tempDir('kortliggaren-outbox-kill-');
    try {
      const result = await runKillRounds({ rounds: 3, dir: t.dir, seed: 909, maxDelayMs: 300 });
      expect(result).toMatchObject({ acknowledgedLost: 0, partialTransactions: 0, childErrors: 0 });
      const db = new Database(join(t.dir, 'kortliggaren.db'), { readonly: true });
      expect(db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBeGreaterThan(0);
      expect(outboxProblems(db)).toEqual([]);
      db.close();
    } finally {
      t.cleanup();
    }
    backend = createBackend({ databasePath: join(dir, 'k.db'), mode: 'cli', version: 'test' });
  }, 60_000);

  // The check above must be able to fail.
  it('would notice a card changed without its event, and a gap', () => {
    const a = register();
    const raw = new Database(join(dir, 'k.db'));
    raw.prepare('UPDATE cards SET expires_at = expires_at + 1 WHERE id = ?').run(a.id);
    raw.exec('DROP TRIGGER outbox_no_delete; DROP TRIGGER outbox_gap_free; DELETE FROM outbox');
    raw.exec(
      `INSERT INTO outbox SELECT 2, '00000000-0000-4000-8000-000000000002', 'registered', '${a.id}', 0, '{}'`,
    );
    expect(outboxProblems(raw)).toEqual(['desk_seq has a gap', `card changed without its event: ${a.id}`]);
    raw.close();
  });
});
