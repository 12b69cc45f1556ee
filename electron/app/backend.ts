import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname } from 'node:path';
import type { AppInfo } from '../../shared/ipc/contract';
import type { AppHealth } from '../../shared/ipc/maintenance';
import { formatInstant } from '../../shared/time/stockholm';
import { backupDirFor, type BackupFile } from '../db/backup-store';
import { DatabaseDamagedError } from '../db/health';
import type { Db } from '../db/types';
import { createHandlers, type ChooseExportPath } from '../ipc/handlers';
import { createRouter, type ErrorLogger, type Router } from '../ipc/router';
import {
  createBackup,
  ensureDailyBackup,
  findRestoreCandidate,
  latestBackup,
  listBackups,
  replaceWithBackup,
  toBackupInfo,
  type BackupEnv,
  type BackupProblem,
} from '../services/backup';
import { createServiceContext, type ServiceContext } from '../services/context';
import { configuredDeskUser } from '../services/desk-user';
import { eraseExpiredPersonalData } from '../services/personal-data';
import { openDatabaseState, type DatabaseState } from './database-state';
import type { Maintenance } from './maintenance';
import { databaseDamaged, gateHandlers } from './read-only-gate';
import { createSyncRunner, pgHubHost, type HubHost } from '../sync/hub-handlers';
import { pendingEvents } from '../sync/join';
import { hubLinks } from '../sync/region-data';
import { startBackgroundSync } from '../sync/scheduler';

export interface BackendOptions {
  databasePath: string;
  mode: 'desktop' | 'web' | 'cli';
  version: string;
  /** better-sqlite3 binary for the Electron ABI; absent under plain Node. */
  nativeBinding?: string;
  /**
   * Desk user for the audit log; when absent, the `deskUser` setting, else the
   * operating-system user.
   */
  actor?: string;
  now?: () => number;
  logError?: ErrorLogger;
  /** Take the daily backup at open when the newest is older than 24 h (default: yes). */
  dailyBackup?: boolean;
  /** Erase holder data past the retention period at open (default: only the desktop app). */
  eraseExpiredPersonalData?: boolean;
  /**
   * Where `report:export` writes when the UI sends no path (the desktop app: the save
   * dialog); resolves to an absolute path, or null when the user cancels.
   */
  chooseExportPath?: ChooseExportPath;
  /** How long a write waits for another process's lock before failing as busy (see open.ts). */
  busyTimeoutMs?: number;
  /** The regional hub's connections and password store (the desktop app: safeStorage). */
  hubHost?: HubHost;
  /** Sync with the hub in the background (default: only the desktop app). */
  backgroundSync?: boolean;
}

export interface Backend {
  router: Router;
  /** The open database; throws DatabaseDamagedError when it failed its check at open. */
  readonly db: Db;
  /** The services on it; throws DatabaseDamagedError likewise. */
  readonly services: ServiceContext;
  /** Health, backups and restore, which work whatever state the database is in. */
  maintenance: Maintenance;
  close(): void;
}

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'okänd';
  }
}

// Stands in for the services when there is no usable database: whatever touches it
// gets the typed refusal rather than a crash.
const unavailableServices = new Proxy({} as ServiceContext, {
  get() {
    throw databaseDamaged();
  },
});

/**
 * The composition root shared by the desktop app, the browser mode, the CLI and the
 * tests: one database, its services and the router over the contract's handlers. The
 * database is checked at open; a damaged one is served read-only with a typed state
 * (`app:health`) and can be replaced by a backup (`backup:restore`) without a restart.
 */
