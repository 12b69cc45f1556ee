import type Database from 'better-sqlite3';
import type { CardListQuery } from '../../../shared/ipc/contract';
import { monthBounds } from '../../../shared/time/stockholm';
import type { Db } from '../types';

/** The register's columns for a page: the card joined with its organisation's name. */
export const CARD_SELECT = `SELECT c.*, o.name AS organisation_name FROM cards c
  JOIN organisations o ON o.hsa_id = c.organisation_hsa_id`;

const SORT_SQL: Record<string, string> = {
  issuedAt: 'c.issued_at',
  expiresAt: 'c.expires_at',
  holderName: 'c.holder_name_key',
  cardNumber: 'c.card_number',
  organisation: 'o.name COLLATE NOCASE',
  level: 'c.assurance_level',
};

// Above every character a name can hold: `prefix` ≤ key < `prefix + TOP` is "starts with
// prefix" under SQLite's byte-wise BINARY order, so the range can use an index.
const TOP = '\u{10FFFF}';
// Totals remembered per filter until the register changes.
const MAX_CACHED_TOTALS = 64;

/** A register query as SQL: the WHERE clause, its parameters and the ORDER BY. */
export interface ListSql {
  where: string;
  params: Record<string, string | number>;
  order: string;
}

/**
 * How the search finds its rows. `matches`: through the name and HSA-id indexes (or, for
 * card numbers, a scan of the card-number index) and then sorted — best when few cards
 * match. `ordered`: walking cards_issued_at in the page's order and testing each entry —
 * best when many match, as the first page is found after a few entries; that index
 * carries the folded name and the HSA-id, so only card numbers need the table.
 */
export type SearchPlan = 'matches' | 'ordered';

/** What the SQL is for: one of the page plans, or counting the matches. */
export type ListSqlUse = SearchPlan | 'count';

/**
 * Builds the SQL of a register query. The search is by prefix, so it can use an index:
 * a holder name (case-folded, `anna sv` finds Anna Svensson) or an HSA-id (as typed or in
 * upper case); a search of digits (spaces and hyphens ignored) finds card numbers
 * containing them. With a month the plan is always `ordered` within the month: the terms
 * are marked `+` so SQLite decides them inside cards_issued_at instead of reading ten
 * years of one name to find one month.
 */
export function buildListSql(
  query: CardListQuery,
  foldName: (name: string) => string,
  use: ListSqlUse = 'matches',
): ListSql {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  const ordered = use === 'ordered' || Boolean(query.month);
  const inIssuedIndex = (column: string) => (ordered ? `+${column}` : column);
  const search = query.search?.trim();
  if (search) {
    const digits = search.replace(/[\s-]/g, '');
    if (/^\d+$/.test(digits)) {
      // Digits hold no LIKE wildcard; the card number column holds nothing but digits.
      // A page of few matches: find them in the card-number index, then read just those
      // rows (a count reads that index alone either way).
      where.push(
        use === 'matches' && !ordered
          ? 'c.rowid IN (SELECT rowid FROM cards WHERE card_number LIKE @numberLike)'
          : 'c.card_number LIKE @numberLike',
      );
      params.numberLike = `%${digits}%`;
    } else {
      const name = inIssuedIndex('c.holder_name_key');
      const id = inIssuedIndex('c.holder_hsa_id');
      const terms = [`(${name} >= @nameFrom AND ${name} < @nameTo)`];
      params.nameFrom = foldName(search);
      params.nameTo = `${foldName(search)}${TOP}`;
      [...new Set([search, search.toUpperCase()])].forEach((prefix, i) => {
        terms.push(`(${id} >= @idFrom${i} AND ${id} < @idTo${i})`);
        params[`idFrom${i}`] = prefix;
        params[`idTo${i}`] = `${prefix}${TOP}`;
      });
      where.push(`(${terms.join(' OR ')})`);
    }
  }
  if (query.month) {
    const { start, end } = monthBounds(query.month);
    where.push('c.issued_at >= @start AND c.issued_at < @end');
    params.start = start;
    params.end = end;
  }
  if (query.level) {
    where.push('c.assurance_level = @level');
    params.level = query.level;
  }
  if (query.findings) {
    const severity = query.findings === 'violation' ? " AND f.severity = 'violation'" : '';
    where.push(`EXISTS (SELECT 1 FROM card_findings f WHERE f.card_id = c.id${severity})`);
  }
  if (query.organisationHsaId) {
    where.push('c.organisation_hsa_id = @organisation');
    params.organisation = query.organisationHsaId;
  }
  const sort = query.sort ?? { by: 'issuedAt', dir: 'desc' };
  const order = `${SORT_SQL[sort.by] ?? 'c.issued_at'} ${sort.dir === 'asc' ? 'ASC' : 'DESC'}, c.id`;
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params, order };
}

// Index entries the `ordered` plan may expect to walk for a page; beyond that, finding the
// matches first and sorting them is cheaper.
const ORDERED_SCAN_LIMIT = 10_000;

/** Which plan finds a page of a search fastest, from how many cards match out of all. */
export function chooseSearchPlan(
  query: CardListQuery & { offset: number; limit: number },
  matching: number,
  allCards: () => number,
): SearchPlan {
  const by = query.sort?.by ?? 'issuedAt';
  if (!query.search?.trim() || query.month || by !== 'issuedAt') return 'matches';
  const expectedScan = ((query.offset + query.limit) * allCards()) / Math.max(matching, 1);
  return expectedScan <= ORDERED_SCAN_LIMIT ? 'ordered' : 'matches';
}

/** Reads one page of the register for a query, with the number of cards that match. */
export type CardLister<Row> = (query: CardListQuery & { offset: number; limit: number }) => {
  total: number;
  rows: Row[];
};

/**
 * The register's pages: statements prepared once, and totals kept until the register
 * changes — counting a million rows for every page scrolled to would cost more than the
 * page itself. The total is counted first; it tells which plan finds the page fastest.
 */
export function createCardLister<Row>(db: Db, foldName: (name: string) => string): CardLister<Row> {
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  // Changes by this connection (total_changes) and commits by any other (data_version).
  const version = db.prepare<[], { v: string }>(
    "SELECT total_changes() || '/' || (SELECT data_version FROM pragma_data_version) AS v",
  );
  const totals = new Map<string, { version: string; total: number }>();
  const remembered = (key: string, now: string, count: () => number): number => {
    const known = totals.get(key);
    if (known?.version === now) return known.total;
    const total = count();
    if (totals.size >= MAX_CACHED_TOTALS) totals.clear();
    totals.set(key, { version: now, total });
    return total;
  };
  return (query: CardListQuery & { offset: number; limit: number }): { total: number; rows: Row[] } => {
    const now = version.get()!.v;
    const counting = buildListSql(query, foldName, 'count');
    // The organisation join is not needed to count: every card has its organisation.
    const countSql = `SELECT count(*) AS n FROM cards c ${counting.where}`;
    const total = remembered(`${countSql}|${JSON.stringify(counting.params)}`, now, () => {
      return (prepare(countSql).get(counting.params) as { n: number }).n;
    });
    const plan = chooseSearchPlan(query, total, () =>
      remembered('all', now, () => (prepare('SELECT count(*) AS n FROM cards').get() as { n: number }).n),
    );
    const sql = buildListSql(query, foldName, plan);
    const page = prepare(`${CARD_SELECT} ${sql.where} ORDER BY ${sql.order} LIMIT @limit OFFSET @offset`);
    const rows = page.all({ ...sql.params, limit: query.limit, offset: query.offset }) as Row[];
    return { total, rows };
  };
}
