import type { ServiceContext } from '../services/context';
import type { HubDeskPush, HubPort } from './hub-port';
import { SyncError } from './errors';
import { checkIdentity } from './sync';

/** What `hub join` prints: who the register is now on which hub, and what waits to be pushed. */
export interface JoinResult {
  hubId: string;
  deskId: string;
  deskName: string;
  /** The URL as stored: without its password. */
  url: string;
  /** Events waiting to be pushed: the whole register when it has just joined. */
  pending: number;
}

/**
 * The URL without its password, the only form that is stored or shown. Anything that is
 * not a URL at all is kept out entirely rather than stored half-read.
 */
export function withoutPassword(url: string): string {
  const parsed = new URL(url.trim());
  parsed.password = '';
  return parsed.toString();
}

/** Events written but not yet acknowledged by the hub. */
export function pendingEvents(ctx: Pick<ServiceContext, 'hubLink' | 'outbox'>): number {
  const pushed = ctx.hubLink.get()?.pushed_seq ?? 0;
  return ctx.outbox.lastSeq() - pushed;
}

/**
 * Joins the register to the hub as the desk the login belongs to (SPEC §8 `hub join`):
 * asks the hub who the login is, then stores the hub's id, the desk's id and name and the
 * URL without its password, audited. Joining again as the same desk of the same hub only
 * updates the URL and name; a register that joined another hub or desk is refused, since
 * its events carry that desk's numbers. The register's events — every card it holds, from
 * the migration that added the outbox on — go out with the next sync.
 *
 * A register that has not joined before, for a desk that already has more events on the
 * hub than the register holds (the desk set up again on an empty register, or one from
 * before it joined), is refused up front with what to do, before anything is written:
 * its numbering would collide with the desk's events on the hub, and its first sync
 * would stop anyway.
 */
export async function joinHub(ctx: ServiceContext, port: HubPort, url: string): Promise<JoinResult> {
  const stored = withoutPassword(url);
  const me = await port.whoAmI();
  const links = ctx.hubLink;
  if (!links.get()) checkFirstJoin(ctx, me.deskId, await port.desks());
  ctx.transaction(() => {
    const before = links.get();
    const at = ctx.now();
    if (before) {
      checkIdentity(before, me);
      if (before.url === stored && before.desk_name === me.deskName) return;
      links.update(stored, me.deskName);
    } else {
      links.insert({ url: stored, hubId: me.hubId, deskId: me.deskId, deskName: me.deskName }, at);
    }
    ctx.audit.append({
      at,
      actor: ctx.actor(),
      action: 'hub.join',
      entity: 'hub',
      entityId: me.hubId,
      before: before ? { url: before.url, deskId: before.desk_id, deskName: before.desk_name } : null,
      after: { url: stored, deskId: me.deskId, deskName: me.deskName },
    });
  });
  return {
    hubId: me.hubId,
    deskId: me.deskId,
    deskName: me.deskName,
    url: stored,
    pending: pendingEvents(ctx),
  };
}

/**
 * Refuses the first join of a register that holds fewer of the desk's events than the hub
 * (SPEC §8: a deskSeq is that event for ever). A register with at least as many is left to
 * the sync, whose push and pull compare the events themselves.
 */
function checkFirstJoin(
  ctx: Pick<ServiceContext, 'outbox'>,
  deskId: string,
  desks: readonly HubDeskPush[],
): void {
  const hubLast = desks.find((d) => d.deskId === deskId)?.events ?? 0;
  const deskLast = ctx.outbox.lastSeq();
  if (hubLast <= deskLast) return;
  throw new SyncError(deskLast === 0 ? 'sync-rejoin-empty' : 'sync-rejoin-behind', {
    desk: deskId,
    hubLast,
    deskLast,
  });
}
