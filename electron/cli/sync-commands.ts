import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { i18n } from 'i18next';
import { ReportMonth } from '../../shared/report/monthly';
import { createFindingTranslator } from '../../shared/rules';
import { parseHubUrl } from '../hub/connect';
import { HubError } from '../hub/errors';
import { AppError } from '../services/app-error';
import { EXPORT_FORMATS, type ExportFormat } from '../services/report-export';
import { SyncError } from '../sync/errors';
import { joinHub } from '../sync/join';
import { openPgHubPort } from '../sync/pg-port';
import { exportRegionReportSync } from '../sync/region-export';
import { regionFindings } from '../sync/region-findings';
import { buildRegionReport, deskCoverage } from '../sync/region-report';
import { syncOnce } from '../sync/sync';
import { reportHubFailure, type AsyncCommand, type AsyncCommandEnv } from './hub-commands';
import type { ReportCommandEnv } from './report-command';
import { CliInputError, type CommandEnv } from './rules-commands';

/**
 * The desk's side of the hub on the command line (SPEC §8): `hub join`, `sync`, and
 * `--scope region` for `findings` and `report`.
 */

const EXIT = { ok: 0, failure: 1, invalid: 2 } as const;

// Bad arguments of an async command: one line each, exit 2, nothing done.
function usage(env: AsyncCommandEnv, lines: string[]): number {
  for (const line of lines) env.stderr(`${env.t('cli:usage.prefix')}: ${line}`);
  return EXIT.invalid;
}

function readUrl(args: string[], env: AsyncCommandEnv, required: boolean): string | undefined | number {
  let values: { url?: string };
  try {
    values = parseArgs({ args, options: { url: { type: 'string' } }, strict: true }).values;
  } catch (error) {
    return usage(env, [(error as Error).message]);
  }
  if (values.url === undefined || values.url.trim() === '') {
    return required ? usage(env, [`url: ${env.t('validation.required')}`]) : undefined;
  }
  return values.url;
}

// A failure a person must act on: the hub's or the sync's message, in the CLI's language.
function failure(error: unknown, env: AsyncCommandEnv): number {
  if (error instanceof SyncError) {
    env.stderr(`${env.t('cli:error.prefix')}: ${error.messageIn(env.language)}`);
    return EXIT.failure;
  }
  if (error instanceof HubError) return reportHubFailure(error, env);
  throw error;
}

/**
 * `hub join --url DESK_URL`: this register joins the hub as the desk the URL's role
 * belongs to; prints `{ hubId, deskId, deskName, url, pending }`, the URL without its
 * password. The password comes from the URL or PGPASSWORD and is stored nowhere.
 * `--new-hub` confirms linking a register of another hub to this one (a hub restored from
 * a backup with a new id): the whole register is pushed again and everything pulled anew.
 */
async function runJoin(args: string[], env: AsyncCommandEnv): Promise<number> {
  const newHub = args.includes('--new-hub');
  const url = readUrl(
    args.filter((a) => a !== '--new-hub'),
    env,
    true,
  );
  if (typeof url !== 'string') return url ?? EXIT.invalid;
  try {
    parseHubUrl(url);
    const services = env.backend().services;
    const port = openPgHubPort(url, env.version, { env: env.env });
    try {
      env.stdout(JSON.stringify(await joinHub(services, port, url, { newHub })));
    } finally {
      await port.close();
    }
    return EXIT.ok;
  } catch (error) {
    return failure(error, env);
  }
}

/**
 * `sync [--url DESK_URL]`: push, then pull (SPEC §8); prints `{ pushed, pulled, cursor }`.
 * Without --url the URL stored at `hub join` is used, with the password from PGPASSWORD.
 * When pulled cards changed a month whose region report was exported, a warning line on
 * stderr says so.
 */
async function runSync(args: string[], env: AsyncCommandEnv): Promise<number> {
  const given = readUrl(args, env, false);
  if (typeof given === 'number') return given;
  try {
    const services = env.backend().services;
    const link = services.hubLink.get();
    if (!link) throw new SyncError('sync-not-joined');
    const url = given ?? link.url;
    parseHubUrl(url);
    const port = openPgHubPort(url, env.version, { env: env.env });
    try {
      const result = await syncOnce(services, port);
      env.stdout(JSON.stringify({ pushed: result.pushed, pulled: result.pulled, cursor: result.cursor }));
      if (result.changedReportedMonths.length > 0) {
        env.stderr(env.t('cli:sync.changedMonths', { months: result.changedReportedMonths.join(', ') }));
      }
    } finally {
      await port.close();
    }
    return EXIT.ok;
  } catch (error) {
    return failure(error, env);
  }
}

