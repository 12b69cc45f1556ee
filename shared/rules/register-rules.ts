import { normaliseCardNumber } from '../domain/card';
import { formatLocal } from '../time/stockholm';
import { compareByIssue, createFinding, selectOthers } from './support';
import type { Finding, FindingTranslator, RuleCard, RuleContext } from './types';

const USUAL_CARD_NUMBER_RE = /^9752\d{15}$/;

/** Tells whether a card counts as active at an instant: issued, not expired, not ended. */
export function isActiveAt(card: RuleCard, at: number): boolean {
  if (card.issuedAt > at || at >= card.expiresAt) return false;
  return card.endedAt === null || card.endedAt > at;
}

/**
 * `holder-has-active-card`: another card of the same holder (either level) is active at
 * this card's issuedAt. Cards issued later never count.
 */
export function checkActiveCard(card: RuleCard, ctx: RuleContext, translate?: FindingTranslator): Finding[] {
  const active = selectOthers(card, ctx.history.sameHolder)
    .filter((o) => o.holderHsaId === card.holderHsaId && isActiveAt(o, card.issuedAt))
    .sort(compareByIssue);
  const first = active[0];
  if (!first) return [];
  return [
    createFinding('holder-has-active-card', translate, {
      otherCardId: first.id,
      otherIssuedAt: formatLocal(first.issuedAt),
      otherExpiresAt: formatLocal(first.expiresAt),
      count: active.length,
    }),
  ];
}

/**
 * `card-reused-for-other-holder`: the same normalised card number is registered for
 * someone else, earlier or later — a reserve card may only ever go to one person.
 */
export function checkCardReuse(card: RuleCard, ctx: RuleContext, translate?: FindingTranslator): Finding[] {
  const number = normaliseCardNumber(card.cardNumber);
  const reused = selectOthers(card, ctx.history.sameCardNumber)
    .filter((o) => normaliseCardNumber(o.cardNumber) === number && o.holderHsaId !== card.holderHsaId)
    .sort(compareByIssue);
  const first = reused[0];
  if (!first) return [];
  return [
    createFinding('card-reused-for-other-holder', translate, {
      otherCardId: first.id,
      otherHolderHsaId: first.holderHsaId,
      count: reused.length,
    }),
  ];
}

/** `card-number-unusual-format`: the normalised number is not 19 digits starting with 9752. */
export function checkCardNumberFormat(
  card: RuleCard,
  _ctx: RuleContext,
  translate?: FindingTranslator,
): Finding[] {
  if (USUAL_CARD_NUMBER_RE.test(normaliseCardNumber(card.cardNumber))) return [];
  return [createFinding('card-number-unusual-format', translate)];
}
