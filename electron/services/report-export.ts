import { isAbsolute } from 'node:path';
import {
  formatReportJson,
  REPORT_FILE_FORMATS,
  type MonthlyReport,
  type ReportFileFormat,
} from '../../shared/report/monthly';
import type { ReportExportDone } from '../../shared/ipc/report';
import { decisionsInForce } from '../../shared/report/months';
import { reasonsTable, statisticsTable, type ReportAbout } from '../../shared/report/tables';
import { writeFilesAtomic, type AtomicWriteFs } from '../export/atomic-write';
import { csvPaths, toCsv } from '../export/csv';
import { buildWorkbookSpec, renderXlsx, renderXlsxSync, type WorkbookSpec } from '../export/xlsx';
import { invalidInput } from './app-error';
import type { ServiceContext } from './context';
import { checkExportTarget, registerPathOf } from './export-target';
import type { ReportedMonthRow } from '../db/repositories/report';
import { buildMonthlyReport, checkMonth, reportContentHash } from './report';

/** File formats of the export (SPEC §5). */
export const EXPORT_FORMATS = REPORT_FILE_FORMATS;
export type ExportFormat = ReportFileFormat;

/** What to export where. For CSV, `path` is the base of the two file names. */
export interface ExportRequest {
  month: string;
  format: ExportFormat;
  /** An absolute path; the folder must exist. */
  path: string;
}

/** What was written, and the content hash recorded for the month (the `report:export` output). */
export type ExportResult = ReportExportDone;

/** A report ready to write: text files are done, a workbook still needs rendering. */
export interface PreparedExport {
  request: ExportRequest;
  report: MonthlyReport;
  contentHash: string;
  files: { path: string; content: string | WorkbookSpec }[];
}

/** The contents of an export's files: texts as they are, workbooks rendered in the XLSX worker thread. */
export async function renderExportFiles(
  prepared: Pick<PreparedExport, 'files'>,
): Promise<(string | Uint8Array)[]> {
  const contents: (string | Uint8Array)[] = [];
  for (const file of prepared.files) {
    contents.push(typeof file.content === 'string' ? file.content : await renderXlsx(file.content));
  }
  return contents;
}

/** The same as renderExportFiles, blocking: for the synchronous CLI. */
export function renderExportFilesSync(prepared: Pick<PreparedExport, 'files'>): (string | Uint8Array)[] {
  return prepared.files.map((file) =>
    typeof file.content === 'string' ? file.content : renderXlsxSync(file.content),
  );
}

/** The "Om rapporten" facts: desk name (setting `deskName`), decisions in force, version, hash. */
export function reportAbout(
  ctx: ServiceContext,
  month: string,
  appVersion: string,
  contentHash: string,
): ReportAbout {
  const deskName = ctx.settings.raw().deskName;
  return {
    deskName: typeof deskName === 'string' ? deskName : '',
    decisions: decisionsInForce(month, ctx.decisions.list()),
    appVersion,
    contentHash,
  };
}

/** Lower-case ASCII letters, digits and dashes: a desk name made safe for a file name. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/**
 * The file name the save dialog suggests: `reservkort-statistik-2026-01-<desk>.xlsx`, the
 * desk being the slugified `deskName` setting when there is one. For CSV it is the base
 * name the two files are derived from (without extension).
 */
export function suggestedExportName(ctx: ServiceContext, month: string, format: ExportFormat): string {
  const deskName = ctx.settings.raw().deskName;
  const desk = typeof deskName === 'string' ? slugify(deskName) : '';
  const stem = `reservkort-statistik-${month}${desk ? `-${desk}` : ''}`;
  return format === 'csv' ? stem : `${stem}.${format}`;
}

// Every file the export would write, each checked by the one guard (never the register,
// its companions or the backups folder); the base path of a CSV pair need not be a file.
function checkTargets(ctx: ServiceContext, paths: readonly string[]): void {
  const databasePath = registerPathOf(ctx.db);
  for (const path of paths) checkExportTarget(path, databasePath);
}

/**
 * Builds the report for a month and everything to write for the requested format.
 * Throws invalid input (nothing written) for a bad month, format or path.
 */
