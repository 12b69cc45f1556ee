import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol, type Session } from 'electron';

/** The scheme the UI is served from: `app://kortliggaren/index.html`. */
export const APP_SCHEME = 'app';
/** The one host of the scheme; any other is refused. */
export const APP_HOST = 'kortliggaren';
/** The address of the UI's entry page: the only page navigation and IPC are allowed from. */
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Registers the app scheme as a standard, secure origin (Electron's security checklist:
 * a custom scheme rather than `file://`, whose pages share an origin with every local file)
 * whose scripts V8 may cache between starts. Must run before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/**
 * The file inside `rootDir` that a request for `url` names, or null when it names none:
 * another scheme or host, a path that climbs out of the folder (also when encoded), or a
 * malformed address. `/` is the entry page.
 */
export function resolveAppFile(rootDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const root = resolve(rootDir);
  const file = resolve(root, `.${path === '/' ? '/index.html' : path}`);
  const inside = relative(root, file);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return null;
  return join(root, inside);
}

/** Serves the built UI (`rootDir`, i.e. dist/renderer) on the app scheme in `session`. */
export function serveAppFiles(session: Session, rootDir: string): void {
  session.protocol.handle(APP_SCHEME, (request) => {
    const file = resolveAppFile(rootDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(file).href);
  });
}
