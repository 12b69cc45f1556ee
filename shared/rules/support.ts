import { translateFindingSv } from './messages';
import {
  FINDING_SEVERITY,
  type Finding,
  type FindingCode,
  type FindingFix,
  type FindingParams,
  type FindingTranslator,
  type RuleCard,
} from './types';

/** Builds a finding with its severity from the table and its message from the translator. */
export function createFinding(
  code: FindingCode,
  translate: FindingTranslator = translateFindingSv,
  params?: FindingParams,
  fix?: FindingFix,
): Finding {
  const finding: Finding = { code, severity: FINDING_SEVERITY[code], message: translate(code, params ?? {}) };
  if (params) finding.params = params;
  if (fix) finding.fix = fix;
  return finding;
}

/**
 * The history entries that really are other cards: the card itself and repeated ids are
 * dropped, so a careless caller cannot make a card count twice or conflict with itself.
 */
export function selectOthers(card: RuleCard, history: readonly RuleCard[]): RuleCard[] {
  const seen = new Set<string>([card.id]);
  const out: RuleCard[] = [];
  for (const other of history) {
    if (seen.has(other.id)) continue;
    seen.add(other.id);
    out.push(other);
  }
  return out;
}

/** Orders cards by issuedAt, then id, so "the first other card" is the same on every run. */
export function compareByIssue(a: RuleCard, b: RuleCard): number {
  if (a.issuedAt !== b.issuedAt) return a.issuedAt - b.issuedAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
