import { computeMonthlyReport, type MonthlyReport, type ReportCardFacts } from '../report/monthly';
import type { HubCardState, HubEvent } from './event';

/**
 * The region's cards from the hub's events (SPEC §8), as a pure fold. Every event carries
 * its card's whole state, so a card is its newest event. The hub keeps the same state in
 * SQL (its `cards` and `organisations` tables, maintained on push); a property test holds
 * the two equal.
 *
 * Rules, for events given in hub order (hubSeq):
 * - A card belongs to the desk that first sent an event for it. Events from another desk
 *   for that card are not applied (the hub refuses them; a desk's fold ignores them too)
 *   and are listed in `ignored`.
 * - Of the owner's events, the one with the highest deskSeq is the card.
 * - An organisation's name is the one on the newest applied event of any of its cards.
 */

/** A card as the region knows it: its newest state and where that came from. */
export interface RegionCard {
  deskId: string;
  deskSeq: number;
  card: HubCardState;
}

/** The fold's result. */
export interface RegionState {
  /** By card id. */
  cards: Map<string, RegionCard>;
  /** Organisation HSA-id → name. */
  organisationNames: Map<string, string>;
  /** Events not applied because another desk owns the card. */
  ignored: HubEvent[];
}

/** An empty region. */
export function emptyRegion(): RegionState {
  return { cards: new Map(), organisationNames: new Map(), ignored: [] };
}

/**
 * Applies events (in hub order) to `state`, which it changes and returns; start from
 * `emptyRegion()`, or from an earlier state to catch up on new events only.
 */
export function foldHubEvents(events: Iterable<HubEvent>, state: RegionState = emptyRegion()): RegionState {
  for (const event of events) {
    const current = state.cards.get(event.card.cardId);
    if (current && current.deskId !== event.deskId) {
      state.ignored.push(event);
      continue;
    }
    if (current && current.deskSeq >= event.deskSeq) continue;
    state.cards.set(event.card.cardId, { deskId: event.deskId, deskSeq: event.deskSeq, card: event.card });
    state.organisationNames.set(event.card.organisationHsaId, event.card.organisationName);
  }
  return state;
}

/** A card state in the shape the §5 report code takes (no holder data). */
export function toReportFacts(card: HubCardState): ReportCardFacts {
  return {
    id: card.cardId,
    organisationHsaId: card.organisationHsaId,
    assuranceLevel: card.assuranceLevel,
    cardNumber: card.cardNumber,
    issuedAt: card.issuedAt,
    expiresAt: card.expiresAt,
    endedAt: card.endedAt,
    extendsCardId: card.extendsCardId,
    reasonCode: card.reasonCode,
    reasonText: card.reasonText,
    voided: card.voided,
  };
}

/** Every non-voided card of the region, as report facts. */
export function regionReportFacts(state: RegionState): ReportCardFacts[] {
  const facts: ReportCardFacts[] = [];
  for (const { card } of state.cards.values()) if (!card.voided) facts.push(toReportFacts(card));
  return facts;
}

/** The organisations of the region with their names, for the report. */
export function regionOrganisations(state: RegionState): { hsaId: string; name: string }[] {
  return [...state.organisationNames].map(([hsaId, name]) => ({ hsaId, name }));
}

/**
 * The §5 report over the union of all desks' non-voided cards (SPEC §8): each card counted
 * once, by the organisation on it, wherever it was registered.
 */
export function computeRegionReport(state: RegionState, month: string, generatedAtMs: number): MonthlyReport {
  return computeMonthlyReport(month, regionReportFacts(state), regionOrganisations(state), generatedAtMs);
}
