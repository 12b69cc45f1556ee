import type { HubMigration } from './types';

/**
 * The check on `events.content_hash`, without the bounded regular expression: PostgreSQL
 * ran `~ '^[0-9a-f]{64}$'` at about 15 µs a row, a sixth of the server's work in a push
 * (docs/performance.md). The same rule — 64 characters, each 0–9 or a–f — as a length and
 * a one-character class costs about 1 µs. Every row the old check let in meets it.
 */
export const hubMigration002: HubMigration = {
  version: 2,
  name: 'hash-check',
  up: ({ schema: s }) => `
    ALTER TABLE ${s}.events DROP CONSTRAINT events_content_hash_check;
    ALTER TABLE ${s}.events ADD CONSTRAINT events_content_hash_check
      CHECK (char_length(content_hash) = 64 AND content_hash !~ '[^0-9a-f]');
  `,
};
