import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatReportJson, ReportMonth } from '../../shared/report/monthly';
import { AppError } from '../services/app-error';
import { buildMonthlyReport } from '../services/report';
import { EXPORT_FORMATS, exportMonthlyReportSync, type ExportFormat } from '../services/report-export';
import { CliInputError, type CommandEnv } from './rules-commands';

/**
 * What `report` can use beyond the common command environment. Neither is passed by
 * run.ts today; they are read when present so the CLI's own io wins once it is.
 */
export type ReportCommandEnv = CommandEnv & { cwd?: string; version?: string };

// run.ts has readVersion too, but importing it from here would make the two modules import
// each other; the version only ends up in the XLSX "Om rapporten" sheet.
function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

function isFormat(text: string): text is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(text);
}

function checkArgs(
  env: ReportCommandEnv,
  values: { month?: string; format?: string; out?: string },
): { month: string; format: ExportFormat; out: string | undefined } {
  const lines: string[] = [];
  const { month, out } = values;
  const format = values.format ?? 'json';
  if (month === undefined) lines.push(`month: ${env.t('validation.required')}`);
  else if (!ReportMonth.safeParse(month).success) lines.push(`month: ${env.t('validation.month.format')}`);
  if (!isFormat(format)) lines.push(`format: ${env.t('cli:report.badFormat')}`);
  else if (out === undefined && format !== 'json')
    lines.push(`out: ${env.t('cli:report.outRequired', { format })}`);
  if (out !== undefined && out.trim() === '') lines.push(`out: ${env.t('validation.required')}`);
  if (lines.length > 0 || month === undefined || !isFormat(format)) throw new CliInputError(lines);
  return { month, format, out };
}

/**
 * `report --month YYYY-MM [--format json|xlsx|csv] [--out PATH]` (SPEC §6). Without
 * `--out` the canonical JSON goes to stdout and nothing is recorded (a preview). With
 * `--out` the file(s) are written atomically — for CSV, PATH is the base of
 * `<PATH>-statistik.csv` and `<PATH>-anledningar.csv` — the month is recorded as reported,
 * and `{ month, format, path, files, contentHash }` is printed.
 */
export function runReport(args: string[], env: ReportCommandEnv): void {
  const { values } = parseArgs({
    args,
    options: { month: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
    strict: true,
  });
  const { month, format, out } = checkArgs(env, values);
  const { services } = env.backend();
  if (out === undefined) {
    env.stdout(formatReportJson(buildMonthlyReport(services, month)).trimEnd());
    return;
  }
  // `npm run` starts in the package folder; INIT_CWD is where the person typed the command.
  const path = resolve(env.cwd ?? process.env.INIT_CWD ?? process.cwd(), out);
  try {
    const result = exportMonthlyReportSync(
      services,
      { month, format, path },
      env.version ?? packageVersion(),
    );
    env.stdout(JSON.stringify(result));
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
