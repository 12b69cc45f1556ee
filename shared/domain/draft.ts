import { z } from 'zod';
import { HOLDER_ID_TYPES } from './reason-codes';
import { Instant, normaliseCardNumber } from './card';
import { normaliseHsaId } from './hsa-id';

/**
 * A card being typed in the form, for the live verdict: only what the rules read, and
 * lenient where the form may still be incomplete (no holder yet, no card number yet).
 */
export const FindingsDraft = z.strictObject({
  id: z.string().max(64).optional(),
  assuranceLevel: z.union([z.literal(2), z.literal(3)]),
  cardNumber: z.string().max(64).transform(normaliseCardNumber).optional(),
  // Compared with the register's upper-case ids (SPEC §3).
  holderHsaId: z.string().max(64).transform(normaliseHsaId).optional(),
  holderIdType: z.enum(HOLDER_ID_TYPES).default('personnummer'),
  unplannedPersonnel: z.boolean().nullable().default(null),
  issuedAt: Instant,
  expiresAt: Instant,
  issuedBy: z.array(z.string().max(200)).max(2).default([]),
});
export type FindingsDraft = z.input<typeof FindingsDraft>;
