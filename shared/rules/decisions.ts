import type { Decision } from '../domain/decision';
import type { HolderIdType } from '../domain/reason-codes';
import { localDate } from '../time/stockholm';

/** The decision that covers a card, and the last day it allows for that holder. */
export interface Coverage {
  decision: Decision;
  /** YYYY-MM-DD, inclusive; earlier than `to` for holders without a personnummer. */
  lastDay: string;
}

/**
 * The last day a decision allows for a holder: for anyone without a personnummer the
 * earlier of `to` and `withoutPersonnummerUntil` (SPEC §4).
 */
export function computeLastDay(decision: Decision, holderIdType: HolderIdType): string {
  const until = decision.withoutPersonnummerUntil;
  if (holderIdType === 'personnummer' || until === null || until >= decision.to) return decision.to;
  return until;
}

/**
 * Finds the decision covering a local date (YYYY-MM-DD) for a holder, or null.
 *
 * When several decisions cover the date, the one with the latest `from` wins (a newer
 * decision is taken to amend an older one), then the greatest `id` — so the answer never
 * depends on the order decisions are listed in.
 */
export function findCoverage(
  date: string,
  holderIdType: HolderIdType,
  decisions: readonly Decision[],
): Coverage | null {
  let best: Coverage | null = null;
  for (const decision of decisions) {
    const lastDay = computeLastDay(decision, holderIdType);
    if (decision.from > date || date > lastDay) continue;
    if (best === null || isPreferred(decision, best.decision)) best = { decision, lastDay };
  }
  return best;
}

function isPreferred(a: Decision, b: Decision): boolean {
  if (a.from !== b.from) return a.from > b.from;
  return a.id > b.id;
}

/**
 * The decision covering a date for a personnummer holder, or null — for the UI's "no
 * decision covers today" banner. Takes epoch milliseconds (read in Stockholm time) or a
 * YYYY-MM-DD date.
 */
export function describeDecisionCoverage(
  dateOrNowMs: number | string,
  decisions: readonly Decision[],
): Decision | null {
  const date = typeof dateOrNowMs === 'number' ? localDate(dateOrNowMs) : dateOrNowMs;
  return findCoverage(date, 'personnummer', decisions)?.decision ?? null;
}
