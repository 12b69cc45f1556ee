import { useCallback, useEffect, useRef, useState } from 'react';
import type { CardListQuery, CardListRow } from '../../../shared/ipc/contract';
import type { Api } from '../../../shared/ipc/api';
import { useApi } from '../../ipc/client';
import { takeArrivedEarly } from '../../ipc/early-calls';
import { PAGE_SIZE, pageQuery, toListQuery, type RegisterQuery } from './register-query';

export {
  INITIAL_REGISTER_QUERY,
  PAGE_SIZE,
  pageQuery,
  toListQuery,
  type RegisterQuery,
  type Sort,
  type SortField,
} from './register-query';

interface PagesState {
  key: string;
  total: number | null;
  pages: ReadonlyMap<number, CardListRow[]>;
  failed: boolean;
}

function emptyState(key: string): PagesState {
  return { key, total: null, pages: new Map(), failed: false };
}

function openingState(api: Api, query: RegisterQuery, key: string) {
  const arrived = takeArrivedEarly(api, 'cards:list', pageQuery(query, 0));
  if (!arrived?.ok) return { state: emptyState(key), requested: { key: '', pages: new Set<number>() } };
  return {
    state: { key, total: arrived.value.total, pages: new Map([[0, arrived.value.rows]]), failed: false },
    // As loadPage(0) marks it on the first attempt.
    requested: { key: `0|${key}`, pages: new Set([0]) },
  };
}

/**
 * The register as sparse pages: only the pages around what is on screen are fetched, so
 * 100 000 cards cost no more than 100. A new query starts over; answers to an old query
 * that arrive late are dropped.
 */
export function useCardPages(query: RegisterQuery) {
  const api = useApi();
  const key = JSON.stringify(toListQuery(query));
  // The first page may have arrived already (sent at start-up): then the first render
  // shows the rows instead of a loader.
  const [opening] = useState(() => openingState(api, query, key));
  // Pages asked for under the current query; a new query (or a return to an earlier one,
  // whose rows were dropped) starts from nothing.
  const requested = useRef(opening.requested);
  const [state, setState] = useState<PagesState>(opening.state);
  const [attempt, setAttempt] = useState(0);
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
