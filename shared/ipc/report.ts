import { z } from 'zod';
import { integerField } from '../domain/decision';
import {
  LevelCounts,
  MonthlyReport,
  REPORT_FILE_FORMATS,
  ReportChanges,
  ReportMonth,
} from '../report/monthly-schema';

/** Input of `report:monthly`. */
export const MonthlyReportQuery = z.strictObject({ month: ReportMonth });

/** When a month was last exported, and the content hash of what went out. */
export const ReportedInfo = z.object({ exportedAt: z.string(), contentHash: z.string() });
export type ReportedInfo = z.infer<typeof ReportedInfo>;

/**
 * Output of `report:monthly`: the report as it stands now, the month's last export (null
 * if never exported), and how the report differs from that export (null if it does not).
 */
export const MonthlyReportStatus = z.object({
  report: MonthlyReport,
  reported: ReportedInfo.nullable(),
  changes: ReportChanges.nullable(),
});
export type MonthlyReportStatus = z.infer<typeof MonthlyReportStatus>;

/** Input of `report:history`: `months` months up to and including `endMonth`. */
export const ReportHistoryQuery = z.strictObject({
  months: integerField(1, 36).default(12),
  endMonth: ReportMonth,
});

/** Output of `report:history`: newly issued cards per level and month, oldest month first. */
export const ReportHistory = z.array(z.object({ month: ReportMonth, newlyIssued: LevelCounts }));
export type ReportHistory = z.infer<typeof ReportHistory>;

/**
 * Input of `report:export`. `path` is absolute and chosen by the save dialog; for CSV it
 * is the base of `<path>-statistik.csv` and `<path>-anledningar.csv`.
 */
export const ReportExportRequest = z.strictObject({
  month: ReportMonth,
  format: z.enum(REPORT_FILE_FORMATS, {
    error: (iss) => (iss.input === undefined ? 'required' : 'enum.invalid'),
  }),
  path: z
    .string({ error: (iss) => (iss.input === undefined ? 'required' : 'type.string') })
    .min(1, { message: 'required' })
    .max(4096, { message: 'text.tooLong' }),
});

/** Output of `report:export`: the files written and the content hash recorded for the month. */
export const ReportExportResult = z.object({
  month: ReportMonth,
  format: z.enum(REPORT_FILE_FORMATS),
  path: z.string(),
  files: z.array(z.string()),
  contentHash: z.string(),
});
export type ReportExportResult = z.infer<typeof ReportExportResult>;
