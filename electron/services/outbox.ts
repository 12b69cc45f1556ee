import { randomUUID } from 'node:crypto';
import type { HubEventKind } from '../../shared/hub/event';
import type { ServiceContext } from './context';

/**
 * Writes the event of a change to one of this desk's cards (SPEC §8): the card's state as
 * it is now, under the next desk_seq. Call it inside the transaction that made the change,
 * right after the change: the event and the change are then written together or not at
 * all, and a change that is refused later in the transaction takes its event with it.
 * Events are written whether or not the register has joined a hub, so joining needs no
 * catching up. Holder names, notes and issuers are not read, so they cannot travel.
 */
export function recordCardEvent(
  ctx: Pick<ServiceContext, 'db' | 'now' | 'outbox'>,
  kind: HubEventKind,
  cardId: string,
): void {
  if (!ctx.db.inTransaction) throw new Error('recordCardEvent must run inside the transaction of the change');
  // One statement: the state is read and written in SQL (an import writes 100 000 of them).
  const written = ctx.outbox.appendCardEvent({
    event_id: randomUUID(),
    kind,
    card_id: cardId,
    occurred_at: ctx.now(),
  });
  if (!written) throw new Error(`recordCardEvent: no card ${cardId}`);
}

/**
 * Replaces erased holders' identifiers in the events still kept here (SPEC §8 sends the
 * erasure itself as an `erased` event; what an older event carried must not stay in the
 * file either). Call inside the erasure's transaction. Events already on the hub stay
 * there as they were sent: the hub is append-only. Returns the number of events rewritten.
 */
export function scrubOutbox(ctx: Pick<ServiceContext, 'outbox'>, scrub: (payload: string) => string): number {
  return ctx.outbox.rewritePayloads(scrub);
}

/**
 * An organisation's name travels on every card of it, so renaming one is a change to each
 * of this desk's cards of that organisation: one `corrected` event per card, oldest first.
 */
export function recordOrganisationEvents(
  ctx: Pick<ServiceContext, 'db' | 'now' | 'outbox'>,
  hsaId: string,
): void {
  for (const cardId of ctx.outbox.cardsOfOrganisation(hsaId)) {
    recordCardEvent(ctx, 'corrected', cardId);
  }
}
