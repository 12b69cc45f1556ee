/** Stable reason codes (SPEC §3); the UI shows their translated labels. */
export const REASON_CODES = [
  'forgotten-card',
  'lost-or-stolen',
  'damaged-card',
  'blocked-card',
  'not-yet-received',
  'short-notice-staff',
  'other',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export const HOLDER_ID_TYPES = ['personnummer', 'samordningsnummer', 'other'] as const;
export type HolderIdType = (typeof HOLDER_ID_TYPES)[number];

export const END_REASONS = ['returned', 'revoked', 'extended'] as const;
export type EndReason = (typeof END_REASONS)[number];

export const ASSURANCE_LEVELS = [2, 3] as const;
export type AssuranceLevel = (typeof ASSURANCE_LEVELS)[number];
