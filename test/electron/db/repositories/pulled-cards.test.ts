import { describe, expect, it } from 'vitest';
import { createPulledCardRepository, toPulledState } from '../../../../electron/db/repositories/pulled-cards';
import { monthBounds } from '../../../../shared/time/stockholm';
import { useTempDb } from '../../support/temp-register';
import { HOLDER, HOLDER_2, ms, newCard, pulledEvent, seed } from './support';

const db = useTempDb();
const repo = () => createPulledCardRepository(db());

describe('pulled-cards repository', () => {
  it('stores another desk’s card as its event carried it', () => {
    expect(repo().any()).toBe(false);
    const write = pulledEvent(
      { cardId: 'p1', unplannedPersonnel: null, assuranceLevel: 3 },
      { deskSeq: 4, hubSeq: 9 },
    );
    repo().apply(write);
    const row = repo().get('p1')!;
    expect(row).toMatchObject({ desk_id: 'desk-b', desk_seq: 4, hub_seq: 9, kind: 'registered' });
    expect(toPulledState(row)).toEqual(write.card);
    expect(repo().exists('p1')).toBe(true);
    expect(repo().any()).toBe(true);
    expect(repo().pulledAmong(['p1', 'own'])).toEqual(new Set(['p1']));
  });

  it('keeps the newest event of a card by desk_seq, and a card with the desk that first sent it', () => {
    repo().apply(pulledEvent({ cardId: 'p1' }, { deskSeq: 2 }));
    repo().apply(
      pulledEvent(
        { cardId: 'p1', endedAt: ms('2026-02-01T12:00:00Z'), endReason: 'returned' },
        { deskSeq: 3, kind: 'ended' },
      ),
    );
    repo().apply(pulledEvent({ cardId: 'p1', reasonText: 'äldre' }, { deskSeq: 1, kind: 'corrected' }));
    repo().apply(
      pulledEvent({ cardId: 'p1', reasonText: 'annan station' }, { deskId: 'desk-c', deskSeq: 99 }),
    );
    expect(repo().get('p1')).toMatchObject({
      desk_id: 'desk-b',
      desk_seq: 3,
      kind: 'ended',
      reason_text: '',
      end_reason: 'returned',
    });
  });

  it('gives the rules other desks’ live cards of holders and numbers, never a voided one', () => {
    repo().apply(pulledEvent({ cardId: 'p1', holderHsaId: HOLDER }));
    repo().apply(
      pulledEvent({ cardId: 'p2', holderHsaId: HOLDER, cardNumber: '9752000000000008888', voided: true }),
    );
    repo().apply(pulledEvent({ cardId: 'p3', holderHsaId: HOLDER_2 }));
    expect(
      repo()
        .cardsOfHolders([HOLDER])
        .map((c) => c.id),
    ).toEqual(['p1']);
    expect(repo().cardsWithNumbers(['9752000000000008888'])).toEqual([]);
    expect(repo().cardsOfHolders([HOLDER])[0]!.issuedBy).toEqual([]);
    expect(
      repo()
        .allLiveRuleCards()
        .map((c) => c.id)
        .sort(),
    ).toEqual(['p1', 'p3']);
    expect(
      repo()
        .allLive()
        .map((r) => r.card_id),
    ).toEqual(['p1', 'p3']);
    expect(repo().countsByDesk()).toEqual([{ desk_id: 'desk-b', cards: 3 }]);
  });

  it('keeps desks’ names and newest pushes, and each organisation’s newest name by hub_seq', () => {
    repo().saveDesk('desk-b', 'Borås');
    repo().saveDeskPush('desk-b', 500);
    repo().saveDeskPush('desk-b', 300);
    repo().saveDeskPush('desk-c', 100);
    expect(repo().desks()).toEqual(
      new Map([
        ['desk-b', { name: 'Borås', lastPushAt: 500 }],
        ['desk-c', { name: 'desk-c', lastPushAt: 100 }],
      ]),
    );
    repo().saveDeskStatus('desk-c', 'Alingsås', null);
    expect(repo().desks().get('desk-c')).toEqual({ name: 'Alingsås', lastPushAt: null });
    repo().saveOrganisationName('SE2321000016-A1B2', 'Nytt namn', 5);
    repo().saveOrganisationName('SE2321000016-A1B2', 'Gammalt namn', 3);
    expect(repo().organisationNames()).toEqual(new Map([['SE2321000016-A1B2', 'Nytt namn']]));
  });

  it('reads the candidates of a month’s report, pulled and own, as REPORT_SQL takes them', () => {
    const feb = monthBounds('2026-02');
    repo().apply(
      pulledEvent({
        cardId: 'in',
        issuedAt: ms('2026-02-10T10:00:00Z'),
        expiresAt: ms('2026-02-12T10:00:00Z'),
      }),
    );
    repo().apply(
      pulledEvent({
        cardId: 'active',
        issuedAt: ms('2026-01-30T10:00:00Z'),
        expiresAt: ms('2026-03-02T10:00:00Z'),
      }),
    );
    repo().apply(
      pulledEvent({
        cardId: 'before',
        issuedAt: ms('2026-01-10T10:00:00Z'),
        expiresAt: ms('2026-01-12T10:00:00Z'),
      }),
    );
    repo().apply(
      pulledEvent({
        cardId: 'voided',
        issuedAt: ms('2026-02-10T10:00:00Z'),
        expiresAt: ms('2026-02-12T10:00:00Z'),
        voided: true,
      }),
    );
    expect(
      repo()
        .reportFacts(feb)
        .map((f) => f.id)
        .sort(),
    ).toEqual(['active', 'in']);
    seed(db(), [
      newCard({ id: 'own', issuedAt: ms('2026-02-10T10:00:00Z'), expiresAt: ms('2026-02-12T10:00:00Z') }),
    ]);
    expect(repo().ownReportFacts(feb)).toEqual([
      expect.objectContaining({ id: 'own', organisationName: 'Region Exempel', voided: false }),
    ]);
  });
});
