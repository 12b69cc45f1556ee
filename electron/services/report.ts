import { createHash } from 'node:crypto';
import type { MonthlyReportStatus, ReportedInfo } from '../../shared/ipc/report';
import { compareReports } from '../../shared/report/changes';
import {
  assembleMonthlyReport,
  canonicalReportText,
  MonthlyReport,
  ReportMonth,
  type LevelCounts,
  type ReportChanges,
} from '../../shared/report/monthly';
import { monthsEnding } from '../../shared/report/months';
import { formatInstant, monthBounds } from '../../shared/time/stockholm';
import { readTransaction } from '../db/write-transaction';
import { invalidInput } from './app-error';
import type { ServiceContext } from './context';

/** Refuses anything but a real month `YYYY-MM`, naming the field `month`. */
export function checkMonth(month: unknown): string {
  const parsed = ReportMonth.safeParse(month);
  if (!parsed.success) throw invalidInput([{ field: 'month', message: parsed.error.issues[0]!.message }]);
  return parsed.data;
}

/**
 * The monthly statistics of SPEC §5 from the database: the counts by one grouped query
 * and the level-2 reasons by a range query, read in one transaction so they agree.
 */
export function buildMonthlyReport(
  ctx: ServiceContext,
  month: string,
  generatedAtMs = ctx.now(),
): MonthlyReport {
  const period = monthBounds(checkMonth(month));
  const repository = ctx.report;
  return readTransaction(ctx.db, () => {
    const rows = repository.organisationCounts(period).map((r) => ({
      organisationHsaId: r.hsa_id,
      organisationName: r.name,
      activeAtEnd: { level2: r.active2, level3: r.active3 },
      newlyIssued: { level2: r.new2, level3: r.new3 },
      ofWhichExtensions: { level2: r.ext2, level3: r.ext3 },
    }));
    const reasons = repository.level2Reasons(period);
    return assembleMonthlyReport(month, rows, reasons, generatedAtMs);
  });
}

/** Lower-case hex SHA-256 of the canonical report without `generatedAt`. */
export function reportContentHash(report: MonthlyReport): string {
  return createHash('sha256').update(canonicalReportText(report), 'utf8').digest('hex');
}

/** The last export of a month, or null when it was never exported. */
export function reportedMonth(ctx: ServiceContext, month: string): ReportedInfo | null {
  const row = ctx.report.reported(checkMonth(month));
  return row ? { exportedAt: formatInstant(row.exported_at), contentHash: row.content_hash } : null;
}

/**
 * Null when the month was never exported or nothing Inera received has changed since;
 * otherwise the organisations whose figures differ (as exported vs now) and the level-2
 * reasons added, removed or changed. `current` saves building the report twice.
 */
export function compareWithReported(
  ctx: ServiceContext,
  month: string,
  current: MonthlyReport = buildMonthlyReport(ctx, month),
): ReportChanges | null {
  const row = ctx.report.reported(checkMonth(month));
  if (!row) return null;
  // Written by recordReportedMonth from a validated report: a failure here is corruption.
  const exported = MonthlyReport.parse(JSON.parse(row.report_json));
  return compareReports(
    { report: exported, contentHash: row.content_hash, exportedAt: formatInstant(row.exported_at) },
    { report: current, contentHash: reportContentHash(current) },
  );
}

/** What the preview page shows: the report, whether it was exported, and what changed since. */
export function monthlyReportStatus(ctx: ServiceContext, month: string): MonthlyReportStatus {
  const report = buildMonthlyReport(ctx, month);
  return { report, reported: reportedMonth(ctx, month), changes: compareWithReported(ctx, month, report) };
}

/** Newly issued cards per level for the `count` months up to `endMonth`, oldest first. */
export function reportHistory(
  ctx: ServiceContext,
  endMonth: string,
  count: number,
): { month: string; newlyIssued: LevelCounts }[] {
  const repository = ctx.report;
  return readTransaction(ctx.db, () =>
    monthsEnding(checkMonth(endMonth), count).map((month) => ({
      month,
      newlyIssued: repository.newlyIssuedByLevel(monthBounds(month)),
    })),
  );
}
