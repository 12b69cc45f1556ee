import type { Db } from '../db/open';
import { createPulledCardRepository, type PulledCardRepository } from '../db/repositories/pulled-cards';

// Prepared once per connection.
const repositories = new WeakMap<Db, PulledCardRepository>();

/** The pulled-cards repository of a connection, prepared on first use. */
export function pulledCards(db: Db): PulledCardRepository {
  let repository = repositories.get(db);
  if (!repository) repositories.set(db, (repository = createPulledCardRepository(db)));
  return repository;
}

/**
 * Tells whether an id is another desk's card, known here from a pull. Such a card may be
 * extended (SPEC §8) but never changed, and its id is never taken by a card of this desk.
 */
export function isPulledCard(ctx: { db: Db }, cardId: string): boolean {
  return pulledCards(ctx.db).exists(cardId);
}
