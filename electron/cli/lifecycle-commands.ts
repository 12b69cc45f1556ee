import { parseArgs } from 'node:util';
import type { i18n } from 'i18next';
import { toFieldErrors, type FieldError } from '../../shared/domain/errors';
import { EndCardInput, ReviewQuery, VoidCardInput } from '../../shared/domain/lifecycle';
import { readTimeCell } from '../../shared/import/card-rows';
import { AppError } from '../services/app-error';
import { verifyAudit } from '../services/audit-verify';
import { endCard, voidCard } from '../services/lifecycle';
import { reviewLists } from '../services/review';
import { CliInputError, type CommandEnv } from './rules-commands';

/** What every command gets, plus stderr for a command that reports more than bad input. */
export interface LifecycleEnv extends CommandEnv {
  stderr: (text: string) => void;
}

function fieldLines(t: i18n['t'], errors: FieldError[]): string[] {
  return errors.map(
    (e) => `${e.field}: ${t(`validation.${e.message}`, { ...e.params, defaultValue: e.message })}`,
  );
}

function usage(env: CommandEnv, key: string): CliInputError {
  return new CliInputError([`${env.t('cli:usage.prefix')}: ${env.t(`cli:usage.${key}`)}`]);
}

/**
 * Reads a time option: an instant with offset, or a local `YYYY-MM-DD HH:MM` in
 * Stockholm — a local time in the DST gap or overlap is refused, naming the field.
 */
function timeOption(field: string, value: string | undefined): { value?: string; error?: FieldError } {
  if (value === undefined) return {};
  const read = readTimeCell(value);
  if (read.ok) return { value: read.value };
  return { error: { field, message: read.message, ...(read.params ? { params: read.params } : {}) } };
}

// Service errors that name fields become exit-2 lines; an unknown card too. Anything else is a failure.
function runService<T>(env: CommandEnv, id: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof AppError && error.fields) throw new CliInputError(fieldLines(env.t, error.fields));
    if (error instanceof AppError && error.code === 'not-found') {
      throw new CliInputError([`id: ${env.t('cli:lifecycle.unknownCard', { id })}`]);
    }
    throw error;
  }
}

/** `review [--now INSTANT] [--within HOURS]`: the expiring-soon and overdue lists (SPEC §4, §6). */
export function runReview(args: string[], env: CommandEnv): void {
  const { values } = parseArgs({
    args,
    options: { now: { type: 'string' }, within: { type: 'string' } },
    strict: true,
  });
  const now = timeOption('now', values.now);
  const within = values.within?.trim();
  const parsed = ReviewQuery.safeParse({
    ...(now.value !== undefined ? { now: now.value } : {}),
    ...(within !== undefined ? { withinHours: /^\d+$/.test(within) ? Number(within) : within } : {}),
  });
  const errors = [...(now.error ? [now.error] : []), ...(parsed.success ? [] : toFieldErrors(parsed.error))];
  if (errors.length > 0 || !parsed.success) throw new CliInputError(fieldLines(env.t, errors));
  // The CLI prints every card, in the shape SPEC §6 gives.
  const { expiringSoon, overdue } = reviewLists(env.backend().services, parsed.data ?? {});
  env.stdout(JSON.stringify({ expiringSoon, overdue }));
}

/** `void ID --why TEXT`: voids a card registered by mistake; prints the card. */
export function runVoid(args: string[], env: CommandEnv): void {
  const { values, positionals } = parseArgs({
    args,
    options: { why: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw usage(env, 'void');
  const id = positionals[0]!;
  const parsed = VoidCardInput.safeParse({ id, why: values.why });
  if (!parsed.success) throw new CliInputError(fieldLines(env.t, toFieldErrors(parsed.error)));
  const { services } = env.backend();
  const card = runService(env, id, () => voidCard(services, parsed.data.id, parsed.data.why));
  env.stdout(JSON.stringify(card));
}

/** `end ID --at INSTANT --reason returned|revoked`: records a return or revocation; prints the card. */
export function runEnd(args: string[], env: CommandEnv): void {
  const { values, positionals } = parseArgs({
    args,
    options: { at: { type: 'string' }, reason: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw usage(env, 'end');
  const id = positionals[0]!;
  const at = timeOption('endedAt', values.at);
  const parsed = EndCardInput.safeParse({ id, endedAt: at.value ?? values.at, endReason: values.reason });
  const errors = parsed.success ? [] : toFieldErrors(parsed.error);
  if (at.error) errors.splice(0, errors.length, at.error, ...errors.filter((e) => e.field !== 'endedAt'));
  if (errors.length > 0 || !parsed.success) throw new CliInputError(fieldLines(env.t, errors));
  const { services } = env.backend();
  const { endedAt, endReason } = parsed.data;
  env.stdout(JSON.stringify(runService(env, id, () => endCard(services, id, endedAt, endReason))));
}

/**
 * `audit verify`: checks the audit log's hash chain, and that the database still holds the
 * newest entry recorded beside it (`<register>.audit-head`); exit 1, naming the first
 * broken or missing entry, when either fails. `audit accept-head --yes`: IT accepts a
 * database found behind its recorded head (audited); the check is clear from then on.
 */
export function runAudit(args: string[], env: LifecycleEnv): number {
  const [sub, ...rest] = args;
  if (sub === 'accept-head' && rest.length === 1 && rest[0] === '--yes') {
    env.stdout(JSON.stringify({ accepted: env.backend().maintenance.acceptAuditHead() }));
    return 0;
  }
  if (sub !== 'verify' || rest.length > 0) throw usage(env, 'audit');
  const backend = env.backend();
  const result = verifyAudit(backend.services);
  const rollback = backend.auditRollback();
  if (!result.ok) {
    env.stdout(JSON.stringify(result));
    env.stderr(env.t('cli:audit.broken', { seq: result.firstBrokenSeq, reason: result.reason }));
    return 1;
  }
  if (rollback) {
    env.stdout(
      JSON.stringify({
        ok: false,
        firstBrokenSeq: Math.min(rollback.databaseSeq + 1, rollback.recordedSeq),
        reason: 'behind-recorded-head',
        rows: result.rows,
        ...rollback,
      }),
    );
    env.stderr(env.t('cli:audit.rollback', rollback));
    return 1;
  }
  env.stdout(JSON.stringify(result));
  return 0;
}
