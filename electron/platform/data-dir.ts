import { homedir } from 'node:os';
import { join } from 'node:path';

export interface DataDirEnvironment {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
}

const APP_FOLDER = 'Kortliggaren';

/**
 * The folder that holds the desk's database, backups and logs. Always a *local* folder:
 * on Windows `%LOCALAPPDATA%` (never the roaming profile, which may sit on a network
 * share), on macOS Application Support, on Linux `$XDG_DATA_HOME`. IT can override it
 * with `KORTLIGGAREN_DATA_DIR`.
 */
export function resolveDataDir(
  environment: DataDirEnvironment = { platform: process.platform, env: process.env, home: homedir() },
): string {
  const { platform, env, home } = environment;
  if (env.KORTLIGGAREN_DATA_DIR) return env.KORTLIGGAREN_DATA_DIR;
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), APP_FOLDER);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_DATA_HOME ?? join(home, '.local', 'share'), APP_FOLDER.toLowerCase());
}

/** The desk's database file inside the data folder. */
export function resolveDatabasePath(dataDir: string): string {
  return join(dataDir, 'kortliggaren.db');
}
