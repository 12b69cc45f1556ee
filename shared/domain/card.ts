import { z } from 'zod';
import { parseInstant } from '../time/stockholm';
import { checkHsaId, normaliseHsaId } from './hsa-id';
import { ASSURANCE_LEVELS, END_REASONS, HOLDER_ID_TYPES, REASON_CODES } from './reason-codes';
import { textField } from './text';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An HSA-id per SPEC §3 (format, Luhn check digit, at most 31 characters), in any case;
 * parsed to upper case, the form it is stored, compared and shown in.
 */
export const HsaId = z
  .string({ error: (iss) => (iss.input === undefined ? 'required' : 'type.string') })
  .superRefine((s, ctx) => {
    const problem = checkHsaId(s);
    if (problem) ctx.addIssue({ code: 'custom', message: `hsaId.${problem}` });
  })
  .transform(normaliseHsaId);

/** A UUID, stored lower-case. */
export const Uuid = z
  .string({ error: (iss) => (iss.input === undefined ? 'required' : 'type.string') })
  .regex(UUID_RE, { message: 'uuid.format' })
  .transform((s) => s.toLowerCase());

/** An ISO-8601 instant with offset or Z, read as epoch milliseconds. */
export const Instant = z
  .string({ error: (iss) => (iss.input === undefined ? 'required' : 'type.string') })
  .transform((s, ctx) => {
    const ms = parseInstant(s);
    if (ms === null) {
      ctx.addIssue({ code: 'custom', message: 'instant.format' });
      return z.NEVER;
    }
    return ms;
  });

/** Removes spaces and hyphens from a card number; the stored, compared form. */
export function normaliseCardNumber(raw: string): string {
  return raw.replace(/[\s-]/g, '');
}

const CardNumber = z
  .string({ error: (iss) => (iss.input === undefined ? 'required' : 'type.string') })
  .transform(normaliseCardNumber)
  .superRefine((s, ctx) => {
    if (!/^\d{10,20}$/.test(s)) ctx.addIssue({ code: 'custom', message: 'cardNumber.format' });
  });

function enumOf<T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: (iss) => (iss.input === undefined ? 'required' : 'enum.invalid') });
}

/** The fields of a card registration (SPEC §3), in the order forms and errors list them. */
const CARD_INPUT_SHAPE = {
  id: Uuid.optional(),
  organisationHsaId: HsaId,
  organisationName: textField(1, 200).optional(),
  assuranceLevel: z.union([z.literal(2), z.literal(3)], {
    error: (iss) => (iss.input === undefined ? 'required' : 'assuranceLevel.invalid'),
  }),
  cardNumber: CardNumber,
  holderHsaId: HsaId,
  holderName: textField(1, 200),
  holderIdType: enumOf(HOLDER_ID_TYPES),
  unplannedPersonnel: z.boolean({ error: 'type.boolean' }).nullable().optional(),
  issuedAt: Instant,
  expiresAt: Instant,
  reasonCode: enumOf(REASON_CODES),
  reasonText: textField(0, 500, { lineBreaks: true }).optional(),
  issuedBy: z
    .array(textField(1, 200), { error: (iss) => (iss.input === undefined ? 'required' : 'type.array') })
    .min(1, { message: 'issuedBy.count' })
    .max(2, { message: 'issuedBy.count' }),
  extendsCardId: Uuid.nullable().optional(),
  endedAt: Instant.nullable().optional(),
  endReason: enumOf(END_REASONS).nullable().optional(),
  note: textField(0, 2000, { lineBreaks: true }).optional(),
  violationJustification: textField(0, 1000).nullable().optional(),
};

/** The field names of SPEC §3, in the order errors are reported: the one list every other derives from. */
export const CARD_FIELDS = Object.keys(CARD_INPUT_SHAPE) as (keyof typeof CARD_INPUT_SHAPE)[];
/** One field name of SPEC §3. */
export type CardField = keyof typeof CARD_INPUT_SHAPE;

/**
 * A card registration as it arrives from the form, an import file or the CLI (SPEC §3).
 * Parsing normalises it: trimmed NFC text, a bare card number, instants as epoch ms.
 */
