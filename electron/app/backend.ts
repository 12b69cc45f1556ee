import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname } from 'node:path';
import type { AppInfo } from '../../shared/ipc/contract';
import type { AppHealth } from '../../shared/ipc/maintenance';
import { formatInstant } from '../../shared/time/stockholm';
import { backupDirFor, type BackupFile } from '../db/backup-store';
import { DatabaseDamagedError } from '../db/health';
import type { Db } from '../db/types';
import { readRegisterId, registerIdOfFile } from '../db/register-identity';
import { createHandlers, type ChooseExportPath } from '../ipc/handlers';
import { createRouter, type ErrorLogger, type Router } from '../ipc/router';
import {
  createBackup,
  ensureDailyBackup,
  findRestoreCandidate,
  latestBackup,
  listBackups,
  recordRestore,
  replaceWithBackup,
  toBackupInfo,
  type BackupEnv,
  type BackupProblem,
} from '../services/backup';
import { createServiceContext, type ServiceContext } from '../services/context';
import { configuredDeskUser } from '../services/desk-user';
import { recomputeStaleFindings } from '../services/findings';
import { eraseExpiredPersonalData } from '../services/personal-data';
import { auditHeadPath, readAuditHeadFile } from '../db/audit-head';
import { watchAuditHead, type AuditHeadWatch } from './audit-head-watch';
import { openDatabaseState, type DatabaseState } from './database-state';
import type { Maintenance } from './maintenance';
import { databaseDamaged, gateHandlers } from './read-only-gate';
import type { HubPort } from '../sync/hub-port';
import { openPgHubPort } from '../sync/pg-port';
import { createSyncScheduler, type SyncScheduler, type SyncSchedulerOptions } from '../sync/scheduler';
import { createMemoryCredentialStore, type CredentialStore } from './credentials';

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
  /**
   * `read-only` for a caller that will only read (the CLI's `findings`, `report`, `audit
   * verify`, listings): nothing is written at open — no daily backup, no erasure — and
   * the register opens on a read-only folder or a full disk. Default `read-write`.
   */
  access?: 'read-write' | 'read-only';
  /** The regional hub (SPEC §8); without it the password is kept in memory and nothing syncs by itself. */
  hub?: BackendHubOptions;
}

/** How the desk app reaches the regional hub. */
export interface BackendHubOptions {
  /** Where the desk's hub password is kept (default: in memory, for this process only). */
  credentials?: CredentialStore;
  /** Sync in the background: at start, after changes, every few minutes (the desktop app, the browser mode). */
  background?: boolean;
  /** Opens a port to the hub (default: node-postgres, the password from the store only). */
  openPort?: (url: string, password: string) => HubPort;
  /** The scheduler's timings, for tests. */
  timing?: Pick<SyncSchedulerOptions, 'intervalMs' | 'debounceMs' | 'retryBaseMs' | 'retryMaxMs'>;
}

