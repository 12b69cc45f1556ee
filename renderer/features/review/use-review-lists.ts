import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { ReviewLists } from '../../../shared/domain/lifecycle';
import { useApi } from '../../ipc/client';
import { useCardsChanged } from '../lifecycle/cards-changed';

/** How often the lists (and the navigation badge) are read again. */
export const REVIEW_REFRESH_MS = 60_000;

// The newest lists read anywhere in this window: the review page and the navigation badge
// show the same numbers, whichever of them read last.
let latest: ReviewLists | null = null;
const listeners = new Set<() => void>();

function publish(lists: ReviewLists): void {
  latest = lists;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const snapshot = () => latest;

/**
 * The review lists, read at once, after every card change in this window, and every
 * minute (cards expire by the clock, not only by edits). `failed` when the last read failed.
 */
export function useReviewLists(): { lists: ReviewLists | null; failed: boolean; reload: () => void } {
  const api = useApi();
  const lists = useSyncExternalStore(subscribe, snapshot, snapshot);
  const [failed, setFailed] = useState(false);
  const [fresh, setFresh] = useState(false);

  const reload = useCallback(() => {
    void api['review:lists']({}).then((result) => {
      if (result.ok) {
        publish(result.value);
        setFresh(true);
        setFailed(false);
      } else setFailed(true);
    });
  }, [api]);

  useEffect(() => {
    reload();
    const timer = window.setInterval(reload, REVIEW_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  useCardsChanged(reload);

  // Lists from before this view read its own are not shown as its answer.
  return { lists: fresh ? lists : null, failed, reload };
}

/** The number of cards to follow up (expiring soon plus overdue), for the navigation badge. */
export function useReviewCount(): number | null {
  const { lists } = useReviewLists();
  return lists ? lists.expiringSoon.length + lists.overdue.length : null;
}
