import { describe, expect, it } from 'vitest';
import { createCardRepository } from '../../../../electron/db/repositories/cards';
import { createFindingRepository } from '../../../../electron/db/repositories/findings';
import {
  createPulledCardRepository,
  withRegionHistory,
} from '../../../../electron/db/repositories/pulled-cards';
import { useTempDb } from '../../support/temp-register';
import { HOLDER, HOLDER_2, ms, newCard, seed } from './support';

const db = useTempDb();
const repo = () => createFindingRepository(db());

describe('findings repository', () => {
  it('reads the rule view of a live card and nothing of a voided one', () => {
    const card = newCard({ issuedBy: ['A', 'B'], unplannedPersonnel: false });
    seed(db(), [card]);
    expect(repo().ruleCard(card.id)).toEqual({
      id: card.id,
      assuranceLevel: 2,
      cardNumber: card.cardNumber,
      holderHsaId: HOLDER,
      holderIdType: 'personnummer',
      unplannedPersonnel: false,
      issuedAt: card.issuedAt,
      expiresAt: card.expiresAt,
      issuedBy: ['A', 'B'],
      endedAt: null,
    });
    createCardRepository(db()).setVoided(card.id, 5, 'fel');
    expect(repo().ruleCard(card.id)).toBeUndefined();
  });

  it('reads a holder’s and a card number’s other live cards, never the card itself or a voided one', () => {
    const [a, b, voided, other] = [
      newCard({ id: 'a' }),
      newCard({ id: 'b' }),
      newCard({ id: 'v' }),
      newCard({ id: 'o', holderHsaId: HOLDER_2 }),
    ];
    seed(db(), [
      a,
      b,
      voided,
      other,
      newCard({ id: 'same-number', holderHsaId: HOLDER_2, cardNumber: a.cardNumber }),
    ]);
    createCardRepository(db()).setVoided('v', 5, 'fel');
    expect(
      repo()
        .sameHolder(HOLDER, 'a')
        .map((c) => c.id)
        .sort(),
    ).toEqual(['b']);
    expect(
      repo()
        .sameCardNumber(a.cardNumber, 'a')
        .map((c) => c.id),
    ).toEqual(['same-number']);
    expect(
      repo()
        .cardsOfHolders([HOLDER, HOLDER_2])
        .map((c) => c.id)
        .sort(),
    ).toEqual(['a', 'b', 'o', 'same-number']);
    expect(
      repo()
        .cardsWithNumbers([a.cardNumber])
        .map((c) => c.id)
        .sort(),
    ).toEqual(['a', 'same-number']);
    expect(repo().allLiveCards()).toHaveLength(4);
  });

  it('lists live ids oldest first and pages holders in HSA-id order', () => {
    seed(db(), [
      newCard({ id: 'new', issuedAt: ms('2026-02-12T10:00:00Z') }),
      newCard({ id: 'old', holderHsaId: HOLDER_2, issuedAt: ms('2026-02-10T10:00:00Z') }),
    ]);
    expect(repo().liveIds()).toEqual(['old', 'new']);
    const [first, second] = [HOLDER, HOLDER_2].sort();
    expect(repo().holdersAfter('', 1)).toEqual([first]);
    expect(repo().holdersAfter(first!, 10)).toEqual([second]);
    expect(repo().holdersAfter(second!, 10)).toEqual([]);
  });

  it('replaces a card’s stored findings, one card or many, and refuses findings of an unknown card', () => {
    seed(db(), [newCard({ id: 'a' }), newCard({ id: 'b' })]);
    repo().replace('a', [{ code: 'l2-issued-in-office-hours', severity: 'warning' }]);
    repo().replace('a', [
      { code: 'holder-has-active-card', severity: 'warning' },
      { code: 'l2-validity-over-two-weeks', severity: 'violation' },
    ]);
    expect(repo().storedFor('a')).toEqual([
      { code: 'l2-validity-over-two-weeks', severity: 'violation' },
      { code: 'holder-has-active-card', severity: 'warning' },
    ]);
    repo().replaceMany([
      { cardId: 'a', findings: [] },
      { cardId: 'b', findings: [{ code: 'l2-planned-personnel', severity: 'violation' }], fresh: true },
    ]);
    expect(repo().storedFor('a')).toEqual([]);
    expect(repo().storedFor('b')).toEqual([{ code: 'l2-planned-personnel', severity: 'violation' }]);
    expect(() => repo().replace('nope', [{ code: 'l2-planned-personnel', severity: 'violation' }])).toThrow(
      /FOREIGN KEY/,
    );
  });

  it('over the region: reads pulled cards as history, but stores findings for own cards only', () => {
    seed(db(), [newCard({ id: 'own' })]);
    const pulled = createPulledCardRepository(db());
    pulled.apply({
      deskId: 'desk-b',
      deskSeq: 1,
      hubSeq: 1,
      kind: 'registered',
      card: {
        cardId: 'theirs',
        organisationHsaId: 'SE2321000016-A1B2',
        organisationName: 'Region Exempel',
        assuranceLevel: 2,
        cardNumber: '9752000000000009999',
        holderHsaId: HOLDER,
        holderIdType: 'personnummer',
        unplannedPersonnel: true,
        issuedAt: ms('2026-02-01T10:00:00Z'),
        expiresAt: ms('2026-02-02T10:00:00Z'),
        reasonCode: 'forgotten-card',
        reasonText: '',
        extendsCardId: null,
        endedAt: null,
        endReason: null,
        voided: false,
      },
    });
    const region = withRegionHistory(repo(), pulled);
    expect(region.sameHolder(HOLDER, 'own').map((c) => c.id)).toEqual(['theirs']);
    expect(
      region
        .allLiveCards()
        .map((c) => c.id)
        .sort(),
    ).toEqual(['own', 'theirs']);
    region.replaceMany([
      { cardId: 'own', findings: [{ code: 'holder-has-active-card', severity: 'warning' }] },
      { cardId: 'theirs', findings: [{ code: 'holder-has-active-card', severity: 'warning' }] },
    ]);
    // A pulled card has no row in cards: storing its finding would break the foreign key.
    region.replace('theirs', [{ code: 'holder-has-active-card', severity: 'warning' }]);
    expect(db().prepare('SELECT card_id FROM card_findings').pluck().all()).toEqual(['own']);
  });
});
