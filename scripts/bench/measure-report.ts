import type { Backend } from '../../electron/app/backend';
import { REPORT_PREDICATES as P } from '../../electron/db/repositories/report';
import { buildMonthlyReport } from '../../electron/services/report';
import { monthBounds } from '../../shared/time/stockholm';
import { median, timed } from './stats';

const COLUMNS = 'organisation_hsa_id, assurance_level, issued_at, expires_at, ended_at, extends_card_id';
const COUNTS = `count(*) FILTER (WHERE ${P.activeAtEnd}) AS active,
  count(*) FILTER (WHERE ${P.newlyIssued}) AS new,
  count(*) FILTER (WHERE ${P.newlyIssued} AND ${P.extension}) AS ext`;

/**
 * The lower bound: the counts of the report (per organisation and level) by the fastest
 * single query we could write, with no names, no reasons and no JavaScript. Several
 * shapes are tried and the fastest is taken, so the bound is as low as this database
 * allows.
 */
export const RAW_COUNT_QUERIES: Record<string, string> = {
  twoRanges: `SELECT organisation_hsa_id AS org, assurance_level AS level, ${COUNTS} FROM (
      SELECT ${COLUMNS} FROM cards WHERE ${P.counted} AND ${P.newlyIssued}
      UNION ALL
      SELECT ${COLUMNS} FROM cards WHERE ${P.counted} AND issued_at < @start AND ${P.activeAtEnd}
    ) GROUP BY organisation_hsa_id, assurance_level`,
  oneRange: `SELECT organisation_hsa_id AS org, assurance_level AS level, ${COUNTS} FROM cards
    WHERE ${P.counted} AND issued_at < @end AND (issued_at >= @start OR expires_at >= @end)
    GROUP BY organisation_hsa_id, assurance_level`,
};

interface CountRow {
  org: string;
  level: 2 | 3;
  active: number;
  new: number;
  ext: number;
}

// The report's figures in the raw query's shape, to prove both count the same.
function reportCounts(report: ReturnType<typeof buildMonthlyReport>): string {
  const rows = report.organisations.flatMap((o) =>
    ([2, 3] as const).map((level) => {
      const key = `level${level}` as const;
      return `${o.organisationHsaId}/${level}:${o.activeAtEnd[key]}/${o.newlyIssued[key]}/${o.ofWhichExtensions[key]}`;
    }),
  );
  return rows
    .filter((r) => !r.endsWith(':0/0/0'))
    .sort()
    .join('\n');
}

function rawCounts(rows: CountRow[]): string {
  return rows
    .map((r) => `${r.org}/${r.level}:${r.active}/${r.new}/${r.ext}`)
    .filter((r) => !r.endsWith(':0/0/0'))
    .sort()
    .join('\n');
}

/**
 * The monthly report (buildMonthlyReport: the counts, the level-2 reasons and the
 * assembled JSON, as `report:monthly` and the CLI produce it) against the raw lower bound,
 * alternating runs so both see the same machine. Each is the fastest of `runs` runs: other
 * processes only ever add time, so the fastest run is the work itself; the ratio of the
 * medians is reported too.
 */
export function measureReport(
  backend: Backend,
  month: string,
  runs = 25,
): { reportMs: number; rawMs: number; rawQuery: string; reasons: number; medianRatio: number } {
  const period = monthBounds(month);
  const raw = Object.entries(RAW_COUNT_QUERIES).map(([name, sql]) => ({
    name,
    statement: backend.db.prepare<[{ start: number; end: number }], CountRow>(sql),
    times: [] as number[],
  }));
  const report = buildMonthlyReport(backend.services, month);
  for (const query of raw) {
    if (rawCounts(query.statement.all(period)) !== reportCounts(report)) {
      throw new Error(`raw query ${query.name} does not count what the report counts`);
    }
  }
  // The fastest shape first, on its own: a slow shape sweeps the page cache and would
  // make whatever runs after it look slower.
  for (const query of raw)
    for (let i = 0; i < 3; i++) query.times.push(timed(() => query.statement.all(period)).ms);
  const best = raw.reduce((a, b) => (Math.min(...b.times) < Math.min(...a.times) ? b : a));
  const rawTimes: number[] = [];
  const reportTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    reportTimes.push(timed(() => buildMonthlyReport(backend.services, month)).ms);
    rawTimes.push(timed(() => best.statement.all(period)).ms);
  }
  const fastest = { name: best.name, ms: Math.min(...rawTimes), median: median(rawTimes) };
  return {
    reportMs: Math.min(...reportTimes),
    rawMs: fastest.ms,
    rawQuery: fastest.name,
    reasons: report.level2Reasons.length,
    medianRatio: median(reportTimes) / fastest.median,
  };
}
