import type { ServiceContext } from '../services/context';
import type { HubPort } from './hub-port';
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
 */
export async function joinHub(ctx: ServiceContext, port: HubPort, url: string): Promise<JoinResult> {
  const stored = withoutPassword(url);
  const me = await port.whoAmI();
  const links = ctx.hubLink;
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
