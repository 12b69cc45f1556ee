import { z } from 'zod';
import { CardInput, type CardValues } from '../../shared/domain/card';
import { toFieldErrors, type FieldError } from '../../shared/domain/errors';
import { OrganisationInput } from '../../shared/domain/organisation';
import type { RuleCard } from '../../shared/rules';
import type { Organisation } from '../../shared/domain/organisation';
import type { AuditRepository } from '../db/repositories/audit';
import type { CardRepository } from '../db/repositories/cards';
import type { OrganisationRepository } from '../db/repositories/organisations';
import { AppError } from './app-error';
import type { ServiceContext } from './context';
import { storeCard } from './cards';
import { prepareImportRecompute } from './findings';
import { ensureOrganisation } from './organisations';

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

/**
 * What an import writes through instead of the context's own, for the length of its one
 * transaction (see createImportContext). Each is a full repository of its kind.
 */
export interface ImportRepositories {
  /** The desk user, read once rather than for each of 100 000 audit entries. */
  actor: () => string;
  /** Organisations looked up once each. */
  organisations: OrganisationRepository;
  /** Appends that carry the audit chain's end along instead of reading it back per entry. */
  audit: AuditRepository;
  /** Into an empty register: existence known from what the import stored. */
  cards: CardRepository;
}

// Every entry of the transaction chained from the end read once at its start.
function auditCarryingItsEnd(audit: AuditRepository): AuditRepository {
  return {
    append: audit.transactionAppender(),
    transactionAppender: audit.transactionAppender,
    listFor: audit.listFor,
    count: audit.count,
  };
}

// Each HSA-id is read once; an organisation the import creates is read again after.
function organisationsReadOnce(organisations: OrganisationRepository): OrganisationRepository {
  const known = new Map<string, Organisation | undefined>();
  return {
    get(hsaId) {
      if (!known.has(hsaId)) known.set(hsaId, organisations.get(hsaId));
      return known.get(hsaId);
    },
    insert(organisation, at) {
      organisations.insert(organisation, at);
      known.delete(organisation.hsaId);
    },
    list: organisations.list,
    findIgnoringCase: organisations.findIgnoringCase,
    rename(hsaId, name) {
      organisations.rename(hsaId, name);
      known.clear();
    },
  };
}

// Into a register that started empty, the cards that exist are exactly those stored since.
function cardsStoredHere(cards: CardRepository): CardRepository {
  const stored = new Set<string>();
  return {
    exists: (id) => stored.has(id),
    insert(card, at) {
      cards.insert(card, at);
      stored.add(card.id);
    },
    get: cards.get,
    findingsOf: cards.findingsOf,
    count: cards.count,
    list: cards.list,
    setEnd: cards.setEnd,
    setVoided: cards.setVoided,
    overwrite: cards.overwrite,
    openExpiringBetween: cards.openExpiringBetween,
    openExpiredBy: cards.openExpiredBy,
  };
}

/** The repositories of one import transaction; call inside it. */
export function importRepositories(
  ctx: ServiceContext,
  { startsEmpty }: { startsEmpty: boolean },
): ImportRepositories {
  const actor = ctx.actor();
  return {
    actor: () => actor,
    organisations: organisationsReadOnce(ctx.organisations),
    audit: auditCarryingItsEnd(ctx.audit),
    cards: startsEmpty ? cardsStoredHere(ctx.cards) : ctx.cards,
  };
}

/**
 * The service context for one import transaction: the context with its import
 * repositories in place, all fixed for the length of the transaction. Into a register
 * that `startsEmpty` it keeps the stored cards' ids instead of asking the database about
 * each row.
 */
export function createImportContext(ctx: ServiceContext, options: { startsEmpty: boolean }): ServiceContext {
  return { ...ctx, ...importRepositories(ctx, options) };
}

/** Orders rows for storing: a card may extend one that comes later in the same file, so those go last. */
export function orderForStore<T extends { values: CardValues }>(cards: readonly T[]): T[] {
  const idsInFile = new Set(cards.map((c) => c.values.id).filter(Boolean));
  return [
    ...cards.filter((c) => !c.values.extendsCardId || !idsInFile.has(c.values.extendsCardId)),
    ...cards.filter((c) => c.values.extendsCardId && idsInFile.has(c.values.extendsCardId)),
  ];
}