export interface Backend {
  router: Router;
  /** The open database; throws DatabaseDamagedError when it failed its check at open. */
  readonly db: Db;
  /** The services on it; throws DatabaseDamagedError likewise. */
  readonly services: ServiceContext;
  /** Health, backups and restore, which work whatever state the database is in. */
  maintenance: Maintenance;
  /** The background sync with the regional hub (idle until the register joins one). */
  sync: SyncScheduler;
  /** Stops the background sync, waiting a few seconds at most for a run under way (app quit). */
  stopSync(): Promise<void>;
  /** Non-null when the database was found behind its recorded audit head (see audit-head.ts). */
  auditRollback(): AppHealth['rollback'];
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

// A damaged register may not even say who it is.
function identityOf(db: Db | undefined): string | undefined {
  try {
    return (db && readRegisterId(db)) ?? undefined;
  } catch {
    return undefined;
  }
}

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
    registerId: () => registerId,
  };
  // The open register's identity (migration 007); undefined while unknown.
  let registerId: string | undefined;
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
  const credentials = options.hub?.credentials ?? createMemoryCredentialStore();
  const openPort =
    options.hub?.openPort ??
    ((url: string, password: string) => openPgHubPort(url, options.version, { password, env: {} }));
  const scheduler = createSyncScheduler({
    services: () => (state.status === 'ok' && state.services ? state.services : null),
    credentials,
    openPort,
    logError,
    ...options.hub?.timing,
  });
  // The outbox's last event as last seen: a call that wrote events (a card registered,
  // ended, imported, an organisation renamed …) is followed shortly by a sync.
  let seenSeq = 0;
  const lastOutboxSeq = (): number => {
    if (state.status !== 'ok' || !state.services) return 0;
    try {
      return state.services.outbox.lastSeq();
    } catch {
      return seenSeq;
    }
  };
  const noticeWrites = () => {
    const seq = lastOutboxSeq();
    if (seq !== seenSeq) {
      seenSeq = seq;
      scheduler.notifyChange();
    }
  };
  let backupProblem: BackupProblem = null;
  let restoreCandidate: BackupFile | undefined;
  let auditHead: AuditHeadWatch;

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
      rollback: auditHead.rollback(),
    };
  };

  const maintenance: Maintenance = {
    health,
    listBackups: () => listBackups(env),
    createBackup: (path) => {
      if (state.status !== 'ok' || !state.db) throw databaseDamaged();
      return createBackup(state.db, env, path);
    },
    acceptAuditHead: () => {
      if (state.status !== 'ok' || !state.services) throw databaseDamaged();
      return auditHead.accept(state.services);
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
      const previousId = registerId;
      load(false);
      const services = state.services;
      if (state.status === 'ok' && services) {
        // A backup from before identities got a new one when it was migrated just now; it
        // takes this register's, which its other backups carry.
        const keepId =
          previousId !== undefined && registerIdOfFile(result.restored.path, env.nativeBinding) === null
            ? previousId
            : undefined;
        recordRestore(
          services,
          { backup: result.restored.name, beforeRestore: result.beforeRestore },
          keepId,
        );
        if (keepId) registerId = keepId;
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
      ...(options.access ? { access: options.access } : {}),
    });
    const writable = state.db !== undefined && !state.db.readonly;
    // An unreadable register cannot say who it is; the head recorded beside it can.
    registerId =
      identityOf(state.db) ?? readAuditHeadFile(auditHeadPath(options.databasePath))?.registerId ?? undefined;
    // Before anything below writes: the check must see the database as it was found.
    auditHead = watchAuditHead(state.db, options.databasePath, { writable, now, logError });
    backupProblem = null;
    restoreCandidate = undefined;
    if (state.status === 'ok' && state.db && state.services) {
      // A brand-new register has nothing to back up yet.
      if (existed && writable && (options.dailyBackup ?? true)) {
        backupProblem = ensureDailyBackup(state.db, env).problem;
      }
      if (writable) {
        try {
          recomputeStaleFindings(state.services);
        } catch (error) {
          // Stays marked; the next open that may write tries again.
          logError('findings', error);
        }
      }
      if (atStart && writable && (options.eraseExpiredPersonalData ?? options.mode === 'desktop')) {
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
      hub: {
        scheduler,
        credentials,
        openPort,
        version: options.version,
        chooseExportPath: options.chooseExportPath,
      },
    });
    router = createRouter(gateHandlers(handlers, state.status), logError, { dataDir: info.dataDir });
    seenSeq = lastOutboxSeq();
    // Another register (a restored backup) may be another desk's, or none's.
    if (!atStart) scheduler.configChanged();
  }

  load(true);
  if (options.hub?.background) scheduler.start();

  const usable = (): { db: Db; services: ServiceContext } => {
    if (state.status !== 'ok' || !state.db || !state.services) {
      throw new DatabaseDamagedError(options.databasePath, state.problems);
    }
    return { db: state.db, services: state.services };
  };

  return {
    // Delegates, so a restore can swap the database under a transport that holds this router.
    router: {
      invoke: async (channel, input, context) => {
        const result = await router.invoke(channel, input, context);
        if (result.ok) noticeWrites();
        return result;
      },
    },
    get db() {
      return usable().db;
    },
    get services() {
      return usable().services;
    },
    maintenance,
    sync: scheduler,
    stopSync: () => scheduler.stop(),
    auditRollback: () => auditHead.rollback(),
    close: () => {
      void scheduler.stop(0);
      if (state.db?.open) state.db.close();
    },
  };
}
