import type { PulledCardOfHolder } from '../../shared/ipc/maintenance';
import { formatInstant } from '../../shared/time/stockholm';
import type { ServiceContext } from './context';

/**
 * The other stations' cards of a holder that this desk pulled (an access request, SPEC
 * §8): every field that travelled, voided cards too, each marked with its station. A
 * holder another station has erased carries a pseudonym there, and so is not found.
 */
export function pulledCardsOfHolder(
  ctx: Pick<ServiceContext, 'pulledCards'>,
  holderHsaId: string,
): PulledCardOfHolder[] {
  const repository = ctx.pulledCards;
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
