import type { HubSettings } from '../../shared/ipc/hub';
import type { CredentialStore } from '../app/credentials';
import { CredentialStoreError } from '../app/credentials';
import { parseHubUrl } from '../hub/connect';
import type { ServiceContext } from '../services/context';
import type { ExportFormat } from '../services/report-export';
import { describeHubFailure, type HubPort } from '../sync/hub-port';
import { joinHub, withoutPassword } from '../sync/join';
import { exportRegionReport } from '../sync/region-export';
import { listRegionCards, regionCard, regionReportStatus } from '../sync/region-views';
import type { SyncScheduler } from '../sync/scheduler';
import { AppError, invalidInput } from '../services/app-error';
import type { Handlers } from './router';

/** What the hub's channels need besides the register. */
export interface HubAccess {
  scheduler: SyncScheduler;
  credentials: CredentialStore;
  /** Opens a port to the hub with the desk's password (the scheduler's, for "Anslut"). */
  openPort: (url: string, password: string) => HubPort;
  /** The app's version, written into exports. */
  version: string;
  /** Where a region export goes when the UI names no path (the save dialog). */
  chooseExportPath?: ((suggestedName: string, format: ExportFormat) => Promise<string | null>) | undefined;
}

type HubChannel =
  | 'hub:settings'
  | 'hub:connect'
  | 'hub:disconnect'
  | 'hub:sync'
  | 'hub:status'
  | 'region:cards'
  | 'region:card'
  | 'region:report'
  | 'region:export';

/** Which input a hub failure is about, so the form can show it under that field. */
const FIELD_OF: Record<string, 'url' | 'password'> = {
  'hub-url': 'url',
  'hub-tls': 'url',
  'hub-not-initialised': 'url',
  'hub-auth': 'password',
  'hub-not-a-desk': 'password',
};

/**
 * A hub or sync failure as the UI receives it: code `hub-failed`, the Swedish message, and a
 * field error naming the input it is about (`hub` when none) that carries the hub's code
 * and the English message. The password never appears: hub messages never hold it.
 */
export function hubFailure(error: unknown): AppError {
  const failure = describeHubFailure(error);
  const withEnglish = error as { messageIn?: (language: 'en') => string } | undefined;
  const en = typeof withEnglish?.messageIn === 'function' ? withEnglish.messageIn('en') : failure.message;
  return new AppError('hub-failed', failure.message, [
    {
      field: FIELD_OF[failure.code] ?? 'hub',
      message: 'hub-failed',
      params: { code: failure.code, sv: failure.message, en },
    },
  ]);
}

/** The register's hub settings as the UI sees them: never the password. */
export function hubSettings(ctx: ServiceContext, credentials: CredentialStore): HubSettings {
  const link = ctx.hubLink.get();
  return {
    joined: link !== undefined,
    url: link?.url ?? null,
    hubId: link?.hub_id ?? null,
    deskId: link?.desk_id ?? null,
    deskName: link?.desk_name ?? null,
    hasPassword: credentials.get() !== null,
    passwordStore: credentials.kind,
  };
}

/**
 * The channels of the regional hub (SPEC §8): connect ("Anslut": join with the desk's URL
 * and password, keep the password in the credential store; a register of another hub only
 * with `newHub`, the person's confirmation, else `sync-new-hub`), disconnect (forget the
 * password; the register stays that station, as its events carry that station's numbers),
 * sync now, the status, and the register's and report's region views.
 */
export function createHubHandlers(ctx: ServiceContext, hub: HubAccess): Pick<Handlers, HubChannel> {
  return {
    'hub:settings': () => hubSettings(ctx, hub.credentials),
    'hub:connect': async ({ url, password, newHub }) => {
      let parsed: URL;
      try {
        parsed = new URL(url.trim());
        parseHubUrl(url);
      } catch (error) {
        throw hubFailure(error);
      }
      // A password written into the URL counts as typed into the field; with neither, the
      // stored one is used (a new address for the same station).
      const typed = password !== '' ? password : decodeURIComponent(parsed.password);
      const secret = typed !== '' ? typed : (hub.credentials.get() ?? '');
      if (secret === '') throw invalidInput([{ field: 'password', message: 'required' }]);
      const stored = withoutPassword(url);
      const port = hub.openPort(stored, secret);
      let pending: number;
      try {
        pending = (await joinHub(ctx, port, stored, { newHub: newHub === true })).pending;
      } catch (error) {
        throw hubFailure(error);
      } finally {
        await port.close().catch(() => undefined);
      }
      try {
        hub.credentials.set(secret);
      } catch (error) {
        if (error instanceof CredentialStoreError) {
          throw new AppError('hub-failed', error.message, [
            {
              field: 'password',
              message: 'hub-failed',
              params: { code: 'credential-store', sv: error.message, en: error.messageEn },
            },
          ]);
        }
        throw error;
      }
      hub.scheduler.configChanged();
      return { settings: hubSettings(ctx, hub.credentials), pending };
    },
    'hub:disconnect': () => {
      hub.credentials.clear();
      hub.scheduler.configChanged();
      return hubSettings(ctx, hub.credentials);
    },
    'hub:sync': () => hub.scheduler.syncNow(),
    // Also on a damaged register (read-only): the sync is off, its last state is still shown.
    'hub:status': () => hub.scheduler.status(ctx),
    'region:cards': (query) => listRegionCards(ctx, query),
    'region:card': ({ id }) => regionCard(ctx, id),
    'region:report': ({ month }) => regionReportStatus(ctx, month),
    'region:export': async ({ month, format, path }) => {
      let target = path;
      if (target === undefined) {
        if (!hub.chooseExportPath) throw invalidInput([{ field: 'path', message: 'required' }]);
        const desk = ctx.hubLink.get()?.desk_id ?? 'region';
        const stem = `reservkort-statistik-${month}-hela-regionen-${desk}`;
        const chosen = await hub.chooseExportPath(format === 'csv' ? stem : `${stem}.${format}`, format);
        if (chosen === null) return { cancelled: true as const };
        target = chosen;
      }
      const { scope: _scope, ...done } = await exportRegionReport(
        ctx,
        { month, format, path: target },
        hub.version,
      );
      return done;
    },
  };
}
