import type {
  Level2Reason,
  MonthlyReport,
  OrganisationChange,
  ReportChanges,
  ReportFigures,
} from './monthly-schema';
import { compareCodeUnits } from './monthly';

function sameFigures(a: ReportFigures, b: ReportFigures): boolean {
  return (['activeAtEnd', 'newlyIssued', 'ofWhichExtensions'] as const).every(
    (f) => a[f].level2 === b[f].level2 && a[f].level3 === b[f].level3,
  );
}

function figuresOf(row: ReportFigures): ReportFigures {
  return {
    activeAtEnd: row.activeAtEnd,
    newlyIssued: row.newlyIssued,
    ofWhichExtensions: row.ofWhichExtensions,
  };
}

function sameReason(a: Level2Reason, b: Level2Reason): boolean {
  return (
    a.cardNumber === b.cardNumber &&
    a.organisationHsaId === b.organisationHsaId &&
    a.issuedAt === b.issuedAt &&
    a.reasonCode === b.reasonCode &&
    a.reasonText === b.reasonText
  );
}

/**
 * What differs between the report a desk exported for a month and the report the register
 * gives now. Returns null when the content hashes agree (the hash covers everything but
 * `generatedAt`, so equal hashes mean nothing Inera received has changed).
 */
export function compareReports(
  exported: { report: MonthlyReport; contentHash: string; exportedAt: string },
  current: { report: MonthlyReport; contentHash: string },
): ReportChanges | null {
  if (exported.contentHash === current.contentHash) return null;
  const before = new Map(exported.report.organisations.map((r) => [r.organisationHsaId, r]));
  const after = new Map(current.report.organisations.map((r) => [r.organisationHsaId, r]));
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort(compareCodeUnits);
  const organisations: OrganisationChange[] = [];
  for (const id of ids) {
    const then = before.get(id);
    const now = after.get(id);
    if (then && now && then.organisationName === now.organisationName && sameFigures(then, now)) continue;
    organisations.push({
      organisationHsaId: id,
      organisationName: (now ?? then)?.organisationName ?? '',
      exported: then ? figuresOf(then) : null,
      current: now ? figuresOf(now) : null,
    });
  }
  const reasonsThen = new Map(exported.report.level2Reasons.map((r) => [r.cardId, r]));
  const reasonsNow = new Map(current.report.level2Reasons.map((r) => [r.cardId, r]));
  const totalsDiffer = !sameFigures(exported.report.totals, current.report.totals);
  return {
    exportedAt: exported.exportedAt,
    exportedContentHash: exported.contentHash,
    currentContentHash: current.contentHash,
    organisations,
    totals: totalsDiffer ? { exported: exported.report.totals, current: current.report.totals } : null,
    level2Reasons: {
      added: [...reasonsNow.keys()].filter((id) => !reasonsThen.has(id)),
      removed: [...reasonsThen.keys()].filter((id) => !reasonsNow.has(id)),
      changed: [...reasonsNow.entries()]
        .filter(([id, r]) => {
          const then = reasonsThen.get(id);
          return then !== undefined && !sameReason(then, r);
        })
        .map(([id]) => id),
    },
  };
}
