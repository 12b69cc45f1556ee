import type { Decision } from '../domain/decision';
import type { HolderIdType } from '../domain/reason-codes';
import type { RuleSettings } from '../domain/settings';

/** A violation needs an explicit confirmation in the UI; a warning is information. */
export type Severity = 'violation' | 'warning';

/** The finding codes of SPEC §4; stable, used in exports and as translation keys. */
export const FINDING_CODES = [
  'l2-outside-dispensation-period',
  'l2-validity-over-two-weeks',
  'l2-valid-beyond-dispensation',
  'l2-issued-in-office-hours',
  'l2-planned-personnel',
  'l2-frequent-reissue',
  'l3-requires-personnummer',
  'l3-needs-two-id-administrators',
  'holder-has-active-card',
  'card-reused-for-other-holder',
  'card-number-unusual-format',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** The severity of each code (SPEC §4). */
export const FINDING_SEVERITY: Readonly<Record<FindingCode, Severity>> = {
  'l2-outside-dispensation-period': 'violation',
  'l2-validity-over-two-weeks': 'violation',
  'l2-valid-beyond-dispensation': 'warning',
  'l2-issued-in-office-hours': 'violation',
  'l2-planned-personnel': 'violation',
  'l2-frequent-reissue': 'warning',
  'l3-requires-personnummer': 'violation',
  'l3-needs-two-id-administrators': 'violation',
  'holder-has-active-card': 'warning',
  'card-reused-for-other-holder': 'violation',
  'card-number-unusual-format': 'warning',
};

/** Interpolation values of a finding message; instants already formatted `YYYY-MM-DD HH:MM`. */
export type FindingParams = Record<string, string | number>;

/**
 * A one-click correction the UI may offer: set `field` to `value` (epoch ms). `labelKey`
 * is a full i18next key (`findings:fix.…`) for the button, with `labelParams`.
 */
export interface FindingFix {
  field: 'expiresAt';
  value: number;
  labelKey: string;
  labelParams?: FindingParams;
}

/** One rule result for one card. At most one finding per code and card. */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** A plain-language line in the translator's language. */
  message: string;
  params?: FindingParams;
  fix?: FindingFix;
}

/** The fields of a (non-voided) registration the rules read. */
export interface RuleCard {
  id: string;
  assuranceLevel: 2 | 3;
  /** Normalised: spaces and hyphens removed. */
  cardNumber: string;
  holderHsaId: string;
  holderIdType: HolderIdType;
  /** Required for level 2; null when not given (level 3). */
  unplannedPersonnel: boolean | null;
  /** Epoch milliseconds. */
  issuedAt: number;
  expiresAt: number;
  issuedBy: string[];
  endedAt: number | null;
}

/** The other registrations a card's findings depend on. */
export interface RuleHistory {
  /** Other non-voided cards of the same holder (never the card itself). */
  sameHolder: readonly RuleCard[];
  /** Other non-voided cards with the same normalised card number. */
  sameCardNumber: readonly RuleCard[];
}

/** Everything besides the card itself that the rules read. */
export interface RuleContext {
  decisions: readonly Decision[];
  settings: RuleSettings;
  history: RuleHistory;
}

/** Turns a finding code and its params into a message in some language. */
export type FindingTranslator = (code: FindingCode, params: FindingParams) => string;

/** One rule: a small pure function from a card and its context to findings. */
export type RuleCheck = (card: RuleCard, ctx: RuleContext, translate?: FindingTranslator) => Finding[];
