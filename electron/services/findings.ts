import type { Decision } from '../../shared/domain/decision';
import type { RuleSettings } from '../../shared/domain/settings';
import {
  evaluateCard,
  type Finding,
  type FindingTranslator,
  type RuleCard,
  type RuleContext,
} from '../../shared/rules';
import { AppError } from '../ipc/app-error';
import type { ServiceContext } from './context';

/** The decisions and settings in force, read once per operation. */
export interface RuleData {
  decisions: Decision[];
  settings: RuleSettings;
}

/** Reads the decisions and settings the rules need. */
export function loadRuleData(ctx: ServiceContext): RuleData {
  return { decisions: ctx.decisions.list(), settings: ctx.settings.rules() };
}

/** The context for one card: rule data plus its history through the indexed lookups. */
export function ruleContextFor(ctx: ServiceContext, card: RuleCard, data: RuleData): RuleContext {
  return {
    decisions: data.decisions,
    settings: data.settings,
    history: {
      sameHolder: card.holderHsaId ? ctx.findings.sameHolder(card.holderHsaId, card.id) : [],
      sameCardNumber: card.cardNumber ? ctx.findings.sameCardNumber(card.cardNumber, card.id) : [],
    },
  };
}

/** Evaluates a card (stored or draft) against the register as it is now. */
export function evaluate(
  ctx: ServiceContext,
  card: RuleCard,
  data: RuleData = loadRuleData(ctx),
  translate?: FindingTranslator,
): Finding[] {
  return evaluateCard(card, ruleContextFor(ctx, card, data), translate);
}

/** The findings of one stored card, computed fresh. Voided cards have none. */
export function findingsForCard(ctx: ServiceContext, id: string, translate?: FindingTranslator): Finding[] {
  const card = ctx.findings.ruleCard(id);
  if (!card) {
    if (ctx.cards.exists(id)) return [];
    throw new AppError('not-found', `card ${id} not found`);
  }
  return evaluate(ctx, card, loadRuleData(ctx), translate);
}

/**
 * Recomputes and stores the findings of a card and of every card whose findings can
 * depend on it: the holder's other cards and the other cards with the same number.
 * Call inside the transaction that changed the card.
 */
export function recomputeAround(
  ctx: ServiceContext,
  cards: Iterable<RuleCard>,
  data = loadRuleData(ctx),
): void {
  const affected = new Map<string, RuleCard>();
  for (const card of cards) {
    affected.set(card.id, card);
    for (const other of ctx.findings.sameHolder(card.holderHsaId, card.id)) affected.set(other.id, other);
    for (const other of ctx.findings.sameCardNumber(card.cardNumber, card.id)) affected.set(other.id, other);
  }
  for (const card of affected.values()) {
    const live = ctx.findings.ruleCard(card.id);
    ctx.findings.replace(card.id, live ? evaluate(ctx, live, data) : []);
  }
}

/** Recomputes the stored findings of every card (after a decision or setting changed). */
export function recomputeAll(ctx: ServiceContext): number {
  const data = loadRuleData(ctx);
  const ids = ctx.findings.liveIds();
  for (const id of ids) {
    const card = ctx.findings.ruleCard(id)!;
    ctx.findings.replace(id, evaluate(ctx, card, data));
  }
  return ids.length;
}
