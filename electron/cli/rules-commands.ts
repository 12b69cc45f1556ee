import { parseArgs } from 'node:util';
import type { i18n } from 'i18next';
import { DecisionInput } from '../../shared/domain/decision';
import { toFieldErrors, type FieldError } from '../../shared/domain/errors';
import { parseOfficeHours } from '../../shared/domain/settings';
import type { Language } from '../../shared/i18n';
import { createFindingTranslator } from '../../shared/rules';
import type { Backend } from '../app/backend';
import { AppError } from '../services/app-error';
import { findingsForCard } from '../services/findings';
import { addDecision, updateSettings } from '../services/rules-data';

/** Thrown for bad arguments or input: the CLI prints each line and exits with 2. */
export class CliInputError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

export interface CommandEnv {
  backend: () => Backend;
  stdout: (text: string) => void;
  t: i18n['t'];
  language: Language;
}

function fieldLines(t: i18n['t'], errors: FieldError[]): string[] {
  return errors.map(
    (e) => `${e.field}: ${t(`validation.${e.message}`, { ...e.params, defaultValue: e.message })}`,
  );
}

// Service errors that name fields become exit-2 lines; anything else stays a failure.
function asInputError(t: i18n['t'], error: unknown): never {
  if (error instanceof AppError && error.fields) throw new CliInputError(fieldLines(t, error.fields));
  throw error;
}

/** `findings [--card ID]`: the findings of every non-voided card, or of one card. */
export function runFindings(args: string[], env: CommandEnv): void {
  const { values } = parseArgs({ args, options: { card: { type: 'string' } }, strict: true });
  const { services } = env.backend();
  const translate = createFindingTranslator(env.language);
  const ids = values.card ? [values.card.toLowerCase()] : services.findings.liveIds();
  if (values.card && !services.cards.exists(ids[0]!)) {
    throw new CliInputError([`card: ${env.t('cli:findings.unknownCard', { id: values.card })}`]);
  }
  const out = ids.map((cardId) => {
    let findings;
    try {
      findings = findingsForCard(services, cardId, translate);
    } catch (error) {
      asInputError(env.t, error);
    }
    return {
      cardId,
      findings: findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message })),
    };
  });
  env.stdout(JSON.stringify(out));
}

/** `settings [--office-hours HH:MM-HH:MM] [--closed-day DATE]… [--remove-closed-day DATE]… [--expiring-soon-hours N]`. */
export function runSettings(args: string[], env: CommandEnv): void {
  const { values } = parseArgs({
    args,
    options: {
      'office-hours': { type: 'string' },
      'closed-day': { type: 'string', multiple: true },
      'remove-closed-day': { type: 'string', multiple: true },
      'expiring-soon-hours': { type: 'string' },
    },
    strict: true,
  });
  const { services } = env.backend();
  const change: { officeHours?: unknown; closedDays?: unknown; expiringSoonHours?: unknown } = {};
  if (values['office-hours'] !== undefined) {
    const hours = parseOfficeHours(values['office-hours']);
    if (!hours)
      throw new CliInputError(fieldLines(env.t, [{ field: 'officeHours', message: 'officeHours.format' }]));
    change.officeHours = hours;
  }
  if (values['closed-day'] || values['remove-closed-day']) {
    const remove = new Set(values['remove-closed-day'] ?? []);
    const current = services.settings.rules().closedDays.filter((d) => !remove.has(d));
    change.closedDays = [...current, ...(values['closed-day'] ?? [])];
  }
  if (values['expiring-soon-hours'] !== undefined) {
    const n = Number(values['expiring-soon-hours']);
    change.expiringSoonHours = values['expiring-soon-hours'].trim() === '' ? NaN : n;
  }
  if (Object.keys(change).length === 0) {
    env.stdout(JSON.stringify(services.settings.rules()));
    return;
  }
  try {
    env.stdout(JSON.stringify(updateSettings(services, change)));
  } catch (error) {
    asInputError(env.t, error);
  }
}

/** `decisions` lists; `decisions add --id … --title … --from … --to … --max-days N [--without-personnummer-until DATE]` adds. */
export function runDecisions(args: string[], env: CommandEnv): void {
  const [sub, ...rest] = args;
  const { services } = env.backend();
  if (sub === undefined) {
    env.stdout(JSON.stringify(services.decisions.list()));
    return;
  }
  if (sub !== 'add') throw new CliInputError([env.t('cli:usage.decisions')]);
  const { values } = parseArgs({
    args: rest,
    options: {
      id: { type: 'string' },
      title: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'max-days': { type: 'string' },
      'without-personnummer-until': { type: 'string' },
    },
    strict: true,
  });
  const maxDays = values['max-days'];
  const parsed = DecisionInput.safeParse({
    id: values.id,
    title: values.title,
    from: values.from,
    to: values.to,
    maxValidityDays: maxDays === undefined ? undefined : /^\d+$/.test(maxDays) ? Number(maxDays) : maxDays,
    withoutPersonnummerUntil: values['without-personnummer-until'] ?? null,
  });
  if (!parsed.success) throw new CliInputError(fieldLines(env.t, toFieldErrors(parsed.error)));
  try {
    env.stdout(JSON.stringify(addDecision(services, parsed.data)));
  } catch (error) {
    asInputError(env.t, error);
  }
}
