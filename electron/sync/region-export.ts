import { isAbsolute } from 'node:path';
import { formatReportJson, REPORT_FILE_FORMATS, type MonthlyReport } from '../../shared/report/monthly';
import { decisionsInForce } from '../../shared/report/months';
import { reasonsTable, statisticsTable } from '../../shared/report/tables';
import { writeFilesAtomic } from '../export/atomic-write';
import { csvPaths, toCsv } from '../export/csv';
import { buildWorkbookSpec } from '../export/xlsx';
import { invalidInput } from '../services/app-error';
import type { ServiceContext } from '../services/context';
import { checkExportTarget, registerPathOf } from '../services/export-target';
import { checkMonth, reportContentHash } from '../services/report';
import {
  recordExport,
  renderExportFiles,
  renderExportFilesSync,
  type ExportRecords,
  type ExportRequest,
  type ExportResult,
  type PreparedExport,
} from '../services/report-export';
import { buildRegionReport, deskCoverage } from './region-report';

/** What a region export wrote. */
export type RegionExportResult = ExportResult & { scope: 'region' };

/** The record of the months whose region report this desk exported. */
export function regionExportRecords(ctx: Pick<ServiceContext, 'regionReported'>): ExportRecords {
  const repository = ctx.regionReported;
  return { entity: 'region-report', get: repository.get, record: repository.record };
}

/**
 * Builds the region's report of a month and everything to write for the requested format,
 * every target checked by the one export guard. Throws invalid input (nothing written) for
 * a bad month, format or path.
 */
function prepareRegionExport(
  ctx: ServiceContext,
  request: ExportRequest,
  appVersion: string,
): PreparedExport {
  const month = checkMonth(request.month);
  if (!(REPORT_FILE_FORMATS as readonly string[]).includes(request.format)) {
    throw invalidInput([{ field: 'format', message: 'enum.invalid' }]);
  }
  if (!isAbsolute(request.path)) throw invalidInput([{ field: 'path', message: 'path.notAbsolute' }]);
  const paths = request.format === 'csv' ? csvPaths(request.path) : undefined;
  for (const path of paths ? Object.values(paths) : [request.path]) {
    checkExportTarget(path, registerPathOf(ctx.db));
  }
  const generatedAt = ctx.now();
  const report = buildRegionReport(ctx, month, generatedAt);
  const contentHash = reportContentHash(report);
  const prepared = { request, report, contentHash };
  if (paths) {
    return {
      ...prepared,
      files: [
        { path: paths.statistics, content: toCsv(statisticsTable(report)) },
        { path: paths.reasons, content: toCsv(reasonsTable(report)) },
      ],
    };
  }
  if (request.format === 'json') {
    return { ...prepared, files: [{ path: request.path, content: formatReportJson(report) }] };
  }
  return {
    ...prepared,
    files: [{ path: request.path, content: workbookOf(ctx, report, appVersion, contentHash, generatedAt) }],
  };
}

function workbookOf(
  ctx: ServiceContext,
  report: MonthlyReport,
  appVersion: string,
  contentHash: string,
  generatedAt: number,
) {
  const desks = deskCoverage(ctx, report.month).length;
  const link = ctx.hubLink.get();
  const about = {
    deskName: `Hela regionen (${desks} kortstationer), från ${link?.desk_name ?? 'den här kortstationen'}`,
    decisions: decisionsInForce(report.month, ctx.decisions.list()),
    appVersion,
    contentHash,
  };
  return buildWorkbookSpec(report, about, generatedAt);
}

/**
 * Writes the files atomically and all or nothing, then records the month as exported for
 * the region, with an audit entry, so a card another desk pushes later that changes the
 * month raises the changed-since-export alert.
 */
function commitRegionExport(
  ctx: ServiceContext,
  prepared: PreparedExport,
  contents: readonly (string | Uint8Array)[],
): RegionExportResult {
  writeFilesAtomic(prepared.files.map((file, i) => ({ path: file.path, data: contents[i]! })));
  const files = prepared.files.map((f) => f.path);
  recordExport(ctx, regionExportRecords(ctx), prepared.report, prepared.contentHash, {
    fileFormat: prepared.request.format,
    files,
  });
  return {
    month: prepared.report.month,
    format: prepared.request.format,
    path: prepared.request.path,
    files,
    contentHash: prepared.contentHash,
    scope: 'region',
  };
}

/**
 * Writes the region's report of a month (the app's "Exportera" on the region report) the
 * way the desk's own report is written; an XLSX file is rendered in the worker thread the
 * desk's export uses, so the main process (and the UI) never waits for it.
 */
export async function exportRegionReport(
  ctx: ServiceContext,
  request: ExportRequest,
  appVersion: string,
): Promise<RegionExportResult> {
  const prepared = prepareRegionExport(ctx, request, appVersion);
  return commitRegionExport(ctx, prepared, await renderExportFiles(prepared));
}

/** The same as exportRegionReport, blocking: for the synchronous CLI (`report --scope region --out`). */
export function exportRegionReportSync(
  ctx: ServiceContext,
  request: ExportRequest,
  appVersion: string,
): RegionExportResult {
  const prepared = prepareRegionExport(ctx, request, appVersion);
  return commitRegionExport(ctx, prepared, renderExportFilesSync(prepared));
}