export const CardInput = z
  .strictObject(CARD_INPUT_SHAPE, {
    error: (iss) => (iss.code === 'unrecognized_keys' ? 'field.unknown' : 'type.object'),
  })
  // Cross-field rules run even when single fields failed, so a person sees every problem at
  // once; each rule looks only at fields that parsed to the right type.
  .superRefine(
    (c, ctx) => {
      const num = (v: unknown): v is number => typeof v === 'number';
      if (num(c.expiresAt) && num(c.issuedAt) && c.expiresAt <= c.issuedAt) {
        ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'expiresAt.notAfterIssued' });
      }
      if (c.assuranceLevel === 2 && (c.unplannedPersonnel === undefined || c.unplannedPersonnel === null)) {
        ctx.addIssue({
          code: 'custom',
          path: ['unplannedPersonnel'],
          message: 'unplannedPersonnel.requiredForLevel2',
        });
      }
      if (c.reasonCode === 'other' && (typeof c.reasonText !== 'string' || c.reasonText.trim() === '')) {
        ctx.addIssue({ code: 'custom', path: ['reasonText'], message: 'reasonText.requiredForOther' });
      }
      const hasEnd = c.endedAt !== undefined && c.endedAt !== null;
      const hasReason = c.endReason !== undefined && c.endReason !== null;
      if (hasEnd !== hasReason) {
        ctx.addIssue({ code: 'custom', path: [hasEnd ? 'endReason' : 'endedAt'], message: 'end.together' });
      }
      if (num(c.endedAt) && num(c.issuedAt) && c.endedAt < c.issuedAt) {
        ctx.addIssue({ code: 'custom', path: ['endedAt'], message: 'endedAt.beforeIssued' });
      }
      if (typeof c.extendsCardId === 'string' && c.extendsCardId === c.id) {
        ctx.addIssue({ code: 'custom', path: ['extendsCardId'], message: 'extendsCardId.self' });
      }
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  )
  .transform((c) => ({
    id: c.id,
    organisationHsaId: c.organisationHsaId,
    organisationName: c.organisationName,
    assuranceLevel: c.assuranceLevel,
    cardNumber: c.cardNumber,
    holderHsaId: c.holderHsaId,
    holderName: c.holderName,
    holderIdType: c.holderIdType,
    unplannedPersonnel: c.unplannedPersonnel ?? null,
    issuedAt: c.issuedAt,
    expiresAt: c.expiresAt,
    reasonCode: c.reasonCode,
    reasonText: c.reasonText ?? '',
    issuedBy: c.issuedBy,
    extendsCardId: c.extendsCardId ?? null,
    endedAt: c.endedAt ?? null,
    endReason: c.endReason ?? null,
    note: c.note ?? '',
    violationJustification: c.violationJustification || null,
  }));

/** The raw shape accepted on the wire (before normalisation). */
export type CardInputRaw = z.input<typeof CardInput>;
/** A validated, normalised registration; instants in epoch ms, id possibly absent. */
export type CardValues = z.output<typeof CardInput>;

/** A stored registration as the UI and the CLI see it: instants as ISO with Stockholm offset. */
export const CardRecord = z.object({
  id: z.string(),
  organisationHsaId: z.string(),
  organisationName: z.string(),
  assuranceLevel: z.union([z.literal(2), z.literal(3)]),
  cardNumber: z.string(),
  holderHsaId: z.string(),
  holderName: z.string(),
  holderIdType: z.enum(HOLDER_ID_TYPES),
  unplannedPersonnel: z.boolean().nullable(),
  issuedAt: z.string(),
  expiresAt: z.string(),
  reasonCode: z.enum(REASON_CODES),
  reasonText: z.string(),
  issuedBy: z.array(z.string()),
  extendsCardId: z.string().nullable(),
  endedAt: z.string().nullable(),
  endReason: z.enum(END_REASONS).nullable(),
  note: z.string(),
  violationJustification: z.string().nullable(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
  createdAt: z.string(),
});
export type CardRecord = z.infer<typeof CardRecord>;

export { ASSURANCE_LEVELS };
