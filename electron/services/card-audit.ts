import { toFieldErrors } from '../../shared/domain/errors';
import { ChangeReason } from '../../shared/domain/lifecycle';
import { toCardValues, type CardRow } from '../db/repositories/cards';
import { AppError, invalidInput } from './app-error';
import type { ServiceContext } from './context';

/** The stored card with this id (any case); not-found otherwise. */
export function loadCard(ctx: ServiceContext, id: string): CardRow {
  const row = ctx.cards.get(id.toLowerCase());
  if (!row) throw new AppError('not-found', `card ${id} not found`);
  return row;
}

/** What the audit log keeps of a card: its content plus its void state. */
export function auditSnapshot(row: CardRow): Record<string, unknown> {
  return {
    ...toCardValues(row),
    organisationName: undefined,
    voidedAt: row.voided_at,
    voidReason: row.void_reason,
  };
}

/** Appends a card's audit entry; call inside the change's transaction. */
export function auditCard(
  ctx: ServiceContext,
  action: string,
  id: string,
  before: unknown,
  after: unknown,
  at: number,
): void {
  ctx.audit.append({ at, actor: ctx.actor(), action, entity: 'card', entityId: id, before, after });
}

/** Parses the reason for a void or a correction, naming the field `why`. */
export function parseWhy(why: unknown): string {
  const parsed = ChangeReason.safeParse(why);
  if (parsed.success) return parsed.data;
  throw invalidInput(toFieldErrors(parsed.error).map((e) => ({ ...e, field: 'why' })));
}

/** Removes keys whose value is undefined, so the card schema sees them as absent. */
export function dropUndefined(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
}
