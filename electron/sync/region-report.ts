import { compareReports } from '../../shared/report/changes';
import { computeMonthlyReport, MonthlyReport, type ReportChanges } from '../../shared/report/monthly';
import { formatInstant, monthBounds } from '../../shared/time/stockholm';
import type { RegionReportFacts } from '../db/repositories/pulled-cards';
import { readTransaction } from '../db/write-transaction';
import type { ServiceContext } from '../services/context';
import { checkMonth, reportContentHash } from '../services/report';

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
  const repo = ctx.pulledCards;
  return readTransaction(ctx.db, () => {
    const facts = [...repo.ownReportFacts(period), ...repo.reportFacts(period)];
    return computeMonthlyReport(
      month,
      facts,
      regionOrganisationNames(facts, repo.organisationNames()),
      generatedAtMs,
    );
  });
}

/** One desk's share of the region's data, in the shape of the coordinator's `hub report`. */
export interface DeskCoverage {
  desk: string;
  name: string;
  /** This desk itself. */
  own: boolean;
  /** The desk's last push (Stockholm offset) as of this desk's last sync; null if never. */
  lastPush: string | null;
  /** True when the desk had pushed after the month ended: its cards of the month are in. */
  pushedAfterMonthEnd: boolean;
}

/**
 * Every desk of the hub with its last push as the hub reported it at this desk's last sync
 * (this desk's own from its link), so a month whose data is not complete yet shows: a desk
 * whose last push is before the end of `month` may still have cards of that month to send.
 */
export function deskCoverage(ctx: ServiceContext, month: string): DeskCoverage[] {
  const link = ctx.hubLink.get();
  if (!link) return [];
  const end = monthBounds(checkMonth(month)).end;
  const desks = ctx.pulledCards.desks();
  const entry = (desk: string, name: string, lastPushAt: number | null, own: boolean): DeskCoverage => ({
    desk,
    name,
    own,
    lastPush: lastPushAt === null ? null : formatInstant(lastPushAt),
    pushedAfterMonthEnd: lastPushAt !== null && lastPushAt >= end,
  });
  const out = [entry(link.desk_id, desks.get(link.desk_id)?.name ?? link.desk_name, link.last_push_at, true)];
  for (const [deskId, desk] of desks) {
    if (deskId !== link.desk_id) out.push(entry(deskId, desk.name, desk.lastPushAt, false));
  }
  return out.sort((a, b) => (a.desk < b.desk ? -1 : a.desk > b.desk ? 1 : 0));
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
  const row = ctx.regionReported.get(checkMonth(month));
  if (!row) return null;
  const exported = MonthlyReport.parse(JSON.parse(row.report_json));
  return compareReports(
    { report: exported, contentHash: row.content_hash, exportedAt: formatInstant(row.exported_at) },
    { report: current, contentHash: reportContentHash(current) },
  );
}

/** The exported months whose region report is no longer what was exported, oldest first. */
export function changedRegionMonths(ctx: ServiceContext): string[] {
  return ctx.regionReported.months().filter((month) => compareWithRegionReported(ctx, month) !== null);
}
