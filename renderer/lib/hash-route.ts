import { useCallback, useSyncExternalStore } from 'react';
import { parseHash, routeHash, type Route } from './routes';

export { parseHash, PATHS, routeHash, type Route } from './routes';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function getHash(): string {
  return window.location.hash;
}

/** The current route and a function that navigates (hash-based; no router library needed). */
export function useHashRoute(): [Route, (route: Route) => void] {
  const hash = useSyncExternalStore(subscribe, getHash, () => '');
  const navigate = useCallback((route: Route) => {
    const next = routeHash(route);
    if (window.location.hash !== next) window.location.hash = next;
  }, []);
  return [parseHash(hash), navigate];
}
