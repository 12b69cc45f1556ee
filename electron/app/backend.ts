import { userInfo } from 'node:os';
import { dirname } from 'node:path';
import type { AppInfo } from '../../shared/ipc/contract';
import { openDatabase, type Db } from '../db/open';
import { createHandlers } from '../ipc/handlers';
import { createRouter, type ErrorLogger, type Router } from '../ipc/router';
import { createServiceContext, type ServiceContext } from '../services/context';
import { configuredDeskUser } from '../services/desk-user';

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
}

export interface Backend {
  router: Router;
  db: Db;
  services: ServiceContext;
  close(): void;
}

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'okänd';
  }
}

/**
 * The composition root shared by the desktop app, the browser mode, the CLI and the
 * tests: one database, its services and the router over the contract's handlers.
 */
export function createBackend(options: BackendOptions): Backend {
  const db = openDatabase(
    options.databasePath,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  const systemUser = osUser();
  // Read on every audit entry, so a changed desk user applies at once.
  const services: ServiceContext = createServiceContext(db, {
    actor: () => options.actor ?? configuredDeskUser(services.settings) ?? systemUser,
    ...(options.now ? { now: options.now } : {}),
  });
  const info: AppInfo = {
    version: options.version,
    mode: options.mode === 'desktop' ? 'desktop' : 'web',
    dataDir: dirname(options.databasePath),
    databasePath: options.databasePath,
  };
  const router = createRouter(createHandlers(services, info), options.logError);
  return {
    router,
    db,
    services,
    close: () => {
      if (db.open) db.close();
    },
  };
}
