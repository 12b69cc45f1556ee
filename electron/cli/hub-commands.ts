import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { i18n } from 'i18next';
import type { Language } from '../../shared/i18n';
import { formatReportJson, REPORT_FILE_FORMATS, type ReportFileFormat } from '../../shared/report/monthly';
import { reasonsTable, statisticsTable } from '../../shared/report/tables';
import type { Backend } from '../app/backend';
import { writeFilesAtomic } from '../export/atomic-write';
import { csvPaths, toCsv } from '../export/csv';
import { buildWorkbookSpec, renderXlsx } from '../export/xlsx';
import { addDesk, hubStatus, initHub } from '../hub/admin';
import { HubError } from '../hub/errors';
import { hubReport, type HubReport } from '../hub/report';
import { AppError } from '../services/app-error';
import { reportContentHash } from '../services/report';
import { checkExportTarget } from '../services/export-target';

/** What an async command (the hub's) gets from run.ts. */
export interface AsyncCommandEnv {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  version: string;
  t: i18n['t'];
  language: Language;
  /** The register's file (never an export target); the desk's own commands open it. */
  databasePath: string;
  backend: () => Backend;
}

/** An async command: resolves to its exit status (SPEC §6). */
export type AsyncCommand = (args: string[], env: AsyncCommandEnv) => Promise<number>;

const EXIT = { ok: 0, failure: 1, invalid: 2 } as const;

/** Bad arguments: one line each on stderr, exit 2, nothing done. */
class HubUsageError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

function options(args: string[], spec: Record<string, { type: 'string' | 'boolean' }>) {
  try {
    return parseArgs({ args, options: spec, strict: true, allowPositionals: false }).values as Record<
      string,
      string | boolean | undefined
    >;
  } catch (error) {
    throw new HubUsageError([(error as Error).message]);
  }
}

function required(values: Record<string, unknown>, names: string[], t: i18n['t']): Record<string, string> {
  const lines = names
    .filter((n) => typeof values[n] !== 'string' || values[n].trim() === '')
    .map((n) => `${n}: ${t('validation.required')}`);
  if (lines.length > 0) throw new HubUsageError(lines);
  return values as Record<string, string>;
}

const connectOptions = (env: AsyncCommandEnv) => ({ env: env.env });

async function runInit(args: string[], env: AsyncCommandEnv): Promise<number> {
  const { url } = required(options(args, { url: { type: 'string' } }), ['url'], env.t);
  env.stdout(JSON.stringify(await initHub(url!, connectOptions(env))));
  return EXIT.ok;
}

async function runDesk(args: string[], env: AsyncCommandEnv): Promise<number> {
  if (args[0] !== 'add') throw new HubUsageError([env.t('cli:hub.usageDesk')]);
  const values = options(args.slice(1), {
    url: { type: 'string' },
    desk: { type: 'string' },
    name: { type: 'string' },
  });
  const { url, desk, name } = required(values, ['url', 'desk', 'name'], env.t);
  const added = await addDesk(url!, { desk: desk!, name: name! }, connectOptions(env));
  // Shown this once; stored nowhere.
  env.stdout(JSON.stringify({ desk: added.desk, role: added.role, password: added.password }));
  return EXIT.ok;
}

async function runStatus(args: string[], env: AsyncCommandEnv): Promise<number> {
  const { url } = required(options(args, { url: { type: 'string' } }), ['url'], env.t);
  const status = await hubStatus(url!, connectOptions(env));
  env.stdout(
    JSON.stringify({
      hubId: status.hubId,
      schemaVersion: status.schemaVersion,
      lastHubSeq: status.lastHubSeq,
      desks: status.desks.map(({ lastPushMs: _ms, ...desk }) => desk),
    }),
  );
  return EXIT.ok;
}

function isFormat(text: string): text is ReportFileFormat {
  return (REPORT_FILE_FORMATS as readonly string[]).includes(text);
}

