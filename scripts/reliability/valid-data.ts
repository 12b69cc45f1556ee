import { passesLuhn } from '../../shared/domain/hsa-id';
import type { CardInputRaw } from '../../shared/domain/card';
import { formatInstant } from '../../shared/time/stockholm';

/** Ten digits whose last is the Luhn check digit over all ten. */
export function withLuhn(nineDigits: string): string {
  for (let d = 0; d <= 9; d++) if (passesLuhn(`${nineDigits}${d}`)) return `${nineDigits}${d}`;
  throw new Error('unreachable: one digit always completes a Luhn number');
}

/** A valid HSA-id from a number and a suffix: `SE` + nine digits + check digit + `-suffix`. */
export function hsaId(n: number, suffix: string): string {
  return `SE${withLuhn(String(n % 1_000_000_000).padStart(9, '0'))}-${suffix}`;
}

/**
 * A valid level-3 registration (two ID administrators, personnummer): no rule can refuse
 * it, so every one the harness sends is a write. `n` makes card number and holder unique.
 */
export function validLevel3Card(
  n: number,
  random: () => number,
  organisation: { hsaId: string; name: string },
): CardInputRaw {
  const issuedAt = Date.parse('2026-01-01T00:00:00Z') + Math.floor(random() * 150) * 86_400_000;
  return {
    organisationHsaId: organisation.hsaId,
    organisationName: organisation.name,
    assuranceLevel: 3,
    cardNumber: `9752${String(n).padStart(15, '0')}`,
    holderHsaId: hsaId(n, `H${n % 7}`),
    holderName: `Person ${n} Åberg`,
    holderIdType: 'personnummer',
    issuedAt: formatInstant(issuedAt),
    expiresAt: formatInstant(issuedAt + (1 + Math.floor(random() * 13)) * 86_400_000),
    reasonCode: 'forgotten-card',
    issuedBy: ['Kim Karlsson', 'Lo Lind'],
    violationJustification: 'Godkänt',
  };
}
