import fc from 'fast-check';
import { withLuhn } from '../../../scripts/reliability/valid-data';

/** Valid, distinctive HSA-ids: `SE` + Luhn-checked digits + `-` + a suffix. */
export const hsaIdArb = (suffixPrefix: string) =>
  fc
    .tuple(fc.stringMatching(/^\d{9}$/), fc.stringMatching(/^[A-Z0-9]{4,8}$/))
    .map(([digits, suffix]) => `SE${withLuhn(digits)}-${suffixPrefix}${suffix}`);