async function runReport(args: string[], env: AsyncCommandEnv): Promise<number> {
  const values = options(args, {
    url: { type: 'string' },
    month: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  });
  const { url, month } = required(values, ['url', 'month'], env.t);
  const format = typeof values.format === 'string' ? values.format : 'json';
  const out = typeof values.out === 'string' ? values.out : undefined;
  if (!isFormat(format)) throw new HubUsageError([`format: ${env.t('cli:report.badFormat')}`]);
  if (out === undefined && format !== 'json')
    throw new HubUsageError([`out: ${env.t('cli:report.outRequired', { format })}`]);
  // `npm run` starts in the package folder; INIT_CWD is where the person typed the command.
  const path = out === undefined ? undefined : resolve(env.cwd, out);
  const paths = path === undefined ? [] : format === 'csv' ? Object.values(csvPaths(path)) : [path];
  // Checked before connecting: a refused path costs no trip to the hub.
  for (const p of paths) checkTarget(p, env);
  const result = await hubReport(url!, month!, connectOptions(env));
  if (path === undefined) {
    env.stdout(JSON.stringify({ ...result.report, deskCoverage: result.deskCoverage }, null, 2));
    return EXIT.ok;
  }
  const files = await renderFiles(result, format, path, env.version);
  writeFilesAtomic(files);
  env.stdout(
    JSON.stringify({
      month: result.report.month,
      format,
      path,
      files: files.map((f) => f.path),
      contentHash: reportContentHash(result.report),
      lastHubSeq: result.lastHubSeq,
      deskCoverage: result.deskCoverage,
    }),
  );
  return EXIT.ok;
}

function checkTarget(path: string, env: AsyncCommandEnv): void {
  try {
    if (!isAbsolute(path))
      throw new HubUsageError([`out: ${env.t('cli:report.path.notAbsolute', { path })}`]);
    checkExportTarget(path, env.databasePath, {}, 'out');
  } catch (error) {
    if (!(error instanceof AppError) || !error.fields) throw error;
    throw new HubUsageError(error.fields.map((f) => `out: ${env.t(`cli:report.${f.message}`, { path })}`));
  }
}

async function renderFiles(
  result: HubReport,
  format: ReportFileFormat,
  path: string,
  appVersion: string,
): Promise<{ path: string; data: string | Uint8Array }[]> {
  const { report } = result;
  switch (format) {
    case 'json':
      return [{ path, data: formatReportJson(report) }];
    case 'csv': {
      const paths = csvPaths(path);
      return [
        { path: paths.statistics, data: toCsv(statisticsTable(report)) },
        { path: paths.reasons, data: toCsv(reasonsTable(report)) },
      ];
    }
    case 'xlsx': {
      const about = {
        deskName: `Hela regionen (${result.deskCoverage.length} kortstationer)`,
        // Each desk keeps its own decisions; the hub holds none.
        decisions: [],
        appVersion,
        contentHash: reportContentHash(report),
      };
      const spec = buildWorkbookSpec(report, about, Date.now());
      return [{ path, data: await renderXlsx(spec) }];
    }
  }
}

const SUBCOMMANDS: Record<string, AsyncCommand> = {
  init: runInit,
  desk: runDesk,
  status: runStatus,
  report: runReport,
};

/**
 * `hub init | desk add | status | report` (SPEC §8). `more` adds subcommands that need the
 * desk's register (`hub join`, from the desk's sync commands). Errors print one line each
 * on stderr: exit 2 for bad input (nothing done), 1 for anything else (a HubError's
 * message, in the CLI's language, says what to do).
 */
export async function runHubCommand(
  args: string[],
  env: AsyncCommandEnv,
  more: Record<string, AsyncCommand> = {},
): Promise<number> {
  const name = args[0];
  const command = name === undefined ? undefined : (more[name] ?? SUBCOMMANDS[name]);
  try {
    if (!command) throw new HubUsageError([env.t('cli:hub.usage')]);
    return await command(args.slice(1), env);
  } catch (error) {
    return reportHubFailure(error, env);
  }
}

/** Prints a failure of a hub command and returns its exit status. */
export function reportHubFailure(
  error: unknown,
  env: Pick<AsyncCommandEnv, 'stderr' | 't' | 'language'>,
): number {
  if (error instanceof HubUsageError) {
    for (const line of error.lines) env.stderr(`${env.t('cli:usage.prefix')}: ${line}`);
    return EXIT.invalid;
  }
  if (error instanceof HubError) {
    const invalid = error.code === 'hub-url' || error.code === 'hub-invalid-input';
    env.stderr(
      `${env.t(invalid ? 'cli:usage.prefix' : 'cli:error.prefix')}: ${error.messageIn(env.language)}`,
    );
    return invalid ? EXIT.invalid : EXIT.failure;
  }
  throw error;
}
