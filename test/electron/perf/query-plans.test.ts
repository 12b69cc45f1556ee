import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/db/open';
import {
  buildListSql,
  CARD_SELECT,
  chooseSearchPlan,
  type SearchPlan,
} from '../../../electron/db/repositories/card-list';
import { foldName, REVIEW_SQL } from '../../../electron/db/repositories/cards';
import { HISTORY_INDEXES, HISTORY_SQL } from '../../../electron/db/repositories/findings';
import { REPORT_SQL } from '../../../electron/db/repositories/report';
import type { CardListQuery } from '../../../shared/ipc/contract';
import { openTempDb } from '../support/temp-register';

// The plans SQLite chooses on a database as the app leaves it (no ANALYZE statistics), for
// the statements that must stay fast at a million cards. A changed index or query that
// turns one of them into a scan of the register fails here; npm run bench measures them.

let db: Db;
beforeEach(() => {
  const temp = openTempDb();
  db = temp.db;
  return temp.close;
});

function plan(sql: string, params: unknown = []): string {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[];
  return rows.map((r) => r.detail).join('\n');
}

function listPlans(
  query: CardListQuery,
  searchPlan: SearchPlan = 'matches',
): { page: string; count: string } {
  const sql = buildListSql({ sort: { by: 'issuedAt', dir: 'desc' }, ...query }, foldName, searchPlan);
  const params = { ...sql.params, limit: 50, offset: 0 };
  const counting = buildListSql({ sort: { by: 'issuedAt', dir: 'desc' }, ...query }, foldName, 'count');
  return {
    page: plan(`${CARD_SELECT} ${sql.where} ORDER BY ${sql.order} LIMIT @limit OFFSET @offset`, params),
    count: plan(`SELECT count(*) AS n FROM cards c ${counting.where}`, counting.params),
  };
}

