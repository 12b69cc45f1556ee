import { describe, expect, it } from 'vitest';
import { createCardRepository, toCardValues } from '../../../../electron/db/repositories/cards';
import { createFindingRepository } from '../../../../electron/db/repositories/findings';
import { useTempDb } from '../../support/temp-register';
import { HOLDER_2, ms, newCard, ORG, seed } from './support';

const db = useTempDb();
const repo = () => createCardRepository(db());

describe('cards repository', () => {
  it('stores a card and reads back exactly what was stored, with its organisation’s name', () => {
    const card = newCard({ note: 'Glömt kortet hemma', unplannedPersonnel: null, assuranceLevel: 3 });
    seed(db(), [card]);
    const row = repo().get(card.id)!;
    expect(toCardValues(row)).toEqual(card);
    expect(row.organisation_name).toBe('Region Exempel');
    expect(repo().exists(card.id)).toBe(true);
    expect(repo().exists('no-such-card')).toBe(false);
    expect(repo().get('no-such-card')).toBeUndefined();
    expect(repo().count()).toBe(1);
  });

  it('keeps the folded holder name for case-insensitive search', () => {
    const card = newCard({ holderName: 'ÅSA Öberg' });
    seed(db(), [card]);
    expect(db().prepare('SELECT holder_name_key FROM cards WHERE id = ?').pluck().get(card.id)).toBe(
      'åsa öberg',
    );
  });

  it('refuses a card of an unknown organisation, a duplicate id and an expiry before the issue', () => {
    seed(db(), [newCard({ id: 'c1' })]);
    expect(() => seed(db(), [newCard({ organisationHsaId: 'SE2321000016-ZZZZ' })], [])).toThrow(
      /FOREIGN KEY/,
    );
    expect(() => seed(db(), [newCard({ id: 'c1' })])).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => seed(db(), [newCard({ expiresAt: ms('2026-02-01T00:00:00Z') })])).toThrow(/CHECK/);
    expect(repo().count()).toBe(1);
  });

  it('ends, reopens, voids and overwrites a card', () => {
    const card = newCard();
    seed(db(), [card]);
    repo().setEnd(card.id, ms('2026-02-12T10:00:00Z'), 'returned', 5);
    expect(repo().get(card.id)).toMatchObject({
      ended_at: ms('2026-02-12T10:00:00Z'),
      end_reason: 'returned',
      updated_at: 5,
    });
    repo().setEnd(card.id, null, null, 6);
    expect(repo().get(card.id)).toMatchObject({ ended_at: null, end_reason: null });
    expect(() => repo().setEnd(card.id, ms('2026-02-12T10:00:00Z'), null, 7)).toThrow(/CHECK/);
    repo().overwrite({ ...card, holderHsaId: HOLDER_2, holderName: 'Bo Ek', issuedBy: ['A', 'B'] }, 8);
    expect(toCardValues(repo().get(card.id)!)).toEqual({
      ...card,
      holderHsaId: HOLDER_2,
      holderName: 'Bo Ek',
      issuedBy: ['A', 'B'],
    });
    repo().setVoided(card.id, 9, 'Fel kort');
    expect(repo().get(card.id)).toMatchObject({ voided_at: 9, void_reason: 'Fel kort', updated_at: 9 });
  });

  it('reads the stored finding codes of a page, violations first, and an empty list for a card without', () => {
    const [a, b] = [newCard(), newCard()];
    seed(db(), [a, b]);
    createFindingRepository(db()).replace(a.id, [
      { code: 'l2-issued-in-office-hours', severity: 'warning' },
      { code: 'l2-validity-over-two-weeks', severity: 'violation' },
    ]);
    const found = repo().findingsOf([a.id, b.id]);
    expect(found.get(a.id)?.map((f) => f.severity)).toEqual(['violation', 'warning']);
    expect(found.get(b.id)).toEqual([]);
  });

  it('lists the open cards expiring in a window, soonest first, with the total beyond the limit', () => {
    const day = (d: number) => ms(`2026-03-${String(d).padStart(2, '0')}T12:00:00Z`);
    const cards = [
      newCard({ id: 'late', issuedAt: day(1), expiresAt: day(9) }),
      newCard({ id: 'soon', issuedAt: day(1), expiresAt: day(5) }),
      newCard({ id: 'ended', issuedAt: day(1), expiresAt: day(6), endedAt: day(2), endReason: 'returned' }),
      newCard({ id: 'past', issuedAt: day(1), expiresAt: day(3) }),
      newCard({ id: 'mid', issuedAt: day(1), expiresAt: day(7) }),
    ];
    seed(db(), cards);
    repo().setVoided('mid', day(2), 'fel');
    const window = repo().openExpiringBetween(day(4), day(9), 1);
    expect(window).toEqual({ total: 2, rows: [expect.objectContaining({ id: 'soon' })] });
    expect(
      repo()
        .openExpiringBetween(day(4), day(9))
        .rows.map((r) => r.id),
    ).toEqual(['soon', 'late']);
    expect(repo().openExpiredBy(day(4))).toEqual({
      total: 1,
      rows: [expect.objectContaining({ id: 'past', organisation_hsa_id: ORG })],
    });
  });
});
