import type { AppInfo } from '../../shared/ipc/contract';
import { getCard, listCards, registerCard } from '../services/cards';
import type { ServiceContext } from '../services/context';
import { findingsForCard, previewFindings } from '../services/findings';
import { monthlyReportStatus, reportHistory } from '../services/report';
import { exportMonthlyReport, suggestedExportName, type ExportFormat } from '../services/report-export';
import { invalidInput } from '../services/app-error';
import { addDecision, updateSettings } from '../services/rules-data';
import { listAudit } from '../services/audit-verify';
import { commitImportRows, previewImportRows } from '../services/import-rows';
import { endCard, extendCard, voidCard } from '../services/lifecycle';
import { reviewLists } from '../services/review';
import type { Maintenance } from '../app/maintenance';
import { exportPersonalData } from '../services/personal-data';
import { completeSetup, setupStatus } from '../services/setup';
import { renameOrganisation } from '../services/organisations';
import type { Handlers } from './router';
import { createHubHandlers, type HubAccess } from './hub-handlers';

/**
 * Asks where to save an export (the desktop app: the native save dialog); resolves to an
 * absolute path, or null when the user cancels.
 */
export type ChooseExportPath = (suggestedName: string, format: ExportFormat) => Promise<string | null>;

/** What the handlers need from their host besides the database. */
export interface HandlerOptions {
  /** Used by `report:export` when the UI sends no path; without it a path is required. */
  chooseExportPath?: ChooseExportPath | undefined;
  /** The regional hub's channels: the background sync and the password store. */
  hub: HubAccess;
}

/**
 * The handler for every contract channel, bound to one database; `maintenance` does what
 * needs the backend around the database (health, backups, restore).
 */
export function createHandlers(
  ctx: ServiceContext,
  info: AppInfo,
  maintenance: Maintenance,
  options: HandlerOptions,
): Handlers {
  return {
    'app:info': () => info,
    'organisations:list': () => ctx.organisations.list(),
    'cards:register': (values) => registerCard(ctx, values),
    'cards:get': ({ id }) => getCard(ctx, id),
    'cards:list': (query) => listCards(ctx, query),
    'findings:preview': (draft) => previewFindings(ctx, draft),
    'findings:card': ({ id }) => findingsForCard(ctx, id),
    'decisions:list': () => ctx.decisions.list(),
    'decisions:add': (decision) => addDecision(ctx, decision),
    'settings:get': () => ctx.settings.rules(),
    'settings:update': (change) => updateSettings(ctx, change),
    'report:monthly': ({ month }) => monthlyReportStatus(ctx, month),
    'report:history': ({ months, endMonth }) => reportHistory(ctx, endMonth, months),
    'report:export': async ({ month, format, path }) => {
      if (path !== undefined) return exportMonthlyReport(ctx, { month, format, path }, info.version);
      // The main process chooses where the file goes; the renderer never names a path.
      if (!options.chooseExportPath) throw invalidInput([{ field: 'path', message: 'required' }]);
      const chosen = await options.chooseExportPath(suggestedExportName(ctx, month, format), format);
      if (chosen === null) return { cancelled: true as const };
      return exportMonthlyReport(ctx, { month, format, path: chosen }, info.version);
    },
    'cards:end': ({ id, endedAt, endReason }) => endCard(ctx, id, endedAt, endReason),
    'cards:void': ({ id, why }) => voidCard(ctx, id, why),
    'cards:extend': ({ id, ...extension }) => extendCard(ctx, id, extension),
    'review:lists': (query) => reviewLists(ctx, query ?? {}),
    'audit:list': (query) => listAudit(ctx, query),
    'import:preview': ({ rows, fileIds }) => previewImportRows(ctx, rows, fileIds),
    'import:commit': ({ rows }) => commitImportRows(ctx, rows),
    'app:health': () => maintenance.health(),
    'backup:list': () => maintenance.listBackups(),
    'backup:create': ({ path }) => maintenance.createBackup(path),
    'backup:restore': ({ name }) => maintenance.restoreBackup(name),
    'personal:export': ({ holderHsaId }) => exportPersonalData(ctx, holderHsaId),
    'setup:status': () => setupStatus(ctx),
    'setup:complete': (input) => completeSetup(ctx, input),
    'organisations:rename': ({ hsaId, name }) => renameOrganisation(ctx, hsaId, name),
    ...createHubHandlers(ctx, options.hub),
  };
}
