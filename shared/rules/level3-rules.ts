import { createFinding } from './support';
import type { Finding, FindingTranslator, RuleCard, RuleContext } from './types';

/** `l3-requires-personnummer`: level 3 is only for holders with a Swedish personnummer. */
export function checkLevel3Personnummer(
  card: RuleCard,
  _ctx: RuleContext,
  translate?: FindingTranslator,
): Finding[] {
  if (card.assuranceLevel !== 3 || card.holderIdType === 'personnummer') return [];
  return [createFinding('l3-requires-personnummer', translate)];
}

/**
 * Counts distinct ID administrators the way SPEC §4 says: trimmed and case-insensitive,
 * nothing more (stored text is NFC already). `toLowerCase` handles å, ä and ö without a
 * locale, and a blank entry is no administrator.
 */
export function countDistinctAdministrators(issuedBy: readonly string[]): number {
  const names = new Set<string>();
  for (const name of issuedBy) {
    const key = name.trim().toLowerCase();
    if (key !== '') names.add(key);
  }
  return names.size;
}

/** `l3-needs-two-id-administrators`: level 3 must be issued by two different people. */
export function checkTwoAdministrators(
  card: RuleCard,
  _ctx: RuleContext,
  translate?: FindingTranslator,
): Finding[] {
  if (card.assuranceLevel !== 3 || countDistinctAdministrators(card.issuedBy) >= 2) return [];
  return [createFinding('l3-needs-two-id-administrators', translate)];
}
