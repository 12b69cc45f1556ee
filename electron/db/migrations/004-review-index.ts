import type { Migration } from './types';

/**
 * The review lists (SPEC §4: expiring soon, overdue) only ever look at cards that are
 * neither voided nor ended. A partial index on their expiry keeps both lists a range
 * scan over the open cards, however many finished cards the register accumulates.
 */
export const migration004: Migration = {
  version: 4,
  name: 'review-index',
  up: `
    CREATE INDEX cards_open_by_expiry ON cards (expires_at, id)
      WHERE voided_at IS NULL AND ended_at IS NULL;
  `,
};
