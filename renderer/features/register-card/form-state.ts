import type { EndReason, HolderIdType, ReasonCode } from '../../../shared/domain/reason-codes';
import { addLocalDays, formatLocal, parseLocalDateTime } from '../../../shared/time/stockholm';
import { nowToMinute } from '../../lib/time';

/** What the form holds: text as typed, so nothing the user wrote is lost or reformatted. */
export interface CardFormValues {
  organisationHsaId: string;
  /** Only sent when the organisation is new. */
  organisationName: string;
  assuranceLevel: '2' | '3';
  cardNumber: string;
  holderHsaId: string;
  holderName: string;
  holderIdType: HolderIdType;
  /** Unanswered until the desk says yes or no; only asked for level 2. */
  unplannedPersonnel: '' | 'yes' | 'no';
  /** Local Stockholm time `YYYY-MM-DD HH:MM`. */
  issuedAt: string;
  expiresAt: string;
  /** True once the user typed an expiry: from then on it is no longer pre-filled. */
  expiresEdited: boolean;
  reasonCode: ReasonCode | '';
  reasonText: string;
  /** The first ID administrator (issuedBy[0]); remembered for the next registration. */
  administrator1: string;
  /** The optional second ID administrator (issuedBy[1]); needed for level 3. */
  administrator2: string;
  extendsCardId: string;
  endedAt: string;
  endReason: EndReason | '';
  note: string;
  /** Why a card that breaks a rule is registered anyway; asked for only then. */
  violationJustification: string;
}

export type FormField = Exclude<keyof CardFormValues, 'expiresEdited'>;

/**
 * Default validity when the user has not typed an expiry. Level 2: 14 calendar days, the
 * dispensation's cap (SPEC §1, §4). Level 3: 30 calendar days, a desk convention for the
 * regular process that the spec leaves open. Calendar days in Stockholm wall-clock time,
 * so 22:00 stays 22:00 across a DST change.
 */
export const DEFAULT_VALIDITY_DAYS = { '2': 14, '3': 30 } as const;

/** The pre-filled expiry for an issue time, or null while the issue time is not a valid local time. */
export function defaultExpiry(issuedAt: string, level: CardFormValues['assuranceLevel']): string | null {
  const parsed = parseLocalDateTime(issuedAt);
  if (!parsed.ok) return null;
  return formatLocal(addLocalDays(parsed.epochMs, DEFAULT_VALIDITY_DAYS[level]));
}

/** The values carried over from the last registration: the same desk, the same customer. */
export type KeptValues = Pick<
  CardFormValues,
  'organisationHsaId' | 'organisationName' | 'administrator1' | 'administrator2'
>;

/** A fresh form: issued now (Stockholm, to the minute), level 2, expiry pre-filled. */
export function createInitialValues(now: number, kept: Partial<KeptValues> = {}): CardFormValues {
  const issuedAt = formatLocal(nowToMinute(now));
  return {
    organisationHsaId: kept.organisationHsaId ?? '',
    organisationName: kept.organisationName ?? '',
    assuranceLevel: '2',
    cardNumber: '',
    holderHsaId: '',
    holderName: '',
    holderIdType: 'personnummer',
    unplannedPersonnel: '',
    issuedAt,
    expiresAt: defaultExpiry(issuedAt, '2') ?? '',
    expiresEdited: false,
    reasonCode: '',
    reasonText: '',
    administrator1: kept.administrator1 ?? '',
    administrator2: kept.administrator2 ?? '',
    extendsCardId: '',
    endedAt: '',
    endReason: '',
    note: '',
    violationJustification: '',
  };
}

/**
 * Applies an edit. The expiry follows the issue time and the level until the user types
 * one; clearing it hands it back to the pre-fill.
 */
export function applyChange(values: CardFormValues, patch: Partial<CardFormValues>): CardFormValues {
  const next = { ...values, ...patch };
  if (patch.expiresAt !== undefined) next.expiresEdited = patch.expiresAt.trim() !== '';
  const drivesExpiry = patch.issuedAt !== undefined || patch.assuranceLevel !== undefined;
  if (drivesExpiry && !next.expiresEdited) {
    const expiry = defaultExpiry(next.issuedAt, next.assuranceLevel);
    if (expiry !== null) next.expiresAt = expiry;
  }
  return next;
}
