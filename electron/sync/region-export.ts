import { isAbsolute } from 'node:path';
import { formatReportJson, REPORT_FILE_FORMATS, type MonthlyReport } from '../../shared/report/monthly';
import { decisionsInForce } from '../../shared/report/months';
import { reasonsTable, statisticsTable } from '../../shared/report/tables';
import { writeFilesAtomic } from '../export/atomic-write';
import { csvPaths, toCsv } from '../export/csv';
import { buildWorkbookSpec, renderXlsxSync } from '../export/xlsx';
import { invalidInput } from '../services/app-error';
import type { ServiceContext } from '../services/context';
import { checkExportTarget, registerPathOf } from '../services/export-target';
import { checkMonth, reportContentHash } from '../services/report';
import type { ExportRequest, ExportResult } from '../services/report-export';
import { buildRegionReport, deskCoverage } from './region-report';

/**
 * Writes the region's report of a month (`report --scope region --out`) the way the desk's
 * own report is written — every target checked by the one export guard, the files written
 * atomically and all or nothing — and records the month as exported for the region, with
 * an audit entry, so a card another desk pushes later that changes the month raises the
 * changed-since-export alert. Blocking: for the synchronous CLI.
 */
export function exportRegionReportSync(
  ctx: ServiceContext,
  request: ExportRequest,
  appVersion: string,
): ExportResult & { scope: 'region' } {
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
  const files = paths
    ? [
        { path: paths.statistics, data: toCsv(statisticsTable(report)) },
        { path: paths.reasons, data: toCsv(reasonsTable(report)) },
      ]
    : [
        {
          path: request.path,
          data: fileContent(ctx, report, request.format, appVersion, contentHash, generatedAt),
        },
      ];
  writeFilesAtomic(files);
  const written = files.map((f) => f.path);
  recordRegionReported(ctx, report, contentHash, { fileFormat: request.format, files: written });
  return { month, format: request.format, path: request.path, files: written, contentHash, scope: 'region' };
}

function fileContent(
  ctx: ServiceContext,
  report: MonthlyReport,
  format: ExportRequest['format'],
  appVersion: string,
  contentHash: string,
  generatedAt: number,
): string | Uint8Array {
  if (format === 'json') return formatReportJson(report);
  const desks = deskCoverage(ctx, report.month).length;
  const link = ctx.hubLink.get();
  const about = {
    deskName: `Hela regionen (${desks} kortstationer), från ${link?.desk_name ?? 'den här kortstationen'}`,
    decisions: decisionsInForce(report.month, ctx.decisions.list()),
    appVersion,
    contentHash,
  };
  return renderXlsxSync(buildWorkbookSpec(report, about, generatedAt));
}

/** Records that a month's region report went out, with its audit entry; after the files are written. */
export function recordRegionReported(
  ctx: ServiceContext,
  report: MonthlyReport,
  contentHash: string,
  details: { fileFormat: string; files: readonly string[] },
): void {
  const repository = ctx.regionReported;
  ctx.transaction(() => {
    const at = ctx.now();
    const before = repository.get(report.month);
    repository.record({
      month: report.month,
      format: report.format,
      content_hash: contentHash,
      exported_at: at,
      report_json: JSON.stringify(report),
    });
    ctx.audit.append({
      at,
      actor: ctx.actor(),
      action: 'report.export',
      entity: 'region-report',
      entityId: report.month,
      before: before ? { contentHash: before.content_hash, exportedAt: before.exported_at } : null,
      after: { contentHash, format: report.format, fileFormat: details.fileFormat, files: details.files },
    });
  });
}
