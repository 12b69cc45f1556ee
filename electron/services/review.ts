import type { ReviewEntry, ReviewLists } from '../../shared/domain/lifecycle';
import { formatInstant } from '../../shared/time/stockholm';
import type { ReviewRow } from '../db/repositories/cards';
import type { ServiceContext } from './context';
import { readTransaction } from '../db/write-transaction';

const HOUR_MS = 60 * 60 * 1000;

function toEntry(row: ReviewRow): ReviewEntry {
  return {
    cardId: row.id,
    cardNumber: row.card_number,
    organisationHsaId: row.organisation_hsa_id,
    holderName: row.holder_name,
    issuedAt: formatInstant(row.issued_at),
    expiresAt: formatInstant(row.expires_at),
  };
}

/**
 * The review lists of SPEC §4 relative to `now`, each sorted by expiresAt:
 * - expiring soon: open (not voided, not ended) cards with now < expiresAt ≤ now + window;
 * - overdue: open cards with expiresAt ≤ now — never returned, revoked or extended.
 * The window defaults to the installation's `expiringSoonHours`; `limit` caps each list
 * (the totals always count every card).
 */
export function reviewLists(
  ctx: ServiceContext,
  options: { now?: number; withinHours?: number; limit?: number } = {},
): ReviewLists {
  const now = options.now ?? ctx.now();
  const hours = options.withinHours ?? ctx.settings.rules().expiringSoonHours;
  // One read transaction: the lists and their totals see the same register.
  return readTransaction(ctx.db, () => {
    const expiring = ctx.cards.openExpiringBetween(now, now + hours * HOUR_MS, options.limit);
    const overdue = ctx.cards.openExpiredBy(now, options.limit);
    return {
      expiringSoon: expiring.rows.map(toEntry),
      overdue: overdue.rows.map(toEntry),
      expiringSoonTotal: expiring.total,
      overdueTotal: overdue.total,
    };
  });
}
