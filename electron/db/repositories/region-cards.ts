import { readTransaction } from '../write-transaction';
import type Database from 'better-sqlite3';
import { monthBounds } from '../../../shared/time/stockholm';
import type { Db } from '../open';

/** One row of the register's region view: this desk's own card or another desk's pulled one. */
export interface RegionCardListRow {
  id: string;
  own: 0 | 1;
  /** The desk that registered it; null for this desk's own cards (the caller knows it). */
  desk_id: string | null;
  desk_name: string | null;
  organisation_hsa_id: string;
  organisation_name: string;
  assurance_level: 2 | 3;
  card_number: string;
  holder_hsa_id: string;
  /** Only for this desk's own cards: names never travel (SPEC §8). */
  holder_name: string | null;
  holder_id_type: 'personnummer' | 'samordningsnummer' | 'other';
  issued_at: number;
  expires_at: number;
  ended_at: number | null;
  end_reason: 'returned' | 'revoked' | 'extended' | null;
  extends_card_id: string | null;
  reason_code: string;
}

/** What the region view asks for: search, filters, order and a page. */
export interface RegionListQuery {
  search?: string | undefined;
  month?: string | undefined;
  level?: 2 | 3 | undefined;
  organisationHsaId?: string | undefined;
  /** 'own': this desk's cards; 'others': pulled cards; a desk id: that desk's. */
  station?: string | undefined;
  sort: { by: RegionSortField; dir: 'asc' | 'desc' };
  offset: number;
  limit: number;
}

export const REGION_SORT_FIELDS = [
  'issuedAt',
  'expiresAt',
  'cardNumber',
  'organisation',
  'level',
  'station',
] as const;
export type RegionSortField = (typeof REGION_SORT_FIELDS)[number];

const SORT_SQL: Record<RegionSortField, string> = {
  issuedAt: 'r.issued_at',
  expiresAt: 'r.expires_at',
  cardNumber: 'r.card_number',
  organisation: 'r.organisation_name COLLATE NOCASE',
  level: 'r.assurance_level',
  station: 'r.desk_name COLLATE NOCASE',
};

// Every non-voided card of the region as this desk knows it. Own cards carry the holder's
// name; pulled cards never have one. `own_desk` is this desk's name from its hub link.
const REGION_CARDS = `
  SELECT c.id AS id, 1 AS own, NULL AS desk_id, @ownDesk AS desk_name, c.organisation_hsa_id,
    o.name AS organisation_name, c.assurance_level, c.card_number, c.holder_hsa_id, c.holder_name,
    c.holder_name_key, c.holder_id_type, c.issued_at, c.expires_at, c.ended_at, c.end_reason,
    c.extends_card_id, c.reason_code
  FROM cards c JOIN organisations o ON o.hsa_id = c.organisation_hsa_id
  WHERE c.voided_at IS NULL
  UNION ALL
  SELECT p.card_id, 0, p.desk_id, coalesce(d.name, p.desk_id), p.organisation_hsa_id,
    p.organisation_name, p.assurance_level, p.card_number, p.holder_hsa_id, NULL, NULL,
    p.holder_id_type, p.issued_at, p.expires_at, p.ended_at, p.end_reason, p.extends_card_id,
    p.reason_code
  FROM pulled_cards p LEFT JOIN hub_desks d ON d.desk_id = p.desk_id
  WHERE p.voided = 0`;

const COLUMNS = `id, own, desk_id, desk_name, organisation_hsa_id, organisation_name, assurance_level,
  card_number, holder_hsa_id, holder_name, holder_id_type, issued_at, expires_at, ended_at, end_reason,
  extends_card_id, reason_code`;

const TOP = '\u{10FFFF}';

/**
 * The WHERE clause of a region query. The search finds a card number by its digits, a
 * holder by HSA-id prefix (as typed or upper case) and, on this desk's own cards, by the
 * folded name; other desks' cards are never found by a name, as none travels.
 */
export function buildRegionWhere(
  query: Omit<RegionListQuery, 'sort' | 'offset' | 'limit'>,
  foldName: (name: string) => string,
): { where: string; params: Record<string, string | number> } {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  const search = query.search?.trim();
  if (search) {
    const digits = search.replace(/[\s-]/g, '');
    if (/^\d+$/.test(digits)) {
      where.push('r.card_number LIKE @numberLike');
      params.numberLike = `%${digits}%`;
    } else {
      const terms = ['(r.holder_name_key >= @nameFrom AND r.holder_name_key < @nameTo)'];
      params.nameFrom = foldName(search);
      params.nameTo = `${foldName(search)}${TOP}`;
      [...new Set([search, search.toUpperCase()])].forEach((prefix, i) => {
        terms.push(`(r.holder_hsa_id >= @idFrom${i} AND r.holder_hsa_id < @idTo${i})`);
        params[`idFrom${i}`] = prefix;
        params[`idTo${i}`] = `${prefix}${TOP}`;
      });
      where.push(`(${terms.join(' OR ')})`);
    }
  }
  if (query.month) {
    const { start, end } = monthBounds(query.month);
    where.push('r.issued_at >= @start AND r.issued_at < @end');
    params.start = start;
    params.end = end;
  }
  if (query.level) {
    where.push('r.assurance_level = @level');
    params.level = query.level;
  }
  if (query.organisationHsaId) {
    where.push('r.organisation_hsa_id = @organisation');
    params.organisation = query.organisationHsaId;
  }
  if (query.station === 'own') where.push('r.own = 1');
  else if (query.station === 'others') where.push('r.own = 0');
  else if (query.station) {
    where.push('r.desk_id = @station');
    params.station = query.station;
  }
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** SQL for the register's region view: own and pulled cards in one list. */
export interface RegionCardRepository {
  /** One page of the region's cards and how many match, read in one transaction. */
  list: (query: RegionListQuery, ownDesk: string) => { total: number; rows: RegionCardListRow[] };
}

/** Prepares the region view's statements of a connection (each query shape once, on first use). */
export function createRegionCardRepository(db: Db, foldName: (name: string) => string): RegionCardRepository {
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  return {
    list(query: RegionListQuery, ownDesk: string): { total: number; rows: RegionCardListRow[] } {
      const { where, params } = buildRegionWhere(query, foldName);
      const all = { ...params, ownDesk };
      const order = `${SORT_SQL[query.sort.by]} ${query.sort.dir === 'asc' ? 'ASC' : 'DESC'}, r.id`;
      return readTransaction(db, () => {
        const total = (
          prepare(`SELECT count(*) AS n FROM (${REGION_CARDS}) r ${where}`).get(all) as { n: number }
        ).n;
        const rows = prepare(
          `SELECT ${COLUMNS} FROM (${REGION_CARDS}) r ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
        ).all({ ...all, limit: query.limit, offset: query.offset }) as RegionCardListRow[];
        return { total, rows };
      });
    },
  };
}