/** `hub` subcommands that need the desk's register; run.ts hands them to runHubCommand. */
export const DESK_HUB_COMMANDS: Record<string, AsyncCommand> = { join: runJoin };

/** `sync`, an async command of run.ts. */
export const runSyncCommand: AsyncCommand = runSync;

// `--scope desk|region` (or `--scope=…`) taken out of a command's arguments.
function takeScope(args: string[], t: i18n['t']): { scope: 'desk' | 'region'; rest: string[] } {
  const rest: string[] = [];
  let scope: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--scope') scope = args[++i] ?? '';
    else if (arg.startsWith('--scope=')) scope = arg.slice('--scope='.length);
    else rest.push(arg);
  }
  if (scope !== undefined && scope !== 'desk' && scope !== 'region') {
    throw new CliInputError([`scope: ${t('cli:scope.invalid')}`]);
  }
  return { scope: scope ?? 'desk', rest };
}

/**
 * A command with `--scope desk|region`: the desk's own command for `desk` (the default),
 * the region's for `region`.
 */
export function withRegionScope<E extends CommandEnv>(
  desk: (args: string[], env: E) => void | number,
  region: (args: string[], env: E) => void | number,
): (args: string[], env: E) => void | number {
  return (args, env) => {
    const { scope, rest } = takeScope(args, env.t);
    return scope === 'region' ? region(rest, env) : desk(rest, env);
  };
}

/**
 * `findings --scope region [--card ID]`: every non-voided card of the region as this desk
 * knows it (its own and the pulled ones), each with the desk it belongs to and its
 * findings over the whole region.
 */
export function runRegionFindings(args: string[], env: CommandEnv): void {
  const { values } = parseArgs({ args, options: { card: { type: 'string' } }, strict: true });
  const { services } = env.backend();
  const all = regionFindings(services, createFindingTranslator(env.language));
  const wanted = values.card?.toLowerCase();
  const out = wanted === undefined ? all : all.filter((c) => c.cardId === wanted);
  if (wanted !== undefined && out.length === 0) {
    throw new CliInputError([`card: ${env.t('cli:findings.unknownCard', { id: values.card })}`]);
  }
  env.stdout(
    JSON.stringify(
      out.map((c) => ({
        cardId: c.cardId,
        deskId: c.deskId,
        desk: c.desk,
        own: c.own,
        findings: c.findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message })),
      })),
    ),
  );
}

function isFormat(text: string): text is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(text);
}

/**
 * `report --scope region --month YYYY-MM [--format …] [--out PATH]`: §5 over this desk's
 * and the pulled cards. Without --out the report and each desk's last push (deskCoverage)
 * go to stdout as JSON, as `hub report` prints them; with --out the file(s) are written
 * and the month recorded as exported for the region.
 */
export function runRegionReport(args: string[], env: ReportCommandEnv): void {
  const { values } = parseArgs({
    args,
    options: { month: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
    strict: true,
  });
  const format = values.format ?? 'json';
  const lines: string[] = [];
  if (values.month === undefined) lines.push(`month: ${env.t('validation.required')}`);
  else if (!ReportMonth.safeParse(values.month).success)
    lines.push(`month: ${env.t('validation.month.format')}`);
  if (!isFormat(format)) lines.push(`format: ${env.t('cli:report.badFormat')}`);
  else if (values.out === undefined && format !== 'json') {
    lines.push(`out: ${env.t('cli:report.outRequired', { format })}`);
  }
  if (values.out !== undefined && values.out.trim() === '')
    lines.push(`out: ${env.t('validation.required')}`);
  if (lines.length > 0 || values.month === undefined || !isFormat(format)) throw new CliInputError(lines);
  const month = values.month;
  const { services } = env.backend();
  if (values.out === undefined) {
    const report = buildRegionReport(services, month);
    env.stdout(JSON.stringify({ ...report, deskCoverage: deskCoverage(services, month) }, null, 2));
    return;
  }
  const path = resolve(env.cwd ?? process.env.INIT_CWD ?? process.cwd(), values.out);
  try {
    env.stdout(
      JSON.stringify(exportRegionReportSync(services, { month, format, path }, env.version ?? 'okänd')),
    );
  } catch (error) {
    if (!(error instanceof AppError) || !error.fields) throw error;
    throw new CliInputError(
      error.fields.map(
        (f) =>
          `${f.field === 'path' ? 'out' : f.field}: ${env.t(`cli:report.${f.message}`, {
            path,
            defaultValue: env.t(`validation.${f.message}`, { defaultValue: f.message }),
          })}`,
      ),
    );
  }
}
