import { randomUUID } from 'node:crypto';
import type { CardRecord, CardValues } from '../../shared/domain/card';
import type { FieldError } from '../../shared/domain/errors';
import { CARD_FIELDS, type CardField } from '../../shared/import/card-rows';
import type { CardListPage, ChannelArgs } from '../../shared/ipc/contract';
import { toCardRecord, toCardValues, type NewCard } from '../db/repositories/cards';
import { AppError, invalidInput } from './app-error';
import { hasViolation } from '../../shared/rules';
import type { ServiceContext } from './context';
import { evaluate, loadRuleData, recomputeAround } from './findings';
import { ensureOrganisation } from './organisations';
import { recordCardEvent } from './outbox';

/** The outcome of storing one validated card. */
export type StoreOutcome = { status: 'inserted'; id: string } | { status: 'unchanged'; id: string };

// The fields that make two registrations "the same card" for an idempotent re-import:
// every field of SPEC §3 except the id and the name of an organisation created on the way.
type ContentField = Exclude<CardField, 'id' | 'organisationName'>;
const CONTENT_FIELDS = CARD_FIELDS.filter(
  (field): field is ContentField => field !== 'id' && field !== 'organisationName',
) satisfies readonly (keyof CardValues)[];

/** Tells whether two registrations carry the same content (ids aside). */
export function sameContent(a: CardValues, b: CardValues): boolean {
  return CONTENT_FIELDS.every((field) => JSON.stringify(a[field]) === JSON.stringify(b[field]));
}

/**
 * Checks what only the register can tell (organisation known or named, extended card
 * present, id free or identical) and stores the card with its audit entry. Must run
 * inside a transaction; throws invalid input naming the field and writes nothing else.
 */
export function storeCard(ctx: ServiceContext, values: CardValues, action = 'card.register'): StoreOutcome {
  const problems: FieldError[] = [];
  const at = ctx.now();
  const id = values.id ?? randomUUID();
  // The cheap existence check first: an import of new cards never needs the full row.
  const existing = values.id && ctx.cards.exists(values.id) ? ctx.cards.get(values.id) : undefined;
  if (existing) {
    if (sameContent(toCardValues(existing), values)) return { status: 'unchanged', id };
    problems.push({ field: 'id', message: 'id.conflict' });
  }
  if (!existing && values.id && ctx.pulledCards.exists(values.id))
    problems.push({ field: 'id', message: 'id.otherDesk' });
  const organisation = ctx.organisations.get(values.organisationHsaId);
  if (!organisation && !values.organisationName) {
    problems.push({ field: 'organisationName', message: 'organisationName.requiredForNew' });
  }
  if (
    values.extendsCardId &&
    !ctx.cards.exists(values.extendsCardId) &&
    !ctx.pulledCards.exists(values.extendsCardId)
  ) {
    problems.push({ field: 'extendsCardId', message: 'extendsCardId.unknown' });
  }
  if (problems.length > 0) throw invalidInput(problems);

  if (!organisation && values.organisationName) {
    ensureOrganisation(
      ctx,
      { hsaId: values.organisationHsaId, name: values.organisationName },
      at,
      'organisation.create',
    );
  }
  const card: NewCard = { ...values, id };
  ctx.cards.insert(card, at);
  recordCardEvent(ctx, 'registered', id);
  ctx.audit.append({
    at,
    actor: ctx.actor(),
    action,
    entity: 'card',
    entityId: id,
    before: null,
    after: { ...card, organisationName: undefined },
  });
  return { status: 'inserted', id };
}

/**
 * Registers one card from the form: all checks, the findings and the audit entry in one
 * transaction. A card with a violation is saved only with a justification (SPEC §4: the
 * UI asks for an explicit confirmation); warnings never block.
 */
export function registerCard(ctx: ServiceContext, values: CardValues): CardRecord {
  const outcome = ctx.transaction(() => {
    const stored = storeCard(ctx, values);
    const card = ctx.findings.ruleCard(stored.id)!;
    const data = loadRuleData(ctx);
    const findings = evaluate(ctx, card, data);
    if (stored.status === 'inserted' && hasViolation(findings) && !values.violationJustification) {
      // Throwing inside the transaction undoes the insert: nothing is written.
      throw invalidInput([{ field: 'violationJustification', message: 'violationJustification.required' }]);
    }
    recomputeAround(ctx, [card], data);
    return stored;
  });
  return getCard(ctx, outcome.id);
}

/**
 * One page of the register (`cards:list`), filtered and sorted in the database, each card
 * with its stored finding codes for the badges, and how many cards match in all.
 */
export function listCards(ctx: ServiceContext, query: ChannelArgs<'cards:list'>): CardListPage {
  const page = ctx.cards.list(query);
  const findings = ctx.cards.findingsOf(page.rows.map((r) => r.id));
  return {
    total: page.total,
    rows: page.rows.map((row) => ({ ...toCardRecord(row), findings: findings.get(row.id) ?? [] })),
  };
}

/** One card as the UI sees it; not-found when the id is unknown. */
export function getCard(ctx: ServiceContext, id: string): CardRecord {
  const row = ctx.cards.get(id.toLowerCase());
  if (!row) throw new AppError('not-found', `card ${id} not found`);
  return toCardRecord(row);
}
