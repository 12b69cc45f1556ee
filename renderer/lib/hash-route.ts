import { useCallback, useSyncExternalStore } from 'react';

/** The pages reachable by hash; later pages (follow-up, report, decisions, settings) go here. */
export type Route = { page: 'register-card' } | { page: 'register'; cardId: string | null };

/** Paths as they appear after `#`. Swedish, because the user may see them. */
export const PATHS = { registerCard: '/registrera', register: '/register' } as const;

/** Reads a route from a location hash such as `#/register/<id>`; anything unknown is the form. */
export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === PATHS.register) return { page: 'register', cardId: null };
  if (path.startsWith(`${PATHS.register}/`)) {
    const id = decodeURIComponent(path.slice(PATHS.register.length + 1));
    return { page: 'register', cardId: id || null };
  }
  return { page: 'register-card' };
}

/** The hash for a route. */
export function routeHash(route: Route): string {
  if (route.page === 'register') {
    return route.cardId ? `#${PATHS.register}/${encodeURIComponent(route.cardId)}` : `#${PATHS.register}`;
  }
  return `#${PATHS.registerCard}`;
}

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
