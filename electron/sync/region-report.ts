import { compareReports } from '../../shared/report/changes';
import { computeMonthlyReport, MonthlyReport, type ReportChanges } from '../../shared/report/monthly';
import { formatInstant, monthBounds } from '../../shared/time/stockholm';
import type { RegionReportFacts } from '../db/repositories/pulled-cards';
import type { ServiceContext } from '../services/context';
import { checkMonth, reportContentHash } from '../services/report';
import { hubLinks, pulledCards, regionReported } from './region-data';

/**
 * The name the region report gives each organisation: its newest name on the hub — the
 * name on its event with the highest hubSeq, as the hub keeps it for the coordinator's
 * `hub report` — and, for an organisation the hub has not seen yet (this desk's events
 * still waiting to be pushed), the name on its cards here.
 */
export function regionOrganisationNames(
  facts: readonly RegionReportFacts[],
  hubNames: ReadonlyMap<string, string>,
): { hsaId: string; name: string }[] {
  const names = new Map<string, string>();
  for (const fact of facts) {
    if (!names.has(fact.organisationHsaId)) {
      names.set(fact.organisationHsaId, hubNames.get(fact.organisationHsaId) ?? fact.organisationName);
    }
  }
  return [...names].map(([hsaId, name]) => ({ hsaId, name }));
}

/**
 * The monthly statistics of SPEC §5 over the whole region as this desk knows it: its own
 * non-voided cards and the other desks' pulled non-voided cards, each counted once, by
 * the organisation on it (SPEC §8). The pure §5 definition does the counting.
 */
export function buildRegionReport(
  ctx: ServiceContext,
  month: string,
  generatedAtMs = ctx.now(),
): MonthlyReport {
  const period = monthBounds(checkMonth(month));
  const repo = pulledCards(ctx.db);
  return ctx.db.transaction(() => {
    const facts = [...repo.ownReportFacts(period), ...repo.reportFacts(period)];
    return computeMonthlyReport(
      month,
      facts,
      regionOrganisationNames(facts, repo.organisationNames()),
      generatedAtMs,
    );
  })();
}

/** One desk's share of the region's data: when it last pushed, as far as this desk has seen. */
export interface DeskCoverage {
  deskId: string;
  name: string;
  /** This desk itself. */
  own: boolean;
  /** ISO instant (Stockholm) of the newest push seen, or null when none was. */
  lastPushAt: string | null;
}

/**
 * Every desk of the hub with its last push: this desk's own from its link, the others' from
 * the newest of their events pulled. A desk whose last push is before the end of a month
 * may still have cards of that month to send.
 */
export function deskCoverage(ctx: ServiceContext): DeskCoverage[] {
  const link = hubLinks(ctx.db).get();
  if (!link) return [];
  const desks = pulledCards(ctx.db).desks();
  const out: DeskCoverage[] = [
    {
      deskId: link.desk_id,
      name: desks.get(link.desk_id)?.name ?? link.desk_name,
      own: true,
      lastPushAt: link.last_push_at === null ? null : formatInstant(link.last_push_at),
    },
  ];
  for (const [deskId, desk] of desks) {
    if (deskId === link.desk_id) continue;
    out.push({
      deskId,
      name: desk.name,
      own: false,
      lastPushAt: desk.lastPushAt === null ? null : formatInstant(desk.lastPushAt),
    });
  }
  return out;
}

/**
 * Null when the month's region report was never exported from this desk or has not
 * changed since; otherwise what differs (the changed-since-export alert of §5).
 */
export function compareWithRegionReported(
  ctx: ServiceContext,
  month: string,
  current: MonthlyReport = buildRegionReport(ctx, month),
): ReportChanges | null {
  const row = regionReported(ctx.db).get(checkMonth(month));
  if (!row) return null;
  const exported = MonthlyReport.parse(JSON.parse(row.report_json));
  return compareReports(
    { report: exported, contentHash: row.content_hash, exportedAt: formatInstant(row.exported_at) },
    { report: current, contentHash: reportContentHash(current) },
  );
}

/** The exported months whose region report is no longer what was exported, oldest first. */
export function changedRegionMonths(ctx: ServiceContext): string[] {
  return regionReported(ctx.db)
    .months()
    .filter((month) => compareWithRegionReported(ctx, month) !== null);
}
