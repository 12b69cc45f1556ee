import type { ReportCardFacts } from '../../../shared/report/monthly';
import { parseInstant } from '../../../shared/time/stockholm';

export const ORG_A = 'SE2321000016-A1B2';
export const ORG_B = 'SE2321000016-B';
export const ORG_LOWER_B = 'SE2321000016-b';

export const ORGANISATIONS = [
  { hsaId: ORG_A, name: 'Region Exempel' },
  { hsaId: ORG_B, name: 'Vårdbolaget' },
  { hsaId: ORG_LOWER_B, name: 'Äldreboendet' },
];

/** A fixed generation time: 2026-03-02 09:12:44 Stockholm. */
export const GENERATED = at('2026-03-02T09:12:44+01:00');

/** Epoch ms of an ISO instant with offset; fails loudly on a typo. */
export function at(iso: string): number {
  const ms = parseInstant(iso);
  if (ms === null) throw new Error(`bad instant ${iso}`);
  return ms;
}

/** A deterministic UUID for card n. */
export function cardId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

let next = 1;

/** A level-2 card of ORG_A issued and expiring in February 2026; override what a test is about. */
export function fact(overrides: Partial<ReportCardFacts> = {}): ReportCardFacts {
  const n = next++;
  return {
    id: cardId(n),
    organisationHsaId: ORG_A,
    assuranceLevel: 2,
    cardNumber: `97520000000000${String(n).padStart(5, '0')}`,
    issuedAt: at('2026-02-11T19:40:00+01:00'),
    expiresAt: at('2026-02-13T19:40:00+01:00'),
    endedAt: null,
    extendsCardId: null,
    reasonCode: 'forgotten-card',
    reasonText: '',
    voided: false,
    ...overrides,
  };
}
