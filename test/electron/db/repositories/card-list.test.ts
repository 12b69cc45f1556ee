import { describe, expect, it } from 'vitest';
import { createCardRepository } from '../../../../electron/db/repositories/cards';
import { createFindingRepository } from '../../../../electron/db/repositories/findings';
import { useTempDb } from '../../support/temp-register';
import { HOLDER, HOLDER_2, ms, newCard, ORG, ORG_2, seed } from './support';

const db = useTempDb();
const list = (query: Partial<Parameters<ReturnType<typeof createCardRepository>['list']>[0]> = {}) => {
  const page = createCardRepository(db()).list({
    sort: { by: 'issuedAt', dir: 'desc' },
    offset: 0,
    limit: 100,
    ...query,
  });
  return { total: page.total, ids: page.rows.map((r) => r.id) };
};

function seedRegister() {
  seed(db(), [
    newCard({
      id: 'jan',
      holderName: 'Örjan Öberg',
      issuedAt: ms('2026-01-31T22:30:00Z'),
      expiresAt: ms('2026-02-02T10:00:00Z'),
      cardNumber: '9752000000000000001',
    }),
    newCard({
      id: 'feb1',
      holderName: 'anna andersson',
      issuedAt: ms('2026-01-31T23:30:00Z'),
      expiresAt: ms('2026-02-03T10:00:00Z'),
      cardNumber: '9752000000000000002',
      assuranceLevel: 3,
      unplannedPersonnel: null,
    }),
    newCard({
      id: 'feb2',
      holderName: 'Bertil Berg',
      holderHsaId: HOLDER_2,
      organisationHsaId: ORG_2,
      issuedAt: ms('2026-02-10T08:00:00Z'),
      expiresAt: ms('2026-02-12T10:00:00Z'),
      cardNumber: '9752000000000000103',
    }),
  ]);
}

describe('the register’s pages (card-list)', () => {
  it('pages the whole register newest first, with the total', () => {
    seedRegister();
    expect(list()).toEqual({ total: 3, ids: ['feb2', 'feb1', 'jan'] });
    expect(list({ offset: 1, limit: 1 })).toEqual({ total: 3, ids: ['feb1'] });
    expect(list({ sort: { by: 'holderName', dir: 'asc' } }).ids).toEqual(['feb1', 'feb2', 'jan']);
    expect(list({ sort: { by: 'cardNumber', dir: 'desc' } }).ids).toEqual(['feb2', 'feb1', 'jan']);
  });

  it('filters by month in Stockholm time, level and organisation', () => {
    seedRegister();
    // 2026-01-31T23:30Z is 00:30 on 1 February in Stockholm.
    expect(list({ month: '2026-02' })).toEqual({ total: 2, ids: ['feb2', 'feb1'] });
    expect(list({ month: '2026-01' }).ids).toEqual(['jan']);
    expect(list({ level: 3 }).ids).toEqual(['feb1']);
    expect(list({ organisationHsaId: ORG_2 }).ids).toEqual(['feb2']);
    expect(list({ organisationHsaId: ORG, level: 2 }).ids).toEqual(['jan']);
  });

  it('searches a name prefix in any case, an HSA-id prefix, and digits of a card number', () => {
    seedRegister();
    expect(list({ search: 'ANNA AND' }).ids).toEqual(['feb1']);
    expect(list({ search: 'örjan' }).ids).toEqual(['jan']);
    expect(list({ search: HOLDER_2.slice(0, 10).toLowerCase() }).ids).toEqual(['feb2']);
    expect(list({ search: HOLDER }).ids).toEqual(['feb1', 'jan']);
    expect(list({ search: '0103' }).ids).toEqual(['feb2']);
    expect(list({ search: '0000 0000-0' }).total).toBe(3);
    expect(list({ search: 'ingen' })).toEqual({ total: 0, ids: [] });
  });

  it('keeps only cards with a stored finding, or with a violation', () => {
    seedRegister();
    const findings = createFindingRepository(db());
    findings.replace('jan', [{ code: 'l2-issued-in-office-hours', severity: 'warning' }]);
    findings.replace('feb2', [{ code: 'l2-validity-over-two-weeks', severity: 'violation' }]);
    expect(list({ findings: 'any' }).ids).toEqual(['feb2', 'jan']);
    expect(list({ findings: 'violation' }).ids).toEqual(['feb2']);
  });

  it('counts again after the register changes', () => {
    seedRegister();
    expect(list().total).toBe(3);
    seed(db(), [
      newCard({ id: 'mar', issuedAt: ms('2026-03-01T10:00:00Z'), expiresAt: ms('2026-03-02T10:00:00Z') }),
    ]);
    expect(list()).toEqual({ total: 4, ids: ['mar', 'feb2', 'feb1', 'jan'] });
  });
});
