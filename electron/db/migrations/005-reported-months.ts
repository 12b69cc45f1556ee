import type { Migration } from './types';

/**
 * The months whose statistics a desk has exported for Inera, with the exported report and
 * its content hash, so the app can tell when a later change to the register touches a
 * month that was already reported. One row per month: a new export replaces it (the
 * audit log keeps every export).
 */
export const migration005: Migration = {
  version: 5,
  name: 'reported-months',
  up: `
    CREATE TABLE reported_months (
      month TEXT PRIMARY KEY CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
      -- The report format of report_json, e.g. kortliggaren/monthly-report@1.
      format TEXT NOT NULL CHECK (length(format) > 0),
      -- Lower-case hex SHA-256 of the canonical report without generatedAt.
      content_hash TEXT NOT NULL CHECK (length(content_hash) = 64 AND content_hash NOT GLOB '*[^0-9a-f]*'),
      exported_at INTEGER NOT NULL,
      report_json TEXT NOT NULL CHECK (json_valid(report_json))
    ) STRICT;
  `,
};
