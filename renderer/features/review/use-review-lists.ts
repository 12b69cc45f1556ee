import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { ReviewLists } from '../../../shared/domain/lifecycle';
import { useApi } from '../../ipc/client';
import { useCardsChanged } from '../lifecycle/cards-changed';

/** How often the lists (and the navigation badge) are read again. */
export const REVIEW_REFRESH_MS = 60_000;

/** Entries per list the review page shows at first, and how many more each "show more" adds. */
export const REVIEW_PAGE_SIZE = 100;

// The newest total (expiring soon plus overdue) read anywhere in this window: the review
// page and the navigation badge show the same number, whichever of them read last.
let latestTotal: number | null = null;
const listeners = new Set<() => void>();

function publishTotal(lists: ReviewLists): void {
  latestTotal = lists.expiringSoonTotal + lists.overdueTotal;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const snapshot = () => latestTotal;

/**
 * The review lists (the first `limit` entries of each, with their totals), read at once,
 * after every card change in this window, and every minute (cards expire by the clock, not
 * only by edits). `failed` when the last read failed.
 */
export function useReviewLists(limit = REVIEW_PAGE_SIZE): {
  lists: ReviewLists | null;
  failed: boolean;
  reload: () => void;
} {
  const api = useApi();
  const [lists, setLists] = useState<ReviewLists | null>(null);
  const [failed, setFailed] = useState(false);

  const reload = useCallback(() => {
    void api['review:lists']({ limit }).then((result) => {
      if (result.ok) {
        setLists(result.value);
        publishTotal(result.value);
        setFailed(false);
      } else setFailed(true);
    });
  }, [api, limit]);

  useEffect(() => {
    reload();
    const timer = window.setInterval(reload, REVIEW_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  useCardsChanged(reload);

  return { lists, failed, reload };
}

/** The number of cards to follow up (expiring soon plus overdue), for the navigation badge. */
export function useReviewCount(): number | null {
  // Only the totals are needed: one entry per list keeps the answer small.
  const { lists } = useReviewLists(1);
  const total = useSyncExternalStore(subscribe, snapshot, snapshot);
  return lists ? total : null;
}