/** The validated rows of an import file, read a slice at a time (see openCardCsv). */
export interface ImportRowSource {
  /** Number of data rows. */
  readonly size: number;
  /** Rows [start, end) (0-based): the valid cards and the errors of the others. */
  read(start: number, end: number): { cards: { row: string; values: CardValues }[]; errors: RowError[] };
}

/**
 * Rows validated and stored per step: each step reads its holders' histories at once, and
 * nothing of a row but what the findings need outlives its step. A source is read in
 * steps of this size, in order.
 */
export const ROWS_PER_STEP = 1_000;

/**
 * Writes validated organisations and cards in one transaction: any register-dependent
 * error (unknown organisation, id conflict, …) on any row rolls the whole import back and
 * is reported with its row. Shared by the JSON file and the UI's import.
 */
export function storeImport(
  ctx: ServiceContext,
  organisations: readonly OrganisationInput[],
  cards: readonly { row: string; values: CardValues }[],
): ImportSummary {
  return storeImportRows(
    ctx,
    { size: cards.length, read: (start, end) => ({ cards: cards.slice(start, end), errors: [] }) },
    organisations,
  );
}

/**
 * Validates and stores an import a step at a time, all in one transaction, so a file of
 * 100 000 rows is never held parsed in memory at once. The outcome is that of validating
 * everything first: if any row is invalid, the file is refused with every validation
 * error (and the rows stored so far are rolled back); else any register-dependent error
 * refuses it with all of those. A card extending one later in the file waits until the end.
 */
export function storeImportRows(
  ctx: ServiceContext,
  source: ImportRowSource,
  organisations: readonly OrganisationInput[] = [],
): ImportSummary {
  return ctx.transaction((): ImportSummary => {
    const registered = source.size >= BULK_MIN_ROWS ? ctx.bulk.cardCount() : null;
    const bulkLoad = registered !== null && source.size >= registered;
    const batch = createImportContext(ctx, { startsEmpty: registered === 0 });
    const at = ctx.now();
    for (const organisation of organisations)
      ensureOrganisation(batch, organisation, at, 'organisation.import');
    const summary: ImportSummary = { imported: 0, unchanged: 0 };
    const inserted: RuleCard[] = [];
    const invalid: RowError[] = [];
    const refused: RowError[] = [];
    const waiting: { row: string; values: CardValues }[] = [];
    // A bulk load reads the (smaller) register's history up front and then needs no index.
    const recompute = prepareImportRecompute(batch, { wholeRegister: bulkLoad });
    const restoreIndexes = bulkLoad ? ctx.bulk.suspendIndexes() : () => {};
    const store = ({ row, values }: { row: string; values: CardValues }) => {
      try {
        const outcome = storeCard(batch, values, 'card.import');
        summary[outcome.status === 'inserted' ? 'imported' : 'unchanged']++;
        if (outcome.status === 'inserted') inserted.push(toRuleCard(values, outcome.id));
      } catch (error) {
        if (!(error instanceof AppError) || !error.fields) throw error;
        for (const e of error.fields) refused.push({ ...e, row });
      }
    };
    for (let start = 0; start < source.size; start += ROWS_PER_STEP) {
      const { cards, errors } = source.read(start, start + ROWS_PER_STEP);
      for (const e of errors) invalid.push(e);
      // Once one row is invalid the file is refused: the rest is only validated.
      if (invalid.length > 0) continue;
      recompute.prefetch(cards.map((c) => c.values));
      for (const card of cards) {
        const extended = card.values.extendsCardId;
        if (extended && !batch.cards.exists(extended)) waiting.push(card);
        else store(card);
      }
    }
    // Throwing rolls the whole transaction back: nothing of the file is kept.
    if (invalid.length > 0) throw new ImportRejected(invalid);
    for (const card of waiting) store(card);
    if (refused.length > 0) throw new ImportRejected(refused.sort((a, b) => Number(a.row) - Number(b.row)));
    restoreIndexes();
    recompute.finish(inserted);
    return summary;
  });
}

// What the rules read of a stored card, as they read it back from the database; the
// validated values' other fields are not kept for the rest of a long import.
function toRuleCard(values: CardValues, id: string): RuleCard {
  return {
    id,
    assuranceLevel: values.assuranceLevel,
    cardNumber: values.cardNumber,
    holderHsaId: values.holderHsaId,
    holderIdType: values.holderIdType,
    unplannedPersonnel: values.unplannedPersonnel,
    issuedAt: values.issuedAt,
    expiresAt: values.expiresAt,
    issuedBy: values.issuedBy,
    endedAt: values.endedAt,
  };
}
