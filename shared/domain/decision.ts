import { z } from 'zod';
import { isIsoDate } from '../time/stockholm';
import { textField } from './text';

const DECISION_ID_RE = /^[a-z0-9-]{1,64}$/;

/** A real calendar date written YYYY-MM-DD; the error is the translation key `date.format`. */
export const IsoDate = z
  .string({ error: (iss) => (iss.input === undefined ? 'required' : 'type.string') })
  .refine(isIsoDate, { message: 'date.format' });

/**
 * A whole number in [min, max]. The range travels as params so the message can say it
 * (`validation.integer.range`).
 */
export function integerField(min: number, max: number) {
  return z
    .number({ error: (iss) => (iss.input === undefined ? 'required' : 'type.number') })
    .superRefine((n, ctx) => {
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: 'integer.range', params: { min, max } });
      }
    });
}

/** A dispensation decision as the rules use it (SPEC §4). */
export interface Decision {
  /** Stable identifier, `[a-z0-9-]{1,64}`. */
  id: string;
  title: string;
  /** First day (YYYY-MM-DD, Stockholm) on which level-2 cards may be issued. */
  from: string;
  /** Last day (inclusive). */
  to: string;
  /** Longest validity of a level-2 card, in Stockholm calendar days. */
  maxValidityDays: number;
  /** Last day for holders without a personnummer; null means the same as `to`. */
  withoutPersonnummerUntil: string | null;
}

/**
 * A decision as a desk enters it (CLI `decisions add`, the settings screen). Error
 * messages are translation keys under `validation.`.
 */
export const DecisionInput = z
  .strictObject(
    {
      id: z
        .string({ error: (iss) => (iss.input === undefined ? 'required' : 'type.string') })
        .regex(DECISION_ID_RE, { message: 'decisionId.format' }),
      title: textField(1, 200),
      from: IsoDate,
      to: IsoDate,
      maxValidityDays: integerField(1, 366),
      withoutPersonnummerUntil: IsoDate.nullable().optional(),
    },
    { error: (iss) => (iss.code === 'unrecognized_keys' ? 'field.unknown' : 'type.object') },
  )
  .superRefine((d, ctx) => {
    // ISO dates of four-digit years order correctly as strings.
    if (d.to < d.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'decision.toBeforeFrom' });
    const until = d.withoutPersonnummerUntil;
    if (until !== undefined && until !== null && until < d.from) {
      ctx.addIssue({
        code: 'custom',
        path: ['withoutPersonnummerUntil'],
        message: 'decision.withoutPersonnummerUntilBeforeFrom',
      });
    }
  })
  .transform((d): Decision => ({
    id: d.id,
    title: d.title,
    from: d.from,
    to: d.to,
    maxValidityDays: d.maxValidityDays,
    withoutPersonnummerUntil: d.withoutPersonnummerUntil ?? null,
  }));

/** The raw shape accepted on the wire, before normalisation. */
export type DecisionInputRaw = z.input<typeof DecisionInput>;

/** E-hälsomyndigheten's decision of 2025-11-04 with the Västra Götaland cut-off (SPEC §1). */
export const DEFAULT_DECISION: Decision = Object.freeze({
  id: 'ehm-2025-11-04',
  title: 'E-hälsomyndighetens beslut 2025-11-04 (reservkort tillitsnivå 2)',
  from: '2025-12-01',
  to: '2026-06-30',
  maxValidityDays: 14,
  withoutPersonnummerUntil: '2026-03-31',
});
