import { parseArgs } from 'node:util';
import { toFieldErrors, type FieldError } from '../../shared/domain/errors';
import { OrganisationRenameInput } from '../../shared/domain/organisation';
import { AppError } from '../services/app-error';
import { renameOrganisation } from '../services/organisations';
import { CliInputError, type CommandEnv } from './rules-commands';

function fieldLines(env: CommandEnv, errors: FieldError[]): string[] {
  return errors.map(
    (e) => `${e.field}: ${env.t(`validation.${e.message}`, { ...e.params, defaultValue: e.message })}`,
  );
}

/**
 * `organisations` lists every organisation (`[{ hsaId, name }]`, by name);
 * `organisations rename HSA-ID --name NAME` corrects one's name, audited, and prints it.
 * An unknown HSA-id or a bad name is invalid input (exit 2), naming the field.
 */
export function runOrganisations(args: string[], env: CommandEnv): void {
  const { values, positionals } = parseArgs({
    args,
    options: { name: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const [action, ...rest] = positionals;
  const usage = () =>
    new CliInputError([`${env.t('cli:usage.prefix')}: ${env.t('cli:usage.organisations')}`]);
  if (action === undefined) {
    if (values.name !== undefined) throw usage();
    env.stdout(JSON.stringify(env.backend().services.organisations.list()));
    return;
  }
  if (action !== 'rename' || rest.length !== 1) throw usage();
  const parsed = OrganisationRenameInput.safeParse({ hsaId: rest[0], name: values.name });
  if (!parsed.success) throw new CliInputError(fieldLines(env, toFieldErrors(parsed.error)));
  try {
    const renamed = renameOrganisation(env.backend().services, parsed.data.hsaId, parsed.data.name);
    env.stdout(JSON.stringify(renamed));
  } catch (error) {
    if (error instanceof AppError && error.fields) throw new CliInputError(fieldLines(env, error.fields));
    throw error;
  }
}
