import { z } from 'zod';
import { CardInput, type CardValues } from '../../shared/domain/card';
import { toFieldErrors, type FieldError } from '../../shared/domain/errors';
import { OrganisationInput } from '../../shared/domain/organisation';
import type { RuleCard } from '../../shared/rules';
import type { Db } from '../db/open';
import { createBulkRepository } from '../db/repositories/bulk';
import { AppError } from '../ipc/app-error';
import type { ServiceContext } from './context';
import { storeCard } from './cards';
import { prepareImportRecompute } from './findings';

/** One problem in an import file: the row (1-based card index, or `organisations N`) and the field. */
export interface RowError extends FieldError {
  row: string;
}

/** An import that was refused as a whole; nothing was written. */
export class ImportRejected extends Error {
  constructor(readonly errors: RowError[]) {
    super(`import rejected: ${errors.length} error(s)`);
    this.name = 'ImportRejected';
  }
}

export interface ImportSummary {
  imported: number;
  unchanged: number;
}

/** The file shape of SPEC §6: `{ organisations: [{hsaId, name}], cards: [card…] }`. */
const ImportFile = z.strictObject(
  {
    organisations: z.array(z.unknown(), { error: 'type.array' }).optional(),
    cards: z.array(z.unknown(), { error: (iss) => (iss.input === undefined ? 'required' : 'type.array') }),
  },
  { error: (iss) => (iss.code === 'unrecognized_keys' ? 'field.unknown' : 'type.object') },
);

/**
 * Imports a register file all or nothing: every row is validated, every error collected
 * with its row number, and only a file without errors is written — in one transaction.
 * Re-importing an identical card is a no-op; the same id with other content is an error.
 */
export function importRegister(ctx: ServiceContext, payload: unknown): ImportSummary {
  const file = ImportFile.safeParse(payload);
  if (!file.success) {
    throw new ImportRejected(toFieldErrors(file.error).map((e) => ({ ...e, row: 'file' })));
  }
  const errors: RowError[] = [];
  const organisations = (file.data.organisations ?? []).flatMap((raw, index) => {
    const parsed = OrganisationInput.safeParse(raw);
    if (parsed.success) return [parsed.data];
    for (const e of toFieldErrors(parsed.error)) errors.push({ ...e, row: `organisations ${index + 1}` });
    return [];
  });
  const cards = file.data.cards.flatMap((raw, index) => {
    const parsed = CardInput.safeParse(raw);
    if (parsed.success) return [{ row: String(index + 1), values: parsed.data }];
    for (const e of toFieldErrors(parsed.error)) errors.push({ ...e, row: String(index + 1) });
    return [];
  });
  if (errors.length > 0) throw new ImportRejected(errors);
  return storeImport(ctx, organisations, cards);
}

// From this many rows, and when the file is at least as large as the register, the cards'
// indexes are rebuilt once at the end instead of updated per row (see bulk.ts).
const BULK_MIN_ROWS = 5_000;

const bulkRepositories = new WeakMap<Db, ReturnType<typeof createBulkRepository>>();
function bulk(ctx: ServiceContext) {
  let repository = bulkRepositories.get(ctx.db);
  if (!repository) bulkRepositories.set(ctx.db, (repository = createBulkRepository(ctx.db)));
  return repository;
}

/**
 * The service context for one import transaction: the desk user is read once, not for
 * each of 100 000 audit entries, organisations are looked up once each, and the audit
 * chain's end is carried along. All are fixed for the length of the transaction.
 */
function batchContext(ctx: ServiceContext): ServiceContext {
  const actor = ctx.actor();
  const known = new Map<string, ReturnType<ServiceContext['organisations']['get']>>();
  const organisations: ServiceContext['organisations'] = {
    ...ctx.organisations,
    get(hsaId) {
      if (!known.has(hsaId)) known.set(hsaId, ctx.organisations.get(hsaId));
      return known.get(hsaId);
    },
    insert(organisation, at) {
      ctx.organisations.insert(organisation, at);
      known.delete(organisation.hsaId);
    },
  };
  const audit: ServiceContext['audit'] = { ...ctx.audit, append: ctx.audit.transactionAppender() };
  return { ...ctx, actor: () => actor, organisations, audit };
}

/** Orders rows for storing: a card may extend one that comes later in the same file, so those go last. */
export function orderForStore<T extends { values: CardValues }>(cards: readonly T[]): T[] {
  const idsInFile = new Set(cards.map((c) => c.values.id).filter(Boolean));
  return [
    ...cards.filter((c) => !c.values.extendsCardId || !idsInFile.has(c.values.extendsCardId)),
    ...cards.filter((c) => c.values.extendsCardId && idsInFile.has(c.values.extendsCardId)),
  ];
}

/**
 * Writes validated organisations and cards in one transaction: any register-dependent
 * error (unknown organisation, id conflict, …) on any row rolls the whole import back and
 * is reported with its row. Shared by the JSON file, the CSV file and the UI's import.
 */
export function storeImport(
  ctx: ServiceContext,
  organisations: readonly OrganisationInput[],
  cards: readonly { row: string; values: CardValues }[],
): ImportSummary {
  return ctx.db.transaction((): ImportSummary => {
    const batch = batchContext(ctx);
    const at = ctx.now();
    for (const organisation of organisations) {
      if (batch.organisations.get(organisation.hsaId)) continue;
      batch.organisations.insert(organisation, at);
      batch.audit.append({
        at,
        actor: batch.actor(),
        action: 'organisation.import',
        entity: 'organisation',
        entityId: organisation.hsaId,
        before: null,
        after: organisation,
      });
    }
    const summary: ImportSummary = { imported: 0, unchanged: 0 };
    const inserted: RuleCard[] = [];
    const recompute = prepareImportRecompute(
      batch,
      cards.map((c) => c.values),
    );
    const errors: RowError[] = [];
    const restoreIndexes =
      cards.length >= BULK_MIN_ROWS && cards.length >= bulk(ctx).cardCount()
        ? bulk(ctx).suspendIndexes()
        : () => {};
    for (const { row, values } of orderForStore(cards)) {
      try {
        const outcome = storeCard(batch, values, 'card.import');
        summary[outcome.status === 'inserted' ? 'imported' : 'unchanged']++;
        if (outcome.status === 'inserted') {
          // As the rules read it back from the database (findings.ts toRuleCard).
          inserted.push({
            id: outcome.id,
            assuranceLevel: values.assuranceLevel,
            cardNumber: values.cardNumber,
            holderHsaId: values.holderHsaId,
            holderIdType: values.holderIdType,
            unplannedPersonnel: values.unplannedPersonnel,
            issuedAt: values.issuedAt,
            expiresAt: values.expiresAt,
            issuedBy: values.issuedBy,
            endedAt: values.endedAt,
          });
        }
      } catch (error) {
        if (!(error instanceof AppError) || !error.fields) throw error;
        for (const e of error.fields) errors.push({ ...e, row });
      }
    }
    if (errors.length > 0) {
      errors.sort((a, b) => Number(a.row) - Number(b.row));
      // Throwing rolls the whole transaction back: nothing of the file is kept.
      throw new ImportRejected(errors);
    }
    restoreIndexes();
    recompute.finish(inserted);
    return summary;
  })();
}
