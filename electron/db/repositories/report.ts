import type { ReasonCode } from '../../../shared/domain/reason-codes';
import type { Level2ReasonFacts, LevelCounts, MonthPeriod } from '../../../shared/report/monthly';
import type { Db } from '../types';

/**
 * SPEC §5's definitions in SQL over the cards table, with the month bounds as parameters
 * `@start` (S) and `@end` (E). Columns are unqualified so the predicates read the same over
 * `cards` and over a subquery of it. Each mirrors the function of the same name in
 * shared/report/monthly.ts, which is the definition; test/electron/report/sql-agrees.test.ts
 * proves on random registers that both give the same report. Change them together.
 */
export const REPORT_PREDICATES = {
  /** isCounted */
  counted: 'voided_at IS NULL',
  /** isNewlyIssued: S ≤ issuedAt < E */
  newlyIssued: 'issued_at >= @start AND issued_at < @end',
  /** isActiveAtEnd: issuedAt < E and expiresAt ≥ E and (endedAt absent or endedAt ≥ E) */
  activeAtEnd: 'issued_at < @end AND expires_at >= @end AND (ended_at IS NULL OR ended_at >= @end)',
  /** isExtension */
  extension: 'extends_card_id IS NOT NULL',
} as const;

const P = REPORT_PREDICATES;
const CANDIDATE_COLUMNS =
  'organisation_hsa_id, assurance_level, issued_at, expires_at, ended_at, extends_card_id';

/** The statements of the monthly report, exported so a test can check their query plans. */
export const REPORT_SQL = {
  // One grouped pass over the cards that can count at all, taken as two disjoint ranges
  // so each uses its own index instead of a scan of the whole register: those issued in
  // [S, E) (cards_issued_at), and those issued before S that are active at E — these
  // still expire at or after E (cards_expires_at), and cards live for weeks, not years.
  organisationCounts: `
    SELECT g.*, o.name AS name FROM (
      SELECT organisation_hsa_id AS hsa_id,
        count(*) FILTER (WHERE assurance_level = 2 AND ${P.activeAtEnd}) AS active2,
        count(*) FILTER (WHERE assurance_level = 3 AND ${P.activeAtEnd}) AS active3,
        count(*) FILTER (WHERE assurance_level = 2 AND ${P.newlyIssued}) AS new2,
        count(*) FILTER (WHERE assurance_level = 3 AND ${P.newlyIssued}) AS new3,
        count(*) FILTER (WHERE assurance_level = 2 AND ${P.newlyIssued} AND ${P.extension}) AS ext2,
        count(*) FILTER (WHERE assurance_level = 3 AND ${P.newlyIssued} AND ${P.extension}) AS ext3
      FROM (
        SELECT ${CANDIDATE_COLUMNS} FROM cards WHERE ${P.counted} AND ${P.newlyIssued}
        UNION ALL
        SELECT ${CANDIDATE_COLUMNS} FROM cards WHERE ${P.counted} AND issued_at < @start AND ${P.activeAtEnd}
      )
      GROUP BY organisation_hsa_id
    ) g
    -- Names are joined to the few hundred groups, not to every counted card.
    JOIN organisations o ON o.hsa_id = g.hsa_id`,
  // In index order, i.e. by issue time; assembleMonthlyReport puts ties in id order, so
  // SQL needs no sorter for the thousands of rows of a month.
  level2Reasons: `
    SELECT id, card_number, organisation_hsa_id, issued_at, reason_code, reason_text
    FROM cards
    WHERE ${P.counted} AND ${P.newlyIssued} AND assurance_level = 2`,
  newlyIssuedByLevel: `
    SELECT count(*) FILTER (WHERE assurance_level = 2) AS level2,
      count(*) FILTER (WHERE assurance_level = 3) AS level3
    FROM cards WHERE ${P.counted} AND ${P.newlyIssued}`,
} as const;

/** One organisation's counts for a month, straight from the grouped query. */
export interface OrganisationCountRow {
  hsa_id: string;
  name: string;
  active2: number;
  active3: number;
  new2: number;
  new3: number;
  ext2: number;
  ext3: number;
}

/** A newly issued level-2 card of a month. */
export interface Level2ReasonRow {
  id: string;
  card_number: string;
  organisation_hsa_id: string;
  issued_at: number;
  reason_code: ReasonCode;
  reason_text: string;
}

// The columns of REPORT_SQL.level2Reasons, in order.
type ReasonTuple = [
  id: string,
  cardNumber: string,
  organisationHsaId: string,
  issuedAt: number,
  reasonCode: ReasonCode,
  reasonText: string,
];

/** A month as exported: what was sent and its content hash. */
export interface ReportedMonthRow {
  month: string;
  format: string;
  content_hash: string;
  exported_at: number;
  report_json: string;
}

/** SQL for the monthly statistics and the record of reported months. */
export interface ReportRepository {
  /** Per-organisation counts of a month; only organisations with something to count. */
  organisationCounts: (period: MonthPeriod) => OrganisationCountRow[];
  /** The level-2 cards newly issued in a month, roughly by issue time (the report sorts). */
  level2Reasons: (period: MonthPeriod) => Level2ReasonFacts[];
  /** Newly issued cards of a month per level. */
  newlyIssuedByLevel: (period: MonthPeriod) => LevelCounts;
  /** The export record of a month, or undefined when it was never exported. */
  reported: (month: string) => ReportedMonthRow | undefined;
  /** Records (or replaces) the export of a month. */
  recordReported: (row: ReportedMonthRow) => void;
}

/** Prepares the report's statements of a connection. */
export function createReportRepository(db: Db): ReportRepository {
  const counts = db.prepare<[MonthPeriod], OrganisationCountRow>(REPORT_SQL.organisationCounts);
  // Rows as arrays, turned straight into the report's facts: a month holds thousands of
  // level-2 cards, and one object per row instead of two is a tenth of the report's time.
  const reasons = db.prepare<[MonthPeriod], ReasonTuple>(REPORT_SQL.level2Reasons).raw(true);
  const newly = db.prepare<[MonthPeriod], LevelCounts>(REPORT_SQL.newlyIssuedByLevel);
  const reportedGet = db.prepare<[string], ReportedMonthRow>('SELECT * FROM reported_months WHERE month = ?');
  const reportedUpsert = db.prepare<[ReportedMonthRow]>(
    `INSERT INTO reported_months (month, format, content_hash, exported_at, report_json)
     VALUES (@month, @format, @content_hash, @exported_at, @report_json)
     ON CONFLICT (month) DO UPDATE SET format = excluded.format, content_hash = excluded.content_hash,
       exported_at = excluded.exported_at, report_json = excluded.report_json`,
  );
  return {
    organisationCounts: (period: MonthPeriod): OrganisationCountRow[] =>
      counts.all({ start: period.start, end: period.end }),
    level2Reasons: (period: MonthPeriod): Level2ReasonFacts[] =>
      reasons
        .all({ start: period.start, end: period.end })
        .map(([cardId, cardNumber, organisationHsaId, issuedAt, reasonCode, reasonText]) => ({
          cardId,
          cardNumber,
          organisationHsaId,
          issuedAt,
          reasonCode,
          reasonText,
        })),
    newlyIssuedByLevel: (period: MonthPeriod): LevelCounts =>
      newly.get({ start: period.start, end: period.end }) ?? { level2: 0, level3: 0 },
    reported: (month: string): ReportedMonthRow | undefined => reportedGet.get(month),
    recordReported: (row: ReportedMonthRow): void => void reportedUpsert.run(row),
  };
}
