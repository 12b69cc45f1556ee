import { z } from 'zod';
import { REASON_CODES } from '../domain/reason-codes';

/** The format tag of the canonical monthly report (SPEC §5). */
export const MONTHLY_REPORT_FORMAT = 'kortliggaren/monthly-report@1';

/** File formats a report can be exported in: the canonical JSON, XLSX, or CSV (one file per table). */
export const REPORT_FILE_FORMATS = ['json', 'xlsx', 'csv'] as const;
export type ReportFileFormat = (typeof REPORT_FILE_FORMATS)[number];

/** A month written `YYYY-MM`; the error is the translation key `validation.month.format`. */
export const ReportMonth = z
  .string({ error: (iss) => (iss.input === undefined ? 'required' : 'type.string') })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month.format' });

// Every report timestamp carries the Stockholm offset of its instant, to the second.
const OffsetInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
const Count = z.number().int().min(0);

/** Counts per assurance level. */
export const LevelCounts = z.strictObject({ level2: Count, level3: Count });
export type LevelCounts = z.infer<typeof LevelCounts>;

/** The three figures SPEC §5 asks for, per level. */
export const ReportFigures = z.strictObject({
  activeAtEnd: LevelCounts,
  newlyIssued: LevelCounts,
  ofWhichExtensions: LevelCounts,
});
export type ReportFigures = z.infer<typeof ReportFigures>;

/** One organisation's row of the report. */
export const OrganisationFigures = z.strictObject({
  organisationHsaId: z.string(),
  organisationName: z.string(),
  ...ReportFigures.shape,
});
export type OrganisationFigures = z.infer<typeof OrganisationFigures>;

/** One newly issued level-2 card and why it was issued. No holder data, by design. */
export const Level2Reason = z.strictObject({
  cardId: z.string(),
  cardNumber: z.string(),
  organisationHsaId: z.string(),
  issuedAt: OffsetInstant,
  reasonCode: z.enum(REASON_CODES),
  reasonText: z.string(),
});
export type Level2Reason = z.infer<typeof Level2Reason>;

/**
 * The canonical monthly report, `kortliggaren/monthly-report@1` — exactly the JSON of
 * SPEC §5. Strict objects: a field that is not in the format (a holder name, say) makes
 * the report invalid rather than silently travelling to Inera.
 */
export const MonthlyReport = z.strictObject({
  format: z.literal(MONTHLY_REPORT_FORMAT),
  month: ReportMonth,
  periodStart: OffsetInstant,
  periodEnd: OffsetInstant,
  generatedAt: OffsetInstant,
  organisations: z.array(OrganisationFigures),
  totals: ReportFigures,
  level2Reasons: z.array(Level2Reason),
});
export type MonthlyReport = z.infer<typeof MonthlyReport>;

/** The figures of one organisation then (as exported) and now; null where it had no row. */
export const OrganisationChange = z.object({
  organisationHsaId: z.string(),
  organisationName: z.string(),
  exported: ReportFigures.nullable(),
  current: ReportFigures.nullable(),
});
export type OrganisationChange = z.infer<typeof OrganisationChange>;

/** How a reported month differs now from what was exported. */
export const ReportChanges = z.object({
  exportedAt: OffsetInstant,
  exportedContentHash: z.string(),
  currentContentHash: z.string(),
  /** Organisations whose name or figures differ, by organisation HSA-id. */
  organisations: z.array(OrganisationChange),
  totals: z.object({ exported: ReportFigures, current: ReportFigures }).nullable(),
  /** Level-2 reason rows by card id: new since the export, gone, or with other content. */
  level2Reasons: z.object({
    added: z.array(z.string()),
    removed: z.array(z.string()),
    changed: z.array(z.string()),
  }),
});
export type ReportChanges = z.infer<typeof ReportChanges>;
