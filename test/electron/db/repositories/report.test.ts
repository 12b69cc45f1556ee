import { describe, expect, it } from 'vitest';
import { createCardRepository } from '../../../../electron/db/repositories/cards';
import { createReportRepository } from '../../../../electron/db/repositories/report';
import { monthBounds } from '../../../../shared/time/stockholm';
import { useTempDb } from '../../support/temp-register';
import { ms, newCard, ORG, ORG_2, seed } from './support';

const db = useTempDb();
const repo = () => createReportRepository(db());
const FEB = monthBounds('2026-02');

function seedMonth() {
  seed(db(), [
    // Newly issued in February, level 2, with a reason.
    newCard({
      id: 'n2',
      issuedAt: ms('2026-02-10T10:00:00Z'),
      expiresAt: ms('2026-03-05T10:00:00Z'),
      reasonText: 'glömt',
    }),
    // Newly issued in February, level 3, an extension of n2, still active at the end.
    newCard({
      id: 'n3',
      assuranceLevel: 3,
      unplannedPersonnel: null,
      issuedAt: ms('2026-02-20T10:00:00Z'),
      expiresAt: ms('2026-03-10T10:00:00Z'),
      extendsCardId: 'n2',
    }),
    // Issued in January, active at the end of February: counted as active, not new.
    newCard({
      id: 'old',
      organisationHsaId: ORG_2,
      issuedAt: ms('2026-01-25T10:00:00Z'),
      expiresAt: ms('2026-03-02T10:00:00Z'),
    }),
    // Ended in February: neither new nor active at the end.
    newCard({
      id: 'ended',
      issuedAt: ms('2026-01-20T10:00:00Z'),
      expiresAt: ms('2026-03-02T10:00:00Z'),
      endedAt: ms('2026-02-05T10:00:00Z'),
      endReason: 'returned',
    }),
    // Voided: never counted.
    newCard({ id: 'void', issuedAt: ms('2026-02-11T10:00:00Z'), expiresAt: ms('2026-03-02T10:00:00Z') }),
  ]);
  createCardRepository(db()).setVoided('void', ms('2026-02-12T10:00:00Z'), 'fel');
}

describe('report repository', () => {
  it('counts per organisation: active at the end, newly issued and extensions, per level', () => {
    seedMonth();
    const rows = repo()
      .organisationCounts(FEB)
      .sort((a, b) => a.hsa_id.localeCompare(b.hsa_id));
    expect(rows).toEqual([
      { hsa_id: ORG, name: 'Region Exempel', active2: 1, active3: 1, new2: 1, new3: 1, ext2: 0, ext3: 1 },
      { hsa_id: ORG_2, name: 'Vårdbolaget', active2: 1, active3: 0, new2: 0, new3: 0, ext2: 0, ext3: 0 },
    ]);
    expect(repo().organisationCounts(monthBounds('2025-06'))).toEqual([]);
  });

  it('lists the month’s new level-2 cards with their reasons, and counts new cards per level', () => {
    seedMonth();
    expect(repo().level2Reasons(FEB)).toEqual([
      expect.objectContaining({
        cardId: 'n2',
        organisationHsaId: ORG,
        reasonCode: 'forgotten-card',
        reasonText: 'glömt',
      }),
    ]);
    expect(repo().newlyIssuedByLevel(FEB)).toEqual({ level2: 1, level3: 1 });
    expect(repo().newlyIssuedByLevel(monthBounds('2026-01'))).toEqual({ level2: 2, level3: 0 });
  });

  it('records and replaces the export of a month', () => {
    const record = {
      month: '2026-02',
      format: 'kortliggaren/monthly-report@1',
      content_hash: 'c'.repeat(64),
      exported_at: 5,
      report_json: '{}',
    };
    expect(repo().reported('2026-02')).toBeUndefined();
    repo().recordReported(record);
    repo().recordReported({ ...record, exported_at: 6 });
    expect(repo().reported('2026-02')).toEqual({ ...record, exported_at: 6 });
    expect(() => repo().recordReported({ ...record, report_json: 'not json' })).toThrow(/CHECK/);
  });
});
