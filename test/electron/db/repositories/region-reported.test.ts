import { describe, expect, it } from 'vitest';
import { createRegionReportedRepository } from '../../../../electron/db/repositories/region-reported';
import type { ReportedMonthRow } from '../../../../electron/db/repositories/report';
import { useTempDb } from '../../support/temp-register';

const db = useTempDb();
const row = (month: string, hash = 'a'.repeat(64)): ReportedMonthRow => ({
  month,
  format: 'kortliggaren/monthly-report@1',
  content_hash: hash,
  exported_at: 1_000,
  report_json: '{"month":"x"}',
});

describe('region-reported repository', () => {
  it('records a month’s export, replaces it on a new export, and lists months oldest first', () => {
    const repo = createRegionReportedRepository(db());
    repo.record(row('2026-03'));
    repo.record(row('2026-01'));
    repo.record({ ...row('2026-03', 'b'.repeat(64)), exported_at: 2_000 });
    expect(repo.months()).toEqual(['2026-01', '2026-03']);
    expect(repo.get('2026-03')).toEqual({ ...row('2026-03', 'b'.repeat(64)), exported_at: 2_000 });
    expect(repo.get('2026-02')).toBeUndefined();
    // The desk's own record is another table.
    expect(db().prepare('SELECT count(*) FROM reported_months').pluck().get()).toBe(0);
  });

  it('refuses a month that is no month and a hash that is no SHA-256', () => {
    const repo = createRegionReportedRepository(db());
    expect(() => repo.record(row('März 2026'))).toThrow(/CHECK/);
    expect(() => repo.record(row('2026-04', 'XYZ'))).toThrow(/CHECK/);
    expect(repo.months()).toEqual([]);
  });
});