export function createBackend(options: BackendOptions): Backend {
  const now = options.now ?? Date.now;
  const logError = options.logError ?? (() => {});
  const env: BackupEnv = {
    databasePath: options.databasePath,
    backupDir: backupDirFor(options.databasePath),
    now,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  };
  const systemUser = osUser();
  const makeServices = (db: Db): ServiceContext => {
    // Read on every audit entry, so a changed desk user applies at once.
    const services: ServiceContext = createServiceContext(db, {
      actor: () => options.actor ?? configuredDeskUser(services.settings) ?? systemUser,
      ...(options.now ? { now: options.now } : {}),
    });
    return services;
  };
  const info: AppInfo = {
    version: options.version,
    mode: options.mode === 'desktop' ? 'desktop' : 'web',
    dataDir: dirname(options.databasePath),
    databasePath: options.databasePath,
  };

  let state: DatabaseState;
  let router: Router;
  let backupProblem: BackupProblem = null;
  let restoreCandidate: BackupFile | undefined;

  const health = (): AppHealth => {
    const newest = latestBackup(env);
    return {
      status: state.status,
      readOnly: state.status !== 'ok',
      messageKey: `health.${state.status}`,
      quickCheck: {
        ok: state.status === 'ok',
        problems: state.problems,
        checkedAt: formatInstant(state.checkedAt),
      },
      latestBackup: newest ? toBackupInfo(newest) : null,
      restoreCandidate: restoreCandidate ? toBackupInfo(restoreCandidate) : null,
      backupProblem,
    };
  };

  const maintenance: Maintenance = {
    health,
    listBackups: () => listBackups(env),
    createBackup: (path) => {
      if (state.status !== 'ok' || !state.db) throw databaseDamaged();
      return createBackup(state.db, env, path);
    },
    restoreBackup: (name) => {
      let closed = false;
      let result: ReturnType<typeof replaceWithBackup>;
      try {
        result = replaceWithBackup(env, name, () => {
          closed = true;
          if (state.db?.open) state.db.close();
        });
      } catch (error) {
        // Whatever is on disk now is what the desk has: open it again rather than nothing.
        if (closed) load(false);
        throw error;
      }
      load(false);
      const services = state.services;
      if (state.status === 'ok' && services) {
        services.transaction(() => {
          services.audit.append({
            at: now(),
            actor: services.actor(),
            action: 'backup.restore',
            entity: 'database',
            entityId: null,
            before: null,
            after: { backup: result.restored.name, beforeRestore: result.beforeRestore },
          });
        });
      }
      return {
        restored: toBackupInfo(result.restored),
        beforeRestore: result.beforeRestore,
        health: health(),
      };
    },
  };

  function load(atStart: boolean): void {
    const existed = existsSync(options.databasePath);
    state = openDatabaseState({
      ...env,
      makeServices,
      ...(options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs }),
    });
    backupProblem = null;
    restoreCandidate = undefined;
    if (state.status === 'ok' && state.db && state.services) {
      // A brand-new register has nothing to back up yet.
      if (existed && (options.dailyBackup ?? true)) backupProblem = ensureDailyBackup(state.db, env).problem;
      if (atStart && (options.eraseExpiredPersonalData ?? options.mode === 'desktop')) {
        try {
          eraseExpiredPersonalData(state.services);
        } catch (error) {
          // The register must still open; the erasure runs again at the next start.
          logError('personal-data', error);
        }
      }
    } else {
      restoreCandidate = findRestoreCandidate(env);
    }
    const handlers = createHandlers(state.services ?? unavailableServices, info, maintenance, {
      chooseExportPath: options.chooseExportPath,
      hub: { host: hubHost, sync: runSync },
    });
    router = createRouter(gateHandlers(handlers, state.status), logError);
  }

  const usable = (): { db: Db; services: ServiceContext } => {
    if (state.status !== 'ok' || !state.db || !state.services) {
      throw new DatabaseDamagedError(options.databasePath, state.problems);
    }
    return { db: state.db, services: state.services };
  };
  // The regional hub (SPEC §8): one sync at a time, whether the desk asked or the background did.
  const hubHost = options.hubHost ?? pgHubHost(options.version);
  const runSync = createSyncRunner(() => usable().services, hubHost);

  load(true);
  const background =
    (options.backgroundSync ?? options.mode === 'desktop')
      ? startBackgroundSync({
          sync: runSync,
          joined: () => hubLinks(usable().db).get() !== undefined,
          pending: () => pendingEvents(usable().services),
          onError: (error) => logError('hub:sync', error),
        })
      : undefined;

  return {
    // Delegates, so a restore can swap the database under a transport that holds this router.
    router: { invoke: (channel, input, context) => router.invoke(channel, input, context) },
    get db() {
      return usable().db;
    },
    get services() {
      return usable().services;
    },
    maintenance,
    close: () => {
      background?.stop();
      if (state.db?.open) state.db.close();
    },
  };
}
