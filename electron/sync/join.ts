import type { HubLinkRow } from '../db/repositories/hub-link';
import type { ServiceContext } from '../services/context';
import { recomputeAround } from '../services/findings';
import type { HubDeskPush, HubIdentity, HubPort } from './hub-port';
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

/** How `hub join` / "Anslut" may go further than joining the register's own hub. */
export interface JoinOptions {
  /**
   * The register is linked to another hub (the hub was restored from a backup and given a
   * new id, or the region moved to a new hub) and a person has confirmed that it should be
   * linked to the login's hub instead (`--new-hub`, the app's confirmation).
   */
  newHub?: boolean;
}

/**
 * Joins the register to the hub as the desk the login belongs to (SPEC §8 `hub join`):
 * asks the hub who the login is, then stores the hub's id, the desk's id and name and the
 * URL without its password, audited. Joining again as the same desk of the same hub only
 * updates the URL and name; a register that joined another desk of the hub is refused,
 * since its events carry that desk's numbers. The register's events — every card it holds, from
 * the migration that added the outbox on — go out with the next sync.
 *
 * A register that has not joined before, for a desk that already has more events on the
 * hub than the register holds (the desk set up again on an empty register, or one from
 * before it joined), is refused up front with what to do, before anything is written:
 * its numbering would collide with the desk's events on the hub, and its first sync
 * would stop anyway.
 *
 * A register linked to another hub than the login's is refused (`sync-new-hub`, naming
 * both) unless `options.newHub` confirms the move; then, after the same check as a first
 * join (the new hub may hold some of this desk's events), {@link moveToNewHub} relinks it.
 */
export async function joinHub(
  ctx: ServiceContext,
  port: HubPort,
  url: string,
  options: JoinOptions = {},
): Promise<JoinResult> {
  const stored = withoutPassword(url);
  const me = await port.whoAmI();
  const links = ctx.hubLink;
  const current = links.get();
  if (current && current.hub_id !== me.hubId && !options.newHub) throw newHubError(current, me);
  // The hub's count of this desk's events, for a register that joins this hub for the first time.
  const desks = !current || current.hub_id !== me.hubId ? await port.desks() : undefined;
  ctx.transaction(() => {
    const before = links.get();
    const at = ctx.now();
    if (before && before.hub_id !== me.hubId) {
      // Decided again inside the transaction: the link is what it is now.
      if (!options.newHub || !desks) throw newHubError(before, me);
      checkFirstJoin(ctx, me.deskId, desks);
      moveToNewHub(ctx, before, { url: stored, ...me }, at);
      return;
    }
    if (!before) checkFirstJoin(ctx, me.deskId, desks ?? []);
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

function newHubError(link: HubLinkRow, me: HubIdentity): SyncError {
  return new SyncError('sync-new-hub', {
    desk: link.desk_id,
    hub: link.hub_id,
    loginDesk: me.deskId,
    loginHub: me.hubId,
  });
}

/**
 * Links the register to a new hub, in the caller's transaction (docs/hub.md, "Backups of
 * the hub"): the new hub's id and this desk's identity there; nothing counted as pushed,
 * so the next sync pushes the whole outbox (kept whole for this) again — events the new
 * hub already holds must be the same, or the push stops with `hub-conflict` as any other
 * conflict does; the pull cursor back to 0 and the cards, desks and organisation names
 * pulled from the old hub forgotten (the pull brings them again from the start), with the
 * findings that counted those cards recomputed over this desk's own cards until then;
 * and an audit entry with the old and the new link.
 */
function moveToNewHub(
  ctx: ServiceContext,
  before: HubLinkRow,
  next: HubIdentity & { url: string },
  at: number,
): void {
  const forgotten = ctx.pulledCards.clearAll();
  ctx.hubLink.relink({ url: next.url, hubId: next.hubId, deskId: next.deskId, deskName: next.deskName }, at);
  if (forgotten.length > 0) recomputeAround(ctx, forgotten);
  ctx.audit.append({
    at,
    actor: ctx.actor(),
    action: 'hub.join-new-hub',
    entity: 'hub',
    entityId: next.hubId,
    before: {
      url: before.url,
      hubId: before.hub_id,
      deskId: before.desk_id,
      deskName: before.desk_name,
      pushedSeq: before.pushed_seq,
      pullCursor: before.pull_cursor,
      pulledCards: forgotten.length,
    },
    after: {
      url: next.url,
      hubId: next.hubId,
      deskId: next.deskId,
      deskName: next.deskName,
      pushedSeq: 0,
      pullCursor: 0,
      pulledCards: 0,
    },
  });
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
