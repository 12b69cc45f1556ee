import type { Migration } from './types';

/**
 * The register's search at national scale (a million cards). The month filter's index
 * also carries the folded holder name and the holder's HSA-id, so "names starting with
 * anna in March" is decided inside the index — one month of entries, whatever the
 * register's size — and only the page's 50 rows are read from the table. The report and
 * the default order (newest first) use the same index by its first column, so it keeps
 * its name. Chosen from the query plans in test/electron/perf/query-plans.test.ts.
 */
export const migration006: Migration = {
  version: 6,
  name: 'register-search',
  up: `
    DROP INDEX cards_issued_at;
    CREATE INDEX cards_issued_at ON cards (issued_at, holder_name_key, holder_hsa_id);
  `,
};
