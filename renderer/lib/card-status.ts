import type { CardRecord } from '../../shared/domain/card';
import { parseInstant } from '../../shared/time/stockholm';

export const CARD_STATUSES = ['active', 'expired', 'returned', 'revoked', 'extended', 'voided'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

/** Badge colour per status: calm for the normal states, red only for a revoked card. */
export const STATUS_COLORS: Record<CardStatus, string> = {
  active: 'teal',
  expired: 'gray',
  returned: 'blue',
  revoked: 'red',
  extended: 'violet',
  voided: 'dark',
};

type StatusFields = Pick<CardRecord, 'voidedAt' | 'endedAt' | 'endReason' | 'expiresAt'>;

/**
 * Where a card stands at `now`: voided first (it no longer counts at all), then an end
 * that has happened (returned, revoked, extended), then expired or active by its expiry.
 */
export function deriveCardStatus(card: StatusFields, now: number): CardStatus {
  if (card.voidedAt) return 'voided';
  const endedAt = card.endedAt ? parseInstant(card.endedAt) : null;
  if (card.endReason && (endedAt === null || endedAt <= now)) return card.endReason;
  const expiresAt = parseInstant(card.expiresAt);
  if (expiresAt !== null && expiresAt <= now) return 'expired';
  return 'active';
}
