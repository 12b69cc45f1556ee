import type { CardListQuery, SORT_FIELDS } from '../../../shared/ipc/contract';

/** Rows fetched per request: small enough to be quick, large enough for a screen and more. */
export const PAGE_SIZE = 100;

export type SortField = (typeof SORT_FIELDS)[number];
export interface Sort {
  by: SortField;
  dir: 'asc' | 'desc';
}

/** What the register shows: search, filters and order. Paging is the hook's business. */
export interface RegisterQuery {
  search: string;
  month: string | null;
  level: 2 | 3 | null;
  organisationHsaId: string | null;
  /** Only cards with a stored violation ('violation') or any finding ('any'). */
  findings?: 'violation' | 'any' | null;
  sort: Sort;
}

/** The `cards:list` input for a query, without empty filters. */
export function toListQuery(query: RegisterQuery): CardListQuery {
  const out: CardListQuery = { sort: query.sort };
  const search = query.search.trim();
  if (search) out.search = search;
  if (query.month) out.month = query.month;
  if (query.level) out.level = query.level;
  if (query.organisationHsaId) out.organisationHsaId = query.organisationHsaId;
  if (query.findings) out.findings = query.findings;
  return out;
}

/** The `cards:list` input for one page of a query. */
export function pageQuery(query: RegisterQuery, page: number): CardListQuery {
  return { ...toListQuery(query), offset: page * PAGE_SIZE, limit: PAGE_SIZE };
}

/** What the register shows when it opens: every card, newest first. */
export const INITIAL_REGISTER_QUERY: RegisterQuery = {
  search: '',
  month: null,
  level: null,
  organisationHsaId: null,
  findings: null,
  sort: { by: 'issuedAt', dir: 'desc' },
};
