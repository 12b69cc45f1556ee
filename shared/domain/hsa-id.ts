// Any case: HSA-ids are case-insensitive (SPEC §3), `se…-a1b2` is `SE…-A1B2`.
const HSA_ID_RE = /^SE(16)?(\d{10})-[A-Z0-9]+$/i;

/** Luhn check over a string of digits whose last digit is the check digit. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export type HsaIdProblem = 'format' | 'checksum' | 'length';

/**
 * The stored, compared and shown form of an HSA-id: upper case (SPEC §3). The id's
 * characters are ASCII letters and digits, so this is the same in every locale.
 */
export function normaliseHsaId(text: string): string {
  return text.toUpperCase();
}

/**
 * Checks an HSA-id (in any case): `SE`, optional `16`, ten digits ending in a Luhn check digit, `-`,
 * then letters and digits; at most 31 characters. Returns the problem, or null if valid.
 */
export function checkHsaId(text: string): HsaIdProblem | null {
  const m = HSA_ID_RE.exec(text);
  if (!m) return 'format';
  if (text.length > 31) return 'length';
  if (!passesLuhn(m[2]!)) return 'checksum';
  return null;
}
