import { useCallback, useSyncExternalStore } from 'react';
import type { Api } from '../../../shared/ipc/api';
import type { HubSyncStatus } from '../../../shared/ipc/hub';
import { useApi } from '../../ipc/client';
import { notifyCardsChanged } from '../lifecycle/cards-changed';

/** How often the sync's state is asked while nothing happens, and while a run is under way. */
export const HUB_STATUS_POLL_MS = 5_000;
export const HUB_STATUS_POLL_RUNNING_MS = 1_000;

interface Store {
  status: HubSyncStatus | null;
  listeners: Set<() => void>;
  timer: ReturnType<typeof setTimeout> | undefined;
  inFlight: boolean;
}

// One store per API object: the shell, Settings and the pages share one poll.
const stores = new WeakMap<Api, Store>();

function storeOf(api: Api): Store {
  let store = stores.get(api);
  if (!store)
    stores.set(api, (store = { status: null, listeners: new Set(), timer: undefined, inFlight: false }));
  return store;
}

/** Takes a new status; a run that pulled cards makes the open views read them again. */
function publish(store: Store, next: HubSyncStatus): void {
  const before = store.status;
  store.status = next;
  const pulledNew =
    before !== null &&
    next.lastResult !== null &&
    next.lastResult.at !== before.lastResult?.at &&
    next.lastResult.pulled > 0;
  for (const listener of store.listeners) listener();
  if (pulledNew) notifyCardsChanged();
}

async function poll(api: Api, store: Store): Promise<void> {
  if (store.inFlight) return;
  store.inFlight = true;
  try {
    const result = await api['hub:status']({});
    if (result.ok) publish(store, result.value);
  } finally {
    store.inFlight = false;
  }
  schedule(api, store);
}

function schedule(api: Api, store: Store): void {
  clearTimeout(store.timer);
  store.timer = undefined;
  if (store.listeners.size === 0) return;
  const delay = store.status?.state === 'running' ? HUB_STATUS_POLL_RUNNING_MS : HUB_STATUS_POLL_MS;
  store.timer = setTimeout(() => void poll(api, store), delay);
}

/** Sets the status from an answer that carries it (`hub:sync`), without waiting for the poll. */
export function acceptHubStatus(api: Api, status: HubSyncStatus): void {
  const store = storeOf(api);
  publish(store, status);
  schedule(api, store);
}

/** Asks for the status at once (after a connect or a disconnect). */
export function refreshHubStatus(api: Api): Promise<void> {
  return poll(api, storeOf(api));
}

/**
 * The background sync's state (SPEC §8), asked every few seconds while a view shows it;
 * null until the first answer. When a sync has pulled cards, the open views are told
 * (the cards-changed event), so the register and the report show the region's news.
 */
export function useHubStatus(): { status: HubSyncStatus | null; refresh: () => Promise<void> } {
  const api = useApi();
  const store = storeOf(api);
  const subscribe = useCallback(
    (listener: () => void) => {
      store.listeners.add(listener);
      if (store.listeners.size === 1) void poll(api, store);
      return () => {
        store.listeners.delete(listener);
        if (store.listeners.size === 0) {
          clearTimeout(store.timer);
          store.timer = undefined;
        }
      };
    },
    [api, store],
  );
  const status = useSyncExternalStore(subscribe, () => store.status);
  const refresh = useCallback(() => refreshHubStatus(api), [api]);
  return { status, refresh };
}
