import {
  evaluateCard,
  type Finding,
  type FindingCode,
  type FindingTranslator,
  type RuleCard,
} from '../../shared/rules';
import { compareByIssue } from '../../shared/rules/support';
import { readTransaction } from '../db/write-transaction';
import type { ServiceContext } from '../services/context';
import { findingsForCard, loadRuleData } from '../services/findings';

/**
 * Rules a pulled card cannot be judged by here: they read what stays at the desk that
 * registered it (the ID administrators, SPEC §8). That desk's own findings have them.
 */
export const DESK_ONLY_RULES: readonly FindingCode[] = ['l3-needs-two-id-administrators'];

/** One card's findings over the region, with the desk it belongs to. */
export interface RegionCardFindings {
  cardId: string;
  /** The desk that registered the card; this desk's own id (null before it joined a hub). */
  deskId: string | null;
  /** That desk's name as the hub gives it. */
  desk: string | null;
  own: boolean;
  findings: Finding[];
}

/**
 * The findings of every non-voided card of the region as this desk knows it (SPEC §6
 * `findings --scope region`): its own cards, and the other desks' pulled cards, each
 * evaluated against the history of the whole region (own + pulled cards). A pulled card
 * is evaluated from what its events carry, so the rules of DESK_ONLY_RULES are left out
 * for it. Oldest first (issuedAt, then id).
 */
export function regionFindings(ctx: ServiceContext, translate?: FindingTranslator): RegionCardFindings[] {
  return readTransaction(ctx.db, () => {
    const link = ctx.hubLink.get();
    const repo = ctx.pulledCards;
    const desks = repo.desks();
    const data = loadRuleData(ctx);
    const entries: { card: RuleCard; result: RegionCardFindings }[] = [];
    for (const id of ctx.findings.liveIds()) {
      const card = ctx.findings.ruleCard(id)!;
      entries.push({
        card,
        result: {
          cardId: id,
          deskId: link?.desk_id ?? null,
          desk: link ? (desks.get(link.desk_id)?.name ?? link.desk_name) : null,
          own: true,
          findings: findingsForCard(ctx, id, translate),
        },
      });
    }
    for (const row of repo.allLive()) {
      const card = repo.ruleCardOf(row);
      const findings = evaluateCard(
        card,
        {
          decisions: data.decisions,
          settings: data.settings,
          history: {
            sameHolder: ctx.findings.cardsOfHolders([card.holderHsaId]),
            sameCardNumber: ctx.findings.cardsWithNumbers([card.cardNumber]),
          },
        },
        translate,
      ).filter((f) => !DESK_ONLY_RULES.includes(f.code));
      entries.push({
        card,
        result: {
          cardId: row.card_id,
          deskId: row.desk_id,
          desk: desks.get(row.desk_id)?.name ?? row.desk_id,
          own: false,
          findings,
        },
      });
    }
    return entries.sort((a, b) => compareByIssue(a.card, b.card)).map((e) => e.result);
  });
}
