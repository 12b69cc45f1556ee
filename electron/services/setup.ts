import { hasForbiddenCharacters, normaliseText, textLength } from '../../shared/domain/text';
import type { SetupInput, SetupStatus } from '../../shared/ipc/setup';
import type { ServiceContext } from './context';
import { DESK_USER_KEY } from './desk-user';
import { updateSettings } from './rules-data';

/** The settings key naming the region or desk (shown in the monthly report's "Om rapporten"). */
export const DESK_NAME_KEY = 'deskName';

// A stored value counts only if it is a name setup:complete could have written; anything
// else (set by hand, damaged) makes the setup ask again rather than show garbage.
function storedName(value: unknown): string | null {
  if (typeof value !== 'string' || hasForbiddenCharacters(value)) return null;
  const name = normaliseText(value);
  return name === '' || textLength(name) > 100 ? null : name;
}

/** What the first-run setup needs to know: is it done, and what is stored. */
export function setupStatus(ctx: ServiceContext): SetupStatus {
  const raw = ctx.settings.raw();
  const deskName = storedName(raw[DESK_NAME_KEY]);
  const deskUser = storedName(raw[DESK_USER_KEY]);
  return {
    needed: deskName === null || deskUser === null,
    deskName,
    deskUser,
    officeHours: ctx.settings.rules().officeHours,
  };
}

/**
 * Stores the first-run answers in one transaction: desk name and desk user (audited as
 * `setup.complete`), then the office hours through updateSettings, which audits them and
 * recomputes the findings they affect. Either all of it lands or none. The audit entries
 * name the new desk user, who is the person doing the setup. May be run again later to
 * change the answers.
 */
export function completeSetup(ctx: ServiceContext, input: SetupInput): SetupStatus {
  return ctx.transaction(() => {
    const raw = ctx.settings.raw();
    const before = { deskName: raw[DESK_NAME_KEY] ?? null, deskUser: raw[DESK_USER_KEY] ?? null };
    const after = { deskName: input.deskName, deskUser: input.deskUser };
    ctx.settings.set(DESK_NAME_KEY, input.deskName);
    ctx.settings.set(DESK_USER_KEY, input.deskUser);
    ctx.audit.append({
      at: ctx.now(),
      actor: ctx.actor(),
      action: 'setup.complete',
      entity: 'settings',
      entityId: null,
      before,
      after,
    });
    updateSettings(ctx, { officeHours: input.officeHours });
    return setupStatus(ctx);
  });
}