export function prepareExport(
  ctx: ServiceContext,
  request: ExportRequest,
  appVersion: string,
): PreparedExport {
  const month = checkMonth(request.month);
  if (!(EXPORT_FORMATS as readonly string[]).includes(request.format)) {
    throw invalidInput([{ field: 'format', message: 'enum.invalid' }]);
  }
  if (!isAbsolute(request.path)) throw invalidInput([{ field: 'path', message: 'path.notAbsolute' }]);
  const paths = request.format === 'csv' ? Object.values(csvPaths(request.path)) : [request.path];
  checkTargets(ctx, paths);
  const generatedAtMs = ctx.now();
  const report = buildMonthlyReport(ctx, month, generatedAtMs);
  const contentHash = reportContentHash(report);
  const prepared = { request, report, contentHash };
  switch (request.format) {
    case 'json':
      return { ...prepared, files: [{ path: request.path, content: formatReportJson(report) }] };
    case 'csv': {
      const paths = csvPaths(request.path);
      return {
        ...prepared,
        files: [
          { path: paths.statistics, content: toCsv(statisticsTable(report)) },
          { path: paths.reasons, content: toCsv(reasonsTable(report)) },
        ],
      };
    }
    case 'xlsx': {
      const about = reportAbout(ctx, month, appVersion, contentHash);
      return {
        ...prepared,
        files: [{ path: request.path, content: buildWorkbookSpec(report, about, generatedAtMs) }],
      };
    }
  }
}

/**
 * Writes the rendered files atomically and all or nothing (a CSV pair is never half new),
 * then records the month as reported. A month counts as reported only once every file is
 * safely on disk.
 */
function commitExport(
  ctx: ServiceContext,
  prepared: PreparedExport,
  contents: (string | Uint8Array)[],
  fs?: AtomicWriteFs,
): ExportResult {
  writeFilesAtomic(
    prepared.files.map((file, i) => ({ path: file.path, data: contents[i]! })),
    fs,
  );
  const files = prepared.files.map((f) => f.path);
  recordExport(ctx, deskExportRecords(ctx), prepared.report, prepared.contentHash, {
    fileFormat: prepared.request.format,
    files,
  });
  return {
    month: prepared.report.month,
    format: prepared.request.format,
    path: prepared.request.path,
    files,
    contentHash: prepared.contentHash,
  };
}

/** Exports a month's report to file(s) and records the export; XLSX renders off the main thread. */
export async function exportMonthlyReport(
  ctx: ServiceContext,
  request: ExportRequest,
  appVersion: string,
): Promise<ExportResult> {
  const prepared = prepareExport(ctx, request, appVersion);
  return commitExport(ctx, prepared, await renderExportFiles(prepared));
}

/**
 * The same as exportMonthlyReport, blocking: for the synchronous CLI. `fs` is the file
 * system the files are written with; tests pass one that fails.
 */
export function exportMonthlyReportSync(
  ctx: ServiceContext,
  request: ExportRequest,
  appVersion: string,
  fs?: AtomicWriteFs,
): ExportResult {
  const prepared = prepareExport(ctx, request, appVersion);
  return commitExport(ctx, prepared, renderExportFilesSync(prepared), fs);
}

/**
 * Where a month's export is recorded: the desk's own reported months, or (sync/) the
 * region's. `entity` is the audit entry's entity.
 */
export interface ExportRecords {
  entity: 'report' | 'region-report';
  get(month: string): ReportedMonthRow | undefined;
  record(row: ReportedMonthRow): void;
}

/** The record of the desk's own reported months. */
export function deskExportRecords(ctx: Pick<ServiceContext, 'report'>): ExportRecords {
  const repository = ctx.report;
  return { entity: 'report', get: repository.reported, record: repository.recordReported };
}

/**
 * Records that a month's report went out: replaces the month's export record and appends
 * an audit entry, in one transaction. Call only after the files are safely written. The
 * desk's export and the region's (sync/region-export.ts) both record through here.
 */
export function recordExport(
  ctx: ServiceContext,
  records: ExportRecords,
  report: MonthlyReport,
  contentHash: string,
  details: { fileFormat: string; files: readonly string[] },
): void {
  ctx.transaction(() => {
    const at = ctx.now();
    const before = records.get(report.month);
    records.record({
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
      entity: records.entity,
      entityId: report.month,
      before: before ? { contentHash: before.content_hash, exportedAt: before.exported_at } : null,
      after: { contentHash, format: report.format, fileFormat: details.fileFormat, files: details.files },
    });
  });
}
