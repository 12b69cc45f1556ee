import type { Db } from '../open';
import type { ReportedMonthRow } from './report';

/**
 * SQL for the months whose region-wide report this desk exported (region_reported_months):
 * the same record as reported_months keeps for the desk's own report, so a card another
 * desk pushes late raises the changed-since-export alert for the region too.
 */
export interface RegionReportedRepository {
  /** The export record of a month, or undefined. */
  get: (month: string) => ReportedMonthRow | undefined;
  /** Every exported month, oldest first. */
  months: () => string[];
  /** Records (or replaces) the export of a month. */
  record: (row: ReportedMonthRow) => void;
}

/** Prepares the region-reported statements of a connection. */
export function createRegionReportedRepository(db: Db): RegionReportedRepository {
  const get = db.prepare<[string], ReportedMonthRow>('SELECT * FROM region_reported_months WHERE month = ?');
  const months = db.prepare<[], { month: string }>('SELECT month FROM region_reported_months ORDER BY month');
  const upsert = db.prepare<[ReportedMonthRow]>(
    `INSERT INTO region_reported_months (month, format, content_hash, exported_at, report_json)
     VALUES (@month, @format, @content_hash, @exported_at, @report_json)
     ON CONFLICT (month) DO UPDATE SET format = excluded.format, content_hash = excluded.content_hash,
       exported_at = excluded.exported_at, report_json = excluded.report_json`,
  );
  return {
    get: (month: string): ReportedMonthRow | undefined => get.get(month),
    months: (): string[] => months.all().map((r) => r.month),
    record: (row: ReportedMonthRow): void => void upsert.run(row),
  };
}
