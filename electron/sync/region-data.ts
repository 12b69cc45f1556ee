import type { PulledCardOfHolder } from '../../shared/ipc/maintenance';
import { formatInstant } from '../../shared/time/stockholm';
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

/**
 * The other stations' cards of a holder that this desk pulled (an access request, SPEC
 * §8): every field that travelled, voided cards too, each marked with its station. A
 * holder another station has erased carries a pseudonym there, and so is not found.
 */
export function pulledCardsOfHolder(db: Db, holderHsaId: string): PulledCardOfHolder[] {
  const repository = pulledCards(db);
  const rows = repository.ofHolder(holderHsaId);
  if (rows.length === 0) return [];
  const desks = repository.desks();
  const instant = (ms: number | null) => (ms === null ? null : formatInstant(ms));
  return rows.map((r) => ({
    id: r.card_id,
    stationId: r.desk_id,
    station: desks.get(r.desk_id)?.name ?? r.desk_id,
    organisationHsaId: r.organisation_hsa_id,
    organisationName: r.organisation_name,
    assuranceLevel: r.assurance_level,
    cardNumber: r.card_number,
    holderHsaId: r.holder_hsa_id,
    holderIdType: r.holder_id_type,
    unplannedPersonnel: r.unplanned_personnel === null ? null : r.unplanned_personnel === 1,
    issuedAt: formatInstant(r.issued_at),
    expiresAt: formatInstant(r.expires_at),
    endedAt: instant(r.ended_at),
    endReason: r.end_reason,
    reasonCode: r.reason_code,
    reasonText: r.reason_text,
    extendsCardId: r.extends_card_id,
    voided: r.voided === 1,
  }));
}
