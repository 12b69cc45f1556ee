import type { Organisation } from '../../shared/domain/organisation';
import { AppError } from './app-error';
import type { ServiceContext } from './context';
import { recordOrganisationEvents } from './outbox';

/**
 * The organisation under this HSA-id, created with its audit entry (`action`, e.g.
 * `organisation.create` from the form, `organisation.import` from a file) when the
 * register does not hold it yet. An existing one is returned as it is: its name is
 * changed only by renameOrganisation. Call inside the transaction of the change that
 * needs it.
 */
export function ensureOrganisation(
  ctx: Pick<ServiceContext, 'organisations' | 'audit' | 'actor'>,
  organisation: Organisation,
  at: number,
  action: 'organisation.create' | 'organisation.import',
): Organisation {
  const existing = ctx.organisations.get(organisation.hsaId);
  if (existing) return existing;
  const created = { hsaId: organisation.hsaId, name: organisation.name };
  ctx.organisations.insert(created, at);
  ctx.audit.append({
    at,
    actor: ctx.actor(),
    action,
    entity: 'organisation',
    entityId: created.hsaId,
    before: null,
    after: created,
  });
  return created;
}

/**
 * Gives an organisation a corrected name (a name garbled by an import in the wrong
 * encoding, a misspelling): the change and its audit entry, with the name before and
 * after, in one transaction. The HSA-id is matched in any case (SPEC §3). The monthly
 * report reads the name from the register, so it shows the corrected one. An unchanged
 * name writes nothing; an unknown HSA-id is refused naming the field.
 */
export function renameOrganisation(ctx: ServiceContext, hsaId: string, name: string): Organisation {
  // A write transaction takes the write lock at once, so SQLite's busy timeout applies.
  return ctx.transaction(() => {
    const before = ctx.organisations.findIgnoringCase(hsaId);
    if (!before) {
      throw new AppError('not-found', `organisation ${hsaId} not found`, [
        { field: 'hsaId', message: 'organisation.unknown' },
      ]);
    }
    const after = { hsaId: before.hsaId, name };
    if (before.name === name) return after;
    ctx.organisations.rename(before.hsaId, name);
    recordOrganisationEvents(ctx, before.hsaId);
    ctx.audit.append({
      at: ctx.now(),
      actor: ctx.actor(),
      action: 'organisation.rename',
      entity: 'organisation',
      entityId: before.hsaId,
      before,
      after,
    });
    return after;
  });
}
