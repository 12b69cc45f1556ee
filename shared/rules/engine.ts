import {
  checkDispensationPeriod,
  checkFrequentReissue,
  checkMaxValidity,
  checkOfficeHours,
  checkPlannedPersonnel,
  checkValidBeyondDispensation,
} from './level2-rules';
import { checkLevel3Personnummer, checkTwoAdministrators } from './level3-rules';
import { translateFindingSv } from './messages';
import { checkActiveCard, checkCardNumberFormat, checkCardReuse } from './register-rules';
import type { Finding, FindingTranslator, RuleCard, RuleCheck, RuleContext, Severity } from './types';

/** Every rule of SPEC §4. Order does not matter: evaluateCard sorts the result. */
export const RULES: readonly RuleCheck[] = [
  checkDispensationPeriod,
  checkMaxValidity,
  checkValidBeyondDispensation,
  checkOfficeHours,
  checkPlannedPersonnel,
  checkFrequentReissue,
  checkLevel3Personnummer,
  checkTwoAdministrators,
  checkActiveCard,
  checkCardReuse,
  checkCardNumberFormat,
];

const SEVERITY_RANK: Record<Severity, number> = { violation: 0, warning: 1 };

/** Violations first, then by code (plain string order, independent of locale). */
export function compareFindings(a: Finding, b: Finding): number {
  const bySeverity = SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  if (bySeverity !== 0) return bySeverity;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/**
 * Computes every finding of one non-voided card. `ctx.history` lists the other non-voided
 * cards of the same holder and with the same card number; entries with the card's own id
 * are ignored. Messages come from `translate`, Swedish by default.
 */
export function evaluateCard(
  card: RuleCard,
  ctx: RuleContext,
  translate: FindingTranslator = translateFindingSv,
): Finding[] {
  return RULES.flatMap((check) => check(card, ctx, translate)).sort(compareFindings);
}

/** Counts findings per severity, e.g. for a badge or the confirmation dialog. */
export function findingSeverityCounts(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { violation: 0, warning: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** Tells whether saving this card needs the explicit confirmation of SPEC §4. */
export function hasViolation(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'violation');
}
