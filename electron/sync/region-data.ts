import type { Db } from '../db/open';
import { createHubLinkRepository, type HubLinkRepository } from '../db/repositories/hub-link';
import { createPulledCardRepository, type PulledCardRepository } from '../db/repositories/pulled-cards';
import {
  createRegionReportedRepository,
  type RegionReportedRepository,
} from '../db/repositories/region-reported';

// Prepared once per connection.
const pulled = new WeakMap<Db, PulledCardRepository>();
const links = new WeakMap<Db, HubLinkRepository>();
const reported = new WeakMap<Db, RegionReportedRepository>();

/** The pulled-cards repository of a connection, prepared on first use. */
export function pulledCards(db: Db): PulledCardRepository {
  let repository = pulled.get(db);
  if (!repository) pulled.set(db, (repository = createPulledCardRepository(db)));
  return repository;
}

/** The hub-link repository of a connection, prepared on first use. */
export function hubLinks(db: Db): HubLinkRepository {
  let repository = links.get(db);
  if (!repository) links.set(db, (repository = createHubLinkRepository(db)));
  return repository;
}

/** The region-reported-months repository of a connection, prepared on first use. */
export function regionReported(db: Db): RegionReportedRepository {
  let repository = reported.get(db);
  if (!repository) reported.set(db, (repository = createRegionReportedRepository(db)));
  return repository;
}

/**
 * Tells whether an id is another desk's card, known here from a pull. Such a card may be
 * extended (SPEC §8) but never changed, and its id is never taken by a card of this desk.
 */
export function isPulledCard(ctx: { db: Db }, cardId: string): boolean {
  return pulledCards(ctx.db).exists(cardId);
}
