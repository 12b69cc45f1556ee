import { describe, expect, it } from 'vitest';
import { foldName } from '../../../../electron/db/repositories/cards';
import { createPulledCardRepository } from '../../../../electron/db/repositories/pulled-cards';
import {
  createRegionCardRepository,
  type RegionListQuery,
} from '../../../../electron/db/repositories/region-cards';
import { useTempDb } from '../../support/temp-register';
import { HOLDER, HOLDER_2, ms, newCard, ORG_2, pulledEvent, seed } from './support';

const db = useTempDb();
const list = (query: Partial<RegionListQuery> = {}) => {
  const page = createRegionCardRepository(db(), foldName).list(
    { sort: { by: 'issuedAt', dir: 'desc' }, offset: 0, limit: 100, ...query },
    'Alingsås',
  );
  return { total: page.total, ids: page.rows.map((r) => r.id), rows: page.rows };
};

function seedRegion() {
  seed(db(), [
    newCard({
      id: 'own',
      holderName: 'Anna Åberg',
      issuedAt: ms('2026-02-10T10:00:00Z'),
      expiresAt: ms('2026-02-12T10:00:00Z'),
    }),
    newCard({ id: 'own-void', issuedAt: ms('2026-02-11T10:00:00Z'), expiresAt: ms('2026-02-12T10:00:00Z') }),
  ]);
  db().prepare("UPDATE cards SET voided_at = 1, void_reason = 'fel' WHERE id = 'own-void'").run();
  const pulled = createPulledCardRepository(db());
  pulled.saveDesk('desk-b', 'Borås');
  pulled.apply(
    pulledEvent({
      cardId: 'b1',
      holderHsaId: HOLDER,
      issuedAt: ms('2026-02-15T10:00:00Z'),
      expiresAt: ms('2026-02-16T10:00:00Z'),
    }),
  );
  pulled.apply(
    pulledEvent(
      {
        cardId: 'c1',
        holderHsaId: HOLDER_2,
        organisationHsaId: ORG_2,
        assuranceLevel: 3,
        unplannedPersonnel: null,
        issuedAt: ms('2026-01-15T10:00:00Z'),
        expiresAt: ms('2026-01-16T10:00:00Z'),
      },
      { deskId: 'desk-c' },
    ),
  );
  pulled.apply(pulledEvent({ cardId: 'b-void', voided: true }));
}

describe('region-cards repository', () => {
  it('lists this desk’s live cards and the other desks’ in one page, each with its station', () => {
    seedRegion();
    const page = list();
    expect(page.total).toBe(3);
    expect(page.ids).toEqual(['b1', 'own', 'c1']);
    expect(page.rows.map((r) => [r.own, r.desk_id, r.desk_name, r.holder_name])).toEqual([
      [0, 'desk-b', 'Borås', null],
      [1, null, 'Alingsås', 'Anna Åberg'],
      [0, 'desk-c', 'desk-c', null],
    ]);
  });

  it('filters by station, month, level and organisation, and pages', () => {
    seedRegion();
    expect(list({ station: 'own' }).ids).toEqual(['own']);
    expect(list({ station: 'others' }).ids).toEqual(['b1', 'c1']);
    expect(list({ station: 'desk-c' }).ids).toEqual(['c1']);
    expect(list({ month: '2026-01' }).ids).toEqual(['c1']);
    expect(list({ level: 3 }).ids).toEqual(['c1']);
    expect(list({ organisationHsaId: ORG_2 }).ids).toEqual(['c1']);
    expect(list({ offset: 1, limit: 1 })).toMatchObject({ total: 3, ids: ['own'] });
    expect(list({ sort: { by: 'station', dir: 'asc' } }).ids).toEqual(['own', 'b1', 'c1']);
  });

  it('finds own cards by the holder’s name, and anyone’s by HSA-id or card number, never another desk’s by a name', () => {
    seedRegion();
    expect(list({ search: 'anna åb' }).ids).toEqual(['own']);
    expect(list({ search: HOLDER.toLowerCase() }).ids).toEqual(['b1', 'own']);
    expect(list({ search: '9999' }).ids).toEqual(['b1', 'c1']);
  });
});
