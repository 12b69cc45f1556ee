// The routes as data, free of React: the page's first module reads the route to know
// which start-up calls to send (see boot.ts).

/** The pages reachable by hash; later pages (follow-up, report, decisions, settings) go here. */
export type Route =
  | { page: 'register-card' }
  | { page: 'register'; cardId: string | null }
  | { page: 'decisions' }
  | { page: 'settings' }
  | { page: 'import' }
  | { page: 'report' }
  | { page: 'review' }
  | { page: 'audit' };

/** Paths as they appear after `#`. Swedish, because the user may see them. */
export const PATHS = {
  registerCard: '/registrera',
  register: '/register',
  import: '/importera',
  decisions: '/beslut',
  settings: '/installningar',
  report: '/manadsrapport',
  review: '/folj-upp',
  audit: '/handelser',
} as const;

// A hand-edited or truncated link (`%E0%A4%A`) is no card id: the register opens without one.
function decodeId(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
}

/** Reads a route from a location hash such as `#/register/<id>`; anything unknown is the form. */
export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === PATHS.decisions) return { page: 'decisions' };
  if (path === PATHS.settings) return { page: 'settings' };
  if (path === PATHS.import) return { page: 'import' };
  if (path === PATHS.report) return { page: 'report' };
  if (path === PATHS.review) return { page: 'review' };
  if (path === PATHS.audit) return { page: 'audit' };
  if (path === PATHS.register) return { page: 'register', cardId: null };
  if (path.startsWith(`${PATHS.register}/`)) {
    const id = decodeId(path.slice(PATHS.register.length + 1));
    return { page: 'register', cardId: id || null };
  }
  return { page: 'register-card' };
}

/** The hash for a route. */
export function routeHash(route: Route): string {
  if (route.page === 'decisions') return `#${PATHS.decisions}`;
  if (route.page === 'settings') return `#${PATHS.settings}`;
  if (route.page === 'import') return `#${PATHS.import}`;
  if (route.page === 'report') return `#${PATHS.report}`;
  if (route.page === 'review') return `#${PATHS.review}`;
  if (route.page === 'audit') return `#${PATHS.audit}`;
  if (route.page === 'register') {
    return route.cardId ? `#${PATHS.register}/${encodeURIComponent(route.cardId)}` : `#${PATHS.register}`;
  }
  return `#${PATHS.registerCard}`;
}
