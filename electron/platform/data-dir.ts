import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, posix, win32 } from 'node:path';

export interface DataDirEnvironment {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
  /**
   * Reads the machine-wide config file: its text, or undefined when there is none. Other
   * failures (no permission) should throw. Defaults to the real file system.
   */
  readConfigFile?: (path: string) => string | undefined;
}

const APP_FOLDER = 'Kortliggaren';
const CONFIG_FILE = 'config.json';
const CONFIG_KEYS = ['dataDir'];

/** The machine-wide config file is there but cannot be used: the app must not start. */
export class DataDirConfigError extends Error {
  constructor(
    /** The config file. */
    readonly configPath: string,
    swedish: string,
    english: string,
  ) {
    // Both languages: the CLI prints this as it is, and IT may read either.
    super(`${configPath}: ${swedish} / ${english}`);
    this.name = 'DataDirConfigError';
  }
}

/**
 * Where IT may put a machine-wide `config.json`: `%ProgramData%\Kortliggaren` on Windows,
 * `/Library/Application Support/Kortliggaren` on macOS, `/etc/kortliggaren` elsewhere.
 * Folders only administrators can write, unlike the user's own settings.
 */
export function machineConfigPath(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  if (platform === 'win32') {
    // Windows variables are case-insensitive; a plain object passed in tests is not.
    const programData = env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData';
    return join(programData, APP_FOLDER, CONFIG_FILE);
  }
  if (platform === 'darwin') return join('/Library', 'Application Support', APP_FOLDER, CONFIG_FILE);
  return join('/etc', APP_FOLDER.toLowerCase(), CONFIG_FILE);
}

/** Reads a file, or undefined when it does not exist; any other failure throws. */
export function readOptionalFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

// An absolute path that names a drive (Windows) or starts at the root: a relative one would
// depend on the folder the app happens to be started from.
function isUsableAbsolute(platform: NodeJS.Platform, path: string): boolean {
  if (platform === 'win32') return /^[A-Za-z]:[\\/]/.test(path);
  return posix.isAbsolute(path);
}

/**
 * The data folder set in the machine-wide config file, or undefined when the file is
 * absent or sets none. A file that is there but unreadable, not JSON, has unknown keys
 * (likely a typo) or a path that is not absolute throws DataDirConfigError: starting on
 * the default folder instead would quietly open a second, empty register.
 */
export function readConfiguredDataDir(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  readConfigFile: (path: string) => string | undefined = readOptionalFile,
): string | undefined {
  const path = machineConfigPath(platform, env);
  let text: string | undefined;
  try {
    text = readConfigFile(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DataDirConfigError(path, `kan inte läsas (${reason})`, `cannot be read (${reason})`);
  }
  if (text === undefined) return undefined;
  let config: unknown;
  try {
    // Notepad saves UTF-8 with a byte-order mark, which JSON.parse refuses.
    config = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DataDirConfigError(path, `är inte giltig JSON (${reason})`, `is not valid JSON (${reason})`);
  }
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new DataDirConfigError(path, 'ska vara ett JSON-objekt', 'must be a JSON object');
  }
  const unknown = Object.keys(config).filter((key) => !CONFIG_KEYS.includes(key));
  if (unknown.length > 0) {
    const keys = unknown.join(', ');
    throw new DataDirConfigError(path, `okända nycklar: ${keys}`, `unknown keys: ${keys}`);
  }
  const { dataDir } = config as { dataDir?: unknown };
  if (dataDir === undefined) return undefined;
  if (typeof dataDir !== 'string' || !isUsableAbsolute(platform, dataDir)) {
    const example = platform === 'win32' ? 'D:\\\\Kortliggaren' : '/srv/kortliggaren';
    throw new DataDirConfigError(
      path,
      `"dataDir" ska vara en absolut sökväg, t.ex. "${example}"`,
      `"dataDir" must be an absolute path, e.g. "${example}"`,
    );
  }
  const normal = platform === 'win32' ? win32.normalize(dataDir) : posix.normalize(dataDir);
  // "D:\Kortliggaren\" and "D:\Kortliggaren" are one folder; keep a bare root as it is.
  const trimmed = normal.replace(/[\\/]+$/, '');
  return trimmed === '' || /^[A-Za-z]:$/.test(trimmed) ? normal : trimmed;
}

/**
 * The folder that holds the desk's database, backups and logs. Always a *local* folder:
 * on Windows `%LOCALAPPDATA%` (never the roaming profile, which may sit on a network
 * share), on macOS Application Support, on Linux `$XDG_DATA_HOME`. IT can override it
 * with `KORTLIGGAREN_DATA_DIR`, or machine-wide with `dataDir` in the config file of
 * {@link machineConfigPath}; the variable wins over the file. Throws DataDirConfigError
 * when the config file is there but unusable.
 */
export function resolveDataDir(
  environment: DataDirEnvironment = { platform: process.platform, env: process.env, home: homedir() },
): string {
  const { platform, env, home } = environment;
  if (env.KORTLIGGAREN_DATA_DIR) return env.KORTLIGGAREN_DATA_DIR;
  const configured = readConfiguredDataDir(platform, env, environment.readConfigFile);
  if (configured !== undefined) return configured;
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), APP_FOLDER);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_DATA_HOME ?? join(home, '.local', 'share'), APP_FOLDER.toLowerCase());
}

/** The desk's database file inside the data folder. */
export function resolveDatabasePath(dataDir: string): string {
  return join(dataDir, 'kortliggaren.db');
}
