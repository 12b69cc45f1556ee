import { z } from 'zod';
import { Instant } from './card';
import { integerField } from './decision';
import { textField } from './text';

// Only the type and a sanity bound: the service validates the content with the card's rules.
const requiredString = (max: number) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? 'required' : 'type.string') })
    .superRefine((s, ctx) => {
      if (s.length > max) ctx.addIssue({ code: 'custom', message: 'text.tooLong', params: { max } });
    });

/** A card id as the UI or CLI gives it; unknown ids are reported as not found. */
export const CardId = requiredString(64);

/** How a card can be ended by hand; `extended` is set only by an extension. */
export const MANUAL_END_REASONS = ['returned', 'revoked'] as const;
export type ManualEndReason = (typeof MANUAL_END_REASONS)[number];

/** Why a card is voided or corrected: 1–500 characters, trimmed NFC. */
export const ChangeReason = textField(1, 500);

/** `cards:end`: the card was returned or revoked at `endedAt`. */
export const EndCardInput = z.strictObject({
  id: CardId,
  endedAt: Instant,
  endReason: z.enum(MANUAL_END_REASONS, {
    error: (iss) => (iss.input === undefined ? 'required' : 'enum.invalid'),
  }),
});

/** `cards:void`: the card was registered by mistake. */
export const VoidCardInput = z.strictObject({ id: CardId, why: ChangeReason });

/**
 * `cards:extend`: a new validity period for the same card and holder. Only the type of
 * each value is checked here; the service validates the new registration as a whole
 * (SPEC §3), so its errors are the card's own. `id` may name another station's card
 * (SPEC §8); its holder's name stayed at that station, so `holderName` is then required.
 */
export const ExtendCardInput = z.strictObject({
  id: CardId,
  holderName: requiredString(1000).optional(),
  issuedAt: requiredString(64),
  expiresAt: requiredString(64),
  issuedBy: z.array(requiredString(1000), {
    error: (iss) => (iss.input === undefined ? 'required' : 'type.array'),
  }),
  reasonCode: requiredString(64).optional(),
  reasonText: requiredString(10_000).optional(),
  note: requiredString(100_000).optional(),
  violationJustification: requiredString(10_000).nullable().optional(),
});
/** The extension as the service takes it (wire shape, without the id of the card extended). */
export type Extension = Omit<z.input<typeof ExtendCardInput>, 'id'>;

/** The most entries per review list one call returns when it asks for a limit. */
export const REVIEW_MAX_LIMIT = 10_000;

/**
 * `review:lists`: relative to `now` (default: the clock), window in hours (default:
 * settings), at most `limit` entries per list (default: all; the UI asks for a page, since
 * an imported history can hold tens of thousands of cards never marked returned).
 */
export const ReviewQuery = z
  .strictObject({
    now: Instant.optional(),
    withinHours: integerField(1, 720).optional(),
    limit: integerField(1, REVIEW_MAX_LIMIT).optional(),
  })
  .optional();

/** One line of a review list (SPEC §6): instants as ISO with the Stockholm offset. */
export const ReviewEntry = z.object({
  cardId: z.string(),
  cardNumber: z.string(),
  organisationHsaId: z.string(),
  holderName: z.string(),
  issuedAt: z.string(),
  expiresAt: z.string(),
});
export type ReviewEntry = z.infer<typeof ReviewEntry>;

/** The two review lists, each sorted by expiresAt, with the number of cards in each. */
export const ReviewLists = z.object({
  expiringSoon: z.array(ReviewEntry),
  overdue: z.array(ReviewEntry),
  expiringSoonTotal: z.number().int().nonnegative(),
  overdueTotal: z.number().int().nonnegative(),
});
export type ReviewLists = z.infer<typeof ReviewLists>;

/** `audit:list`: newest first, optionally only the entries about one card. */
export const AuditQuery = z.strictObject({
  cardId: CardId.optional(),
  limit: integerField(1, 500).default(100),
  offset: integerField(0, 100_000_000).default(0),
});
export type AuditQuery = z.output<typeof AuditQuery>;

/** One audit entry as the UI sees it; `before`/`after` are the stored JSON values. */
export const AuditEntryOut = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntryOut = z.infer<typeof AuditEntryOut>;
