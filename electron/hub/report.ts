import { monthBounds } from '../../shared/time/stockholm';
import {
  assembleMonthlyReport,
  emptyFigures,
  ReportMonth,
  type Level2ReasonFacts,
  type MonthlyReport,
  type OrganisationFigures,
} from '../../shared/report/monthly';
import type { ReasonCode } from '../../shared/domain/reason-codes';
import { connectHub, describePgError, parseHubUrl, type HubConnectOptions } from './connect';
import { HubError } from './errors';
import { readHubStatus, type DeskStatus } from './admin';
import { HUB_SCHEMA, type Queryable } from './schema';

const S = HUB_SCHEMA;

/** One desk's last push, as the coordinator needs it to judge whether a month is complete. */
export interface DeskCoverage {
  desk: string;
  name: string;
  /** Events of this desk on the hub. */
  events: number;
  lastPush: string | null;
  appVersion: string | null;
  /** True when the desk has pushed after the month ended: its cards of the month are in. */
  pushedAfterMonthEnd: boolean;
}

/** `hub report`: the §5 report over the whole region, and how complete it is. */
export interface HubReport {
  report: MonthlyReport;
  deskCoverage: DeskCoverage[];
  hubId: string;
  /** The hub's last hubSeq when the report was read: the report is of the hub up to here. */
  lastHubSeq: number;
}

/**
 * The §5 definitions of shared/report/monthly.ts, in SQL over the hub's current cards
 * (maintained on every push): voided cards never count; newly issued `S ≤ issuedAt < E`;
 * active at the end `issuedAt < E ∧ expiresAt ≥ E ∧ (endedAt null ∨ endedAt ≥ E)`, taken in
 * two disjoint parts — issued in the month (which may also be active), and issued before it
 * and still active — each an index-only scan of its own index.
 */
const ACTIVE = 'expires_at >= $2 AND (ended_at IS NULL OR ended_at >= $2)';
const FIGURES = `
  WITH parts AS (
    SELECT organisation_hsa_id AS org, assurance_level AS level, 1 AS newly,
           (extends_card_id IS NOT NULL)::int AS extensions, (${ACTIVE})::int AS active
    FROM ${S}.cards WHERE NOT voided AND issued_at >= $1 AND issued_at < $2
    UNION ALL
    SELECT organisation_hsa_id, assurance_level, 0, 0, 1
    FROM ${S}.cards WHERE NOT voided AND issued_at < $1 AND ${ACTIVE}
  )
  SELECT p.org AS organisation_hsa_id, o.name, p.level AS assurance_level, p.newly, p.extensions, p.active
  FROM (SELECT org, level, sum(newly) AS newly, sum(extensions) AS extensions, sum(active) AS active
        FROM parts GROUP BY org, level) AS p
  LEFT JOIN ${S}.organisations o ON o.hsa_id = p.org`;

/**
 * Reads the region's report for `month` (YYYY-MM) in one consistent snapshot of the hub.
 * Works over any connection that may read the hub (admin, coordinator or desk).
 */
export async function readHubReport(
  db: Queryable,
  database: string,
  month: string,
  generatedAtMs: number,
): Promise<HubReport> {
  const period = monthBounds(month);
  const status = await readHubStatus(db, database);
  const figures = await db.query<{
    organisation_hsa_id: string;
    name: string | null;
    assurance_level: number;
    newly: string;
    extensions: string;
    active: string;
  }>(FIGURES, [period.start, period.end]);
  const rows = new Map<string, OrganisationFigures>();
  for (const r of figures.rows) {
    let row = rows.get(r.organisation_hsa_id);
    if (!row) {
      row = { organisationHsaId: r.organisation_hsa_id, organisationName: r.name ?? '', ...emptyFigures() };
      rows.set(r.organisation_hsa_id, row);
    }
    const level = r.assurance_level === 2 ? 'level2' : 'level3';
    row.newlyIssued[level] += Number(r.newly);
    row.ofWhichExtensions[level] += Number(r.extensions);
    row.activeAtEnd[level] += Number(r.active);
  }
  const reasons = await db.query<{
    card_id: string;
    card_number: string;
    organisation_hsa_id: string;
    issued_at: string;
    reason_code: ReasonCode;
    reason_text: string;
  }>(
    `SELECT card_id::text AS card_id, card_number, organisation_hsa_id, issued_at, reason_code, reason_text
     FROM ${S}.cards WHERE NOT voided AND assurance_level = 2 AND issued_at >= $1 AND issued_at < $2`,
    [period.start, period.end],
  );
  const reasonFacts: Level2ReasonFacts[] = reasons.rows.map((r) => ({
    cardId: r.card_id,
    cardNumber: r.card_number,
    organisationHsaId: r.organisation_hsa_id,
    issuedAt: Number(r.issued_at),
    reasonCode: r.reason_code,
    reasonText: r.reason_text,
  }));
  return {
    report: assembleMonthlyReport(month, [...rows.values()], reasonFacts, generatedAtMs),
    deskCoverage: status.desks.map((d) => coverageOf(d, period.end)),
    hubId: status.hubId,
    lastHubSeq: status.lastHubSeq,
  };
}

function coverageOf(desk: DeskStatus, monthEnd: number): DeskCoverage {
  return {
    desk: desk.desk,
    name: desk.name,
    events: desk.events,
    lastPush: desk.lastPush,
    appVersion: desk.appVersion,
    pushedAfterMonthEnd: desk.lastPushMs !== null && desk.lastPushMs >= monthEnd,
  };
}

/**
 * `hub report --url URL --month YYYY-MM`: the §5 report over every desk's non-voided cards,
 * computed for a coordinator without a desk of its own, plus each desk's last push.
 */
export async function hubReport(
  url: string,
  month: string,
  options: HubConnectOptions & { now?: () => number } = {},
): Promise<HubReport> {
  if (!ReportMonth.safeParse(month).success) {
    throw new HubError('hub-invalid-input', { field: 'month', detail: 'ska vara ÅÅÅÅ-MM' });
  }
  const target = parseHubUrl(url);
  const client = await connectHub(url, options);
  try {
    // One snapshot: the figures, the reasons and the coverage describe the same hub.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const result = await readHubReport(client, target.database, month, (options.now ?? Date.now)());
    await client.query('COMMIT');
    return result;
  } catch (error) {
    throw describePgError(error, target);
  } finally {
    await client.end().catch(() => undefined);
  }
}
