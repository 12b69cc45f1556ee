import type { HubCardState } from '../../../shared/hub/event';
import type { Db } from '../types';

/** One card of the region: this desk's own (desk_id null) or another desk's, pulled. */
export interface RegionCardListRow {
  id: string;
  own: 0 | 1;
  desk_id: string | null;
  organisation_hsa_id: string;
  organisation_name: string;
  assurance_level: 2 | 3;
  card_number: string;
  holder_hsa_id: string;
  holder_id_type: HubCardState['holderIdType'];
  issued_at: number;
  expires_at: number;
  reason_code: HubCardState['reasonCode'];
  reason_text: string;
  extends_card_id: string | null;
  ended_at: number | null;
  end_reason: HubCardState['endReason'];
  voided: 0 | 1;
}

/** The filters of one page of the region's register; null means "any". */
export interface RegionCardFilter {
  start: number | null;
  end: number | null;
  level: number | null;
  organisation: string | null;
  own: 0 | 1 | null;
  /** Upper-cased search text, matched inside card number, holder and organisation HSA-ids. */
  search: string | null;
}

// Only what every desk may see of a card (SPEC §8): no holder names, notes or issuers.
const REGION = `
  SELECT c.id, 1 AS own, NULL AS desk_id, c.organisation_hsa_id, o.name AS organisation_name,
    c.assurance_level, c.card_number, c.holder_hsa_id, c.holder_id_type, c.issued_at, c.expires_at,
    c.reason_code, c.reason_text, c.extends_card_id, c.ended_at, c.end_reason,
    (c.voided_at IS NOT NULL) AS voided
  FROM cards c JOIN organisations o ON o.hsa_id = c.organisation_hsa_id
  UNION ALL
  SELECT p.card_id, 0, p.desk_id, p.organisation_hsa_id, p.organisation_name, p.assurance_level,
    p.card_number, p.holder_hsa_id, p.holder_id_type, p.issued_at, p.expires_at, p.reason_code,
    p.reason_text, p.extends_card_id, p.ended_at, p.end_reason, p.voided
  FROM pulled_cards p`;

const WHERE = `WHERE (@start IS NULL OR issued_at >= @start) AND (@end IS NULL OR issued_at < @end)
  AND (@level IS NULL OR assurance_level = @level) AND (@organisation IS NULL OR organisation_hsa_id = @organisation)
  AND (@own IS NULL OR own = @own)
  AND (@search IS NULL OR instr(card_number, @search) > 0 OR instr(upper(holder_hsa_id), @search) > 0
    OR instr(upper(organisation_hsa_id), @search) > 0)`;

/**
 * SQL for the register over the whole region: this desk's cards and the pulled ones in one
 * list, newest first. The region view is read by a desk a page at a time; it scans, which
 * a region's tens of thousands of cards a year allow (the desk's own list keeps its indexes).
 */
export function createRegionCardRepository(db: Db) {
  const page = db.prepare<[RegionCardFilter & { limit: number; offset: number }], RegionCardListRow>(
    `SELECT * FROM (${REGION}) ${WHERE} ORDER BY issued_at DESC, id LIMIT @limit OFFSET @offset`,
  );
  const count = db.prepare<[RegionCardFilter], { n: number }>(
    `SELECT count(*) AS n FROM (${REGION}) ${WHERE}`,
  );
  return {
    /** One page and the number of cards that match. */
    page(
      filter: RegionCardFilter,
      offset: number,
      limit: number,
    ): { total: number; rows: RegionCardListRow[] } {
      return { total: count.get(filter)!.n, rows: page.all({ ...filter, offset, limit }) };
    },
  };
}
