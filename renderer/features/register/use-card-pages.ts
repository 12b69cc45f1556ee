import { useCallback, useEffect, useRef, useState } from 'react';
import type { CardListQuery, CardListRow, SORT_FIELDS } from '../../../shared/ipc/contract';
import { useApi } from '../../ipc/client';

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

interface PagesState {
  key: string;
  total: number | null;
  pages: ReadonlyMap<number, CardListRow[]>;
  failed: boolean;
}

function emptyState(key: string): PagesState {
  return { key, total: null, pages: new Map(), failed: false };
}

/**
 * The register as sparse pages: only the pages around what is on screen are fetched, so
 * 100 000 cards cost no more than 100. A new query starts over; answers to an old query
 * that arrive late are dropped.
 */
export function useCardPages(query: RegisterQuery) {
  const api = useApi();
  const key = JSON.stringify(toListQuery(query));
  const [state, setState] = useState<PagesState>(() => emptyState(key));
  const [attempt, setAttempt] = useState(0);
  // Pages asked for under the current query; a new query (or a return to an earlier one,
  // whose rows were dropped) starts from nothing.
  const requested = useRef({ key: '', pages: new Set<number>() });
  const current = state.key === key ? state : emptyState(key);

  const loadPage = useCallback(
    (page: number) => {
      const generation = `${attempt}|${key}`;
      if (requested.current.key !== generation) requested.current = { key: generation, pages: new Set() };
      if (requested.current.pages.has(page)) return;
      requested.current.pages.add(page);
      const listQuery: CardListQuery = {
        ...(JSON.parse(key) as CardListQuery),
        offset: page * PAGE_SIZE,
        limit: PAGE_SIZE,
      };
      void api['cards:list'](listQuery).then((result) => {
        setState((s) => {
          const base = s.key === key ? s : emptyState(key);
          if (!result.ok) return { ...base, failed: true };
          const pages = new Map(base.pages);
          pages.set(page, result.value.rows);
          return { ...base, total: result.value.total, pages };
        });
      });
    },
    [api, key, attempt],
  );

  useEffect(() => {
    loadPage(0);
  }, [loadPage]);

  /** Makes sure the rows from `start` to `end` (inclusive) are fetched or on their way. */
  const ensureRows = useCallback(
    (start: number, end: number) => {
      for (let page = Math.floor(start / PAGE_SIZE); page <= Math.floor(end / PAGE_SIZE); page++)
        loadPage(page);
    },
    [loadPage],
  );

  const retry = useCallback(() => {
    setState(emptyState(key));
    setAttempt((n) => n + 1);
  }, [key]);

  return {
    total: current.total,
    failed: current.failed,
    rowAt: (index: number): CardListRow | undefined =>
      current.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    ensureRows,
    retry,
  };
}
