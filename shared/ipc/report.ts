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
 * Input of `report:export`. `path` is absolute; for CSV it is the base of
 * `<path>-statistik.csv` and `<path>-anledningar.csv`. The UI sends no `path`: the main
 * process then asks where to save (the native save dialog), so the renderer never
 * chooses a file path itself. The CLI and tests pass one.
 */
export const ReportExportRequest = z.strictObject({
  month: ReportMonth,
  format: z.enum(REPORT_FILE_FORMATS, {
    error: (iss) => (iss.input === undefined ? 'required' : 'enum.invalid'),
  }),
  path: z
    .string({ error: (iss) => (iss.input === undefined ? 'required' : 'type.string') })
    .min(1, { message: 'required' })
    .max(4096, { message: 'text.tooLong' })
    .optional(),
});

/** A finished export: the files written and the content hash recorded for the month. */
export const ReportExportDone = z.object({
  month: ReportMonth,
  format: z.enum(REPORT_FILE_FORMATS),
  path: z.string(),
  files: z.array(z.string()),
  contentHash: z.string(),
});
export type ReportExportDone = z.infer<typeof ReportExportDone>;

/** The user closed the save dialog: nothing was written or recorded. */
export const ReportExportCancelled = z.strictObject({ cancelled: z.literal(true) });
export type ReportExportCancelled = z.infer<typeof ReportExportCancelled>;

/** Output of `report:export`: the export, or that the user cancelled the save dialog. */
export const ReportExportResult = z.union([ReportExportDone, ReportExportCancelled]);
export type ReportExportResult = z.infer<typeof ReportExportResult>;