describe('query plans at national scale', () => {
  it('searches a name prefix within a month inside cards_issued_at, the count without the table', () => {
    const { page, count } = listPlans({ search: 'anna', month: '2026-03' });
    expect(page).toMatch(/^SEARCH c USING INDEX cards_issued_at \(issued_at>\? AND issued_at<\?\)$/m);
    expect(page).not.toMatch(/cards_holder|SCAN c/);
    expect(count).toMatch(
      /^SEARCH c USING COVERING INDEX cards_issued_at \(issued_at>\? AND issued_at<\?\)$/m,
    );
  });

  it('searches a name or HSA-id prefix without a month through their indexes, never a scan', () => {
    const { page, count } = listPlans({ search: 'SE2321' });
    for (const p of [page, count]) {
      expect(p).toMatch(/INDEX cards_holder_name \(holder_name_key>\? AND holder_name_key<\?\)/);
      expect(p).toMatch(/INDEX cards_holder \(holder_hsa_id>\? AND holder_hsa_id<\?\)/);
      expect(p).not.toMatch(/SCAN c\b/);
    }
  });

  it('walks cards_issued_at newest first when many cards match, testing names inside the index', () => {
    const { page } = listPlans({ search: 'SE2321' }, 'ordered');
    expect(page).toMatch(/^SCAN c USING INDEX cards_issued_at$/m);
    expect(page).not.toMatch(/cards_holder|TEMP B-TREE FOR ORDER BY/);
  });

  it('finds rare card numbers in the card-number index, then reads only those rows', () => {
    const { page, count } = listPlans({ search: '9752 2100 0000 0000 001' });
    for (const p of [page, count]) {
      expect(p).toMatch(/SCAN (c|cards) USING COVERING INDEX cards_card_number/);
      expect(p).not.toMatch(/^SCAN c$/m);
    }
  });

  it('chooses the plan from how many cards match', () => {
    const query = { search: 'anna', offset: 0, limit: 50 };
    expect(chooseSearchPlan(query, 100_000, () => 1_000_000)).toBe('ordered');
    expect(chooseSearchPlan(query, 1_000, () => 1_000_000)).toBe('matches');
    expect(chooseSearchPlan({ ...query, month: '2026-03' }, 100_000, () => 1_000_000)).toBe('matches');
    expect(chooseSearchPlan({ ...query, sort: { by: 'holderName', dir: 'asc' } }, 1e5, () => 1e6)).toBe(
      'matches',
    );
  });

  it('pages the whole register newest first straight from cards_issued_at', () => {
    const { page, count } = listPlans({});
    expect(page).toMatch(/^SCAN c USING INDEX cards_issued_at$/m);
    expect(page).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    expect(count).toMatch(/^SCAN (c|cards) USING COVERING INDEX /m);
  });

  it('filters an organisation and month through cards_organisation', () => {
    const { page } = listPlans({ organisationHsaId: 'SE2321000016-A1B2', month: '2026-03' });
    expect(page).toMatch(
      /SEARCH c USING INDEX cards_organisation \(organisation_hsa_id=\? AND issued_at>\? AND issued_at<\?\)/,
    );
  });

  it('searches card numbers within a month without leaving the month', () => {
    const { page } = listPlans({ search: '9752 2100', month: '2026-03' });
    expect(page).toMatch(/^SEARCH c USING INDEX cards_issued_at \(issued_at>\? AND issued_at<\?\)$/m);
  });

  it('reads a holder and a card number history by index lookups, one by one and in batches', () => {
    expect(plan(HISTORY_SQL.sameHolder, ['h', 'id'])).toMatch(
      /^SEARCH cards USING INDEX cards_holder \(holder_hsa_id=\?\)$/m,
    );
    expect(plan(HISTORY_SQL.sameCardNumber, ['n', 'id'])).toMatch(
      /^SEARCH cards USING INDEX cards_card_number \(card_number=\?\)$/m,
    );
    expect(plan(HISTORY_SQL.holders, ['[]'])).toMatch(
      /^SEARCH cards USING INDEX cards_holder \(holder_hsa_id=\?\)$/m,
    );
    expect(plan(HISTORY_SQL.cardNumbers, ['[]'])).toMatch(
      /^SEARCH cards USING INDEX cards_card_number \(card_number=\?\)$/m,
    );
    // An import keeps exactly these while it bulk-loads (electron/db/repositories/bulk.ts).
    expect([...HISTORY_INDEXES].sort()).toEqual(['cards_card_number', 'cards_holder']);
    for (const sql of Object.values(HISTORY_SQL))
      expect(plan(sql, sql.includes('json_each') ? ['[]'] : ['a', 'b'])).not.toMatch(/SCAN cards/);
  });

  it('counts the monthly report over two index ranges and joins names to the groups only', () => {
    const counts = plan(REPORT_SQL.organisationCounts, { start: 1, end: 2 });
    expect(counts).toMatch(/SEARCH cards USING INDEX cards_issued_at \(issued_at>\? AND issued_at<\?\)/);
    expect(counts).toMatch(/SEARCH cards USING INDEX cards_expires_at \(expires_at>\?\)/);
    expect(counts).toMatch(/SEARCH o USING INDEX sqlite_autoindex_organisations_1 \(hsa_id=\?\)/);
    expect(counts).not.toMatch(/SCAN cards/);
    for (const sql of [REPORT_SQL.level2Reasons, REPORT_SQL.newlyIssuedByLevel]) {
      expect(plan(sql, { start: 1, end: 2 })).toMatch(
        /SEARCH cards USING (COVERING )?INDEX cards_issued_at \(issued_at>\? AND issued_at<\?\)/,
      );
    }
  });

  it('serves the review lists from the open cards by expiry', () => {
    expect(plan(REVIEW_SQL.expiring, [1, 2, 50])).toMatch(
      /^SEARCH cards USING INDEX cards_open_by_expiry \(expires_at>\? AND expires_at<\?\)$/m,
    );
    expect(plan(REVIEW_SQL.overdue, [1, 50])).toMatch(
      /^SEARCH cards USING INDEX cards_open_by_expiry \(expires_at<\?\)$/m,
    );
    // The totals count within the partial index (open cards only), never a scan.
    expect(plan(REVIEW_SQL.expiringCount, [1, 2])).toMatch(
      /^SEARCH cards USING INDEX cards_open_by_expiry \(expires_at>\? AND expires_at<\?\)$/m,
    );
    expect(plan(REVIEW_SQL.overdueCount, [1])).toMatch(
      /^SEARCH cards USING INDEX cards_open_by_expiry \(expires_at<\?\)$/m,
    );
  });
});
