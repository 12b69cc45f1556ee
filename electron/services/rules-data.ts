import type { Decision } from '../../shared/domain/decision';
import { RuleSettings } from '../../shared/domain/settings';
import { toFieldErrors } from '../../shared/domain/errors';
import { invalidInput } from './app-error';
import type { ServiceContext } from './context';
import { recomputeAll } from './findings';

/**
 * Adds a dispensation decision (e.g. an extension), audits it and recomputes every card's
 * findings, all in one transaction. An existing id is refused: decisions are never edited.
 */
export function addDecision(ctx: ServiceContext, decision: Decision): Decision {
  return ctx.transaction(() => {
    if (ctx.decisions.get(decision.id)) throw invalidInput([{ field: 'id', message: 'decision.exists' }]);
    const at = ctx.now();
    ctx.decisions.insert(decision, at);
    ctx.audit.append({
      at,
      actor: ctx.actor(),
      action: 'decision.add',
      entity: 'decision',
      entityId: decision.id,
      before: null,
      after: decision,
    });
    recomputeAll(ctx);
    return decision;
  });
}

/**
 * Changes installation settings: merges the change into what is stored, validates the
 * whole, audits before/after and recomputes findings — or writes nothing.
 */
export function updateSettings(
  ctx: ServiceContext,
  change: { officeHours?: unknown; closedDays?: unknown; expiringSoonHours?: unknown },
): RuleSettings {
  return ctx.transaction(() => {
    const before = ctx.settings.rules();
    const parsed = RuleSettings.safeParse({ ...before, ...change });
    if (!parsed.success) throw invalidInput(toFieldErrors(parsed.error));
    const after = parsed.data;
    if (JSON.stringify(before) === JSON.stringify(after)) return after;
    for (const key of Object.keys(after) as (keyof RuleSettings)[]) ctx.settings.set(key, after[key]);
    ctx.audit.append({
      at: ctx.now(),
      actor: ctx.actor(),
      action: 'settings.update',
      entity: 'settings',
      entityId: null,
      before,
      after,
    });
    if (
      JSON.stringify(before.officeHours) !== JSON.stringify(after.officeHours) ||
      JSON.stringify(before.closedDays) !== JSON.stringify(after.closedDays)
    ) {
      recomputeAll(ctx);
    }
    return after;
  });
}
