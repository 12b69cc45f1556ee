import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HsaId } from '../../shared/domain/card';
import { toFieldErrors, type FieldError } from '../../shared/domain/errors';
import { readTimeCell } from '../../shared/import/card-rows';
import { parseInstant } from '../../shared/time/stockholm';
import type { Backend } from '../app/backend';
import { writeFileAtomic } from '../export/atomic-write';
import { DatabaseDamagedError } from '../db/health';
import { AppError } from '../services/app-error';
import {
  eraseExpiredPersonalData,
  exportPersonalData,
  retentionYears,
  setRetentionYears,
} from '../services/personal-data';
import { checkExportTarget, registerPathOf } from '../services/export-target';
import { CliInputError, type CommandEnv } from './rules-commands';

/** The common command environment, plus where relative paths start (run.ts may pass it). */
export type MaintenanceEnv = CommandEnv & { cwd?: string };

function fieldLines(env: CommandEnv, errors: FieldError[]): string[] {
  return errors.map(
    (e) => `${e.field}: ${env.t(`validation.${e.message}`, { ...e.params, defaultValue: e.message })}`,
  );
}

function usage(env: CommandEnv, key: string): CliInputError {
  return new CliInputError([`${env.t('cli:usage.prefix')}: ${env.t(`maintenanceCli.${key}`)}`]);
}

// `npm run` starts in the package folder; INIT_CWD is where the person typed the command.
function absolute(env: MaintenanceEnv, path: string): string {
  return resolve(env.cwd ?? process.env.INIT_CWD ?? process.cwd(), path);
}

// Typed service errors become exit-2 lines naming the field; a damaged register says how to restore.
function runService<T>(env: CommandEnv, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof AppError && error.fields) throw new CliInputError(fieldLines(env, error.fields));
    if (error instanceof AppError && error.code === 'not-found') {
      throw new CliInputError([`name: ${env.t('validation.backup.name')}`]);
    }
    if (error instanceof DatabaseDamagedError) {
      throw new Error(env.t('maintenanceCli.damaged', { problem: error.problems[0] ?? '' }));
    }
    throw error;
  }
}

/** `backup [--out FILE]` takes a verified backup; `backup list` lists them, newest first. */
export function runBackup(args: string[], env: MaintenanceEnv): void {
  const { values, positionals } = parseArgs({
    args,
    options: { out: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const { maintenance } = env.backend();
  if (positionals.length === 1 && positionals[0] === 'list' && values.out === undefined) {
    env.stdout(JSON.stringify(maintenance.listBackups()));
    return;
  }
  if (positionals.length > 0) throw usage(env, 'usageBackup');
  if (values.out !== undefined && values.out.trim() === '') {
    throw new CliInputError([`out: ${env.t('validation.required')}`]);
  }
  const path = values.out === undefined ? undefined : absolute(env, values.out);
  const created = runService(env, () => {
    try {
      return maintenance.createBackup(path);
    } catch (error) {
      // The person typed --out, so that is the field the line names.
      if (!(error instanceof AppError) || !error.fields) throw error;
      throw new AppError(
        error.code,
        error.message,
        error.fields.map((f) => ({ ...f, field: f.field === 'path' ? 'out' : f.field })),
      );
    }
  });
  env.stdout(JSON.stringify(created));
}

/**
 * `restore NAME --yes`: replaces the database with a backup from `backup list`, after
 * verifying it and copying the current database aside. Without --yes nothing happens.
 */
export function runRestore(args: string[], env: MaintenanceEnv): void {
  const { values, positionals } = parseArgs({
    args,
    options: { yes: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw usage(env, 'usageRestore');
  if (!values.yes) throw usage(env, 'confirmRestore');
  const { maintenance } = env.backend();
  const restored = runService(env, () => maintenance.restoreBackup(positionals[0]!));
  env.stdout(JSON.stringify(restored));
}

function services(env: CommandEnv): Backend['services'] {
  return runService(env, () => env.backend().services);
}

/**
 * `personal-data erase-expired [--now INSTANT]`, `personal-data export --holder HSA-ID
 * [--out FILE]` and `personal-data retention [--years N]`.
 */
export function runPersonalData(args: string[], env: MaintenanceEnv): void {
  const { values, positionals } = parseArgs({
    args,
    options: {
      now: { type: 'string' },
      holder: { type: 'string' },
      out: { type: 'string' },
      years: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const [action, ...rest] = positionals;
  if (rest.length > 0) throw usage(env, 'usagePersonalData');
  if (action === 'erase-expired' && !values.holder && !values.out && !values.years) {
    let now: number | undefined;
    if (values.now !== undefined) {
      const read = readTimeCell(values.now);
      const ms = read.ok ? parseInstant(read.value) : null;
      if (ms === null) {
        const error = read.ok
          ? { field: 'now', message: 'instant.format' }
          : { field: 'now', message: read.message, ...(read.params ? { params: read.params } : {}) };
        throw new CliInputError(fieldLines(env, [error]));
      }
      now = ms;
    }
    const ctx = services(env);
    env.stdout(JSON.stringify(eraseExpiredPersonalData(ctx, now ?? ctx.now())));
    return;
  }
  if (action === 'export' && !values.now && !values.years) {
    const parsed = HsaId.safeParse(values.holder);
    if (!parsed.success) {
      throw new CliInputError(
        fieldLines(
          env,
          toFieldErrors(parsed.error).map((e) => ({ ...e, field: 'holder' })),
        ),
      );
    }
    const ctx = services(env);
    const path = values.out === undefined ? undefined : absolute(env, values.out);
    // Checked before the export, which is audited: a refused file leaves no trace.
    if (path !== undefined) runService(env, () => checkExportTarget(path, registerPathOf(ctx.db), {}, 'out'));
    const text = `${JSON.stringify(exportPersonalData(ctx, parsed.data), null, 2)}\n`;
    if (path === undefined) env.stdout(text.trimEnd());
    else {
      writeFileAtomic(path, text);
      env.stdout(JSON.stringify({ path }));
    }
    return;
  }
  if (action === 'retention' && !values.now && !values.holder && !values.out) {
    const ctx = services(env);
    if (values.years !== undefined) {
      const years = /^\s*\d+\s*$/.test(values.years) ? Number(values.years) : values.years;
      runService(env, () => setRetentionYears(ctx, years));
    }
    env.stdout(JSON.stringify({ retentionYears: retentionYears(ctx) }));
    return;
  }
  throw usage(env, 'usagePersonalData');
}
