import type { HubSyncResult, HubSyncStatus } from '../../shared/ipc/hub';
import { parseHubUrl } from '../hub/connect';
import { AppError, invalidInput } from '../ipc/app-error';
import type { Handlers } from '../ipc/router';
import type { ServiceContext } from '../services/context';
import { SyncError } from './errors';
import { describeHubFailure, type HubPort } from './hub-port';
import { joinHub } from './join';
import { openPgHubPort } from './pg-port';
import { hubLinks } from './region-data';
import { hubSyncStatus, listRegionCards, regionReportStatus } from './region-view';
import { syncOnce, type SyncResult } from './sync';

/**
 * Where the desk's hub password is kept: the operating system's credential store in the
 * desktop app (Electron safeStorage, electron/main), never the register or a log.
 */
export interface HubCredentials {
  load(): string | undefined;
  save(password: string): void;
}

/** What the hub channels need from their host. */
export interface HubHost {
  /** Opens a connection to the hub; the password may be undefined (then PGPASSWORD). */
  openPort(url: string, password: string | undefined): HubPort;
  credentials: HubCredentials;
}

/**
 * Kept in this process's memory only: for the browser development mode and the CLI's
 * backend, which have no credential store. Lost when the process ends; never written.
 */
export function memoryCredentials(): HubCredentials {
  let password: string | undefined;
  return {
    load: () => password,
    save: (value) => {
      password = value;
    },
  };
}

/** The hub over PostgreSQL, with the password kept as `credentials` keeps it. */
export function pgHubHost(appVersion: string, credentials: HubCredentials = memoryCredentials()): HubHost {
  return {
    openPort: (url, password) => openPgHubPort(url, appVersion, password === undefined ? {} : { password }),
    credentials,
  };
}

/** A hub or sync failure for the UI: its Swedish message, and whether trying later may do. */
export function hubAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const failure = describeHubFailure(error);
  return new AppError(failure.retryable ? 'hub-unreachable' : 'hub-error', failure.message);
}

type HubChannels = 'hub:status' | 'hub:connect' | 'hub:sync' | 'region:cards' | 'region:report';

/**
 * Runs one sync at a time per register: "Synka nu" while the background sync runs gets
 * that sync's outcome instead of a second one beside it.
 */
export function createSyncRunner(ctx: () => ServiceContext, host: HubHost) {
  let running: Promise<SyncResult> | null = null;
  return (): Promise<SyncResult> => {
    running ??= (async () => {
      const services = ctx();
      const link = hubLinks(services.db).get();
      if (!link) throw new SyncError('sync-not-joined');
      const port = host.openPort(link.url, host.credentials.load());
      try {
        return await syncOnce(services, port);
      } finally {
        await port.close();
      }
    })().finally(() => {
      running = null;
    });
    return running;
  };
}

/**
 * The channels of the regional hub (SPEC §8): the settings ("Regional hubb": URL, connect
 * with the desk's password, "Synka nu"), the sync state, and the register and report over
 * the whole region. `sync` is the register's one sync runner, shared with the background sync.
 */
export function createHubHandlers(
  ctx: ServiceContext,
  host: HubHost,
  sync: () => Promise<SyncResult> = createSyncRunner(() => ctx, host),
): Pick<Handlers, HubChannels> {
  const status = (): HubSyncStatus => hubSyncStatus(ctx, host.credentials.load() !== undefined);
  return {
    'hub:status': () => status(),
    'hub:connect': async ({ url, password }) => {
      let inUrl: string | undefined;
      try {
        inUrl = parseHubUrl(url).password;
      } catch (error) {
        throw invalidInput([
          { field: 'url', message: 'hub.url', params: { detail: describeHubFailure(error).message } },
        ]);
      }
      // A password typed in the URL is kept like one typed in its own field: never in the register.
      const given = password === undefined || password === '' ? inUrl : password;
      const port = host.openPort(url, given ?? host.credentials.load());
      try {
        await joinHub(ctx, port, url);
      } catch (error) {
        throw hubAppError(error);
      } finally {
        await port.close();
      }
      // Kept only once the hub has accepted it.
      if (given !== undefined) host.credentials.save(given);
      return status();
    },
    'hub:sync': async (): Promise<HubSyncResult> => {
      try {
        const result = await sync();
        return { ...result, status: status() };
      } catch (error) {
        throw hubAppError(error);
      }
    },
    'region:cards': (query) => listRegionCards(ctx, query),
    'region:report': ({ month }) => regionReportStatus(ctx, month),
  };
}
