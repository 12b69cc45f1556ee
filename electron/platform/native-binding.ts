import { join } from 'node:path';

/** Folder (in the project root) where `scripts/electron-native.mjs` puts Electron builds. */
export const NATIVE_DIR = '.electron-native';
export const NATIVE_FILE = 'better_sqlite3.node';

export interface NativeBindingQuery {
  isPackaged: boolean;
  /** `app.getAppPath()`: the project root in development. */
  appPath: string;
  electronVersion: string;
  platform: string;
  arch: string;
  exists: (path: string) => boolean;
}

/** Where the Electron build of better-sqlite3 lives for one Electron version and platform. */
export function nativeBindingPath(
  root: string,
  electronVersion: string,
  platform: string,
  arch: string,
): string {
  return join(root, NATIVE_DIR, `${electronVersion}-${platform}-${arch}`, NATIVE_FILE);
}

/**
 * The better-sqlite3 binding the desktop app must load. In development the copy in
 * node_modules is built for Node (the tests use it), so Electron loads its own build from
 * `.electron-native/`. A packaged app returns undefined: electron-builder has rebuilt
 * better-sqlite3 for Electron inside the package, and the default lookup finds it.
 */
export function resolveNativeBinding(query: NativeBindingQuery): string | undefined {
  if (query.isPackaged) return undefined;
  const path = nativeBindingPath(query.appPath, query.electronVersion, query.platform, query.arch);
  if (query.exists(path)) return path;
  throw new Error(
    `SQLite-modulen för Electron ${query.electronVersion} saknas (${path}). ` +
      'Kör `node scripts/electron-native.mjs` och starta igen. / ' +
      `The SQLite module for Electron ${query.electronVersion} is missing (${path}). ` +
      'Run `node scripts/electron-native.mjs` and start again.',
  );
}
