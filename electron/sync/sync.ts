import type { RuleCard } from '../../shared/rules';
import type { HubLinkRow } from '../db/repositories/hub-link';
import type { ServiceContext } from '../services/context';
import { recomputeAround } from '../services/findings';
import { SyncError } from './errors';
import { describeHubFailure, type HubIdentity, type HubPort, type HubPullResult } from './hub-port';
import { changedRegionMonths } from './region-report';
import { sealOutboxRow } from './seal';

/** Events per push (one hub transaction each) and per pull (one SQLite transaction each). */
export const SYNC_BATCH = 1000;

export interface SyncOptions {
  /** Events per push and per pull; tests use small batches. */
  batch?: number;
}

/** What one sync did (SPEC §8: `sync` prints pushed, pulled and cursor). */
export interface SyncResult {
  /** Events new to the hub (duplicates of an earlier push whose answer was lost not counted). */
  pushed: number;
  /** Other desks' events read from the hub (this desk's own come back too; they are checked, not counted). */
  pulled: number;
  /** The last hubSeq pulled. */
  cursor: number;
  /** Months whose exported region report the pulled cards changed (the changed-since-export alert). */
  changedReportedMonths: string[];
}

type CardKey = Pick<RuleCard, 'id' | 'holderHsaId' | 'cardNumber'>;

/** Refuses a login that is another desk, or a desk of another hub, than the register joined. */
export function checkIdentity(link: Pick<HubLinkRow, 'hub_id' | 'desk_id'>, me: HubIdentity): void {
  if (me.hubId !== link.hub_id || me.deskId !== link.desk_id) {
    throw new SyncError('sync-other-hub', {
      desk: link.desk_id,
      hub: link.hub_id,
      loginDesk: me.deskId,
      loginHub: me.hubId,
    });
  }
}

/**
 * One sync (SPEC §8): pushes the outbox in order, a batch per hub transaction, then pulls
 * everything after the cursor, a batch per SQLite transaction (the events' cards and the
 * new cursor together), then recomputes this desk's findings that the pulled cards touch.
 *
 * No SQLite transaction is open across an `await`: a batch is read, pushed, and only then
 * marked pushed in a short transaction of its own; a crash in between leaves the batch
 * unmarked, and the next sync pushes it again as duplicates the hub recognises.
 *
 * A desk restored from an old backup — the hub holds this desk's events that the register
 * does not, or other ones under the same numbers — stops the sync with a Swedish message
 * for regional IT, and nothing is overwritten, here or on the hub. Any failure is kept as
 * the link's last error (cleared by the next sync that succeeds) and thrown.
 */
export async function syncOnce(
  ctx: ServiceContext,
  port: HubPort,
  options: SyncOptions = {},
): Promise<SyncResult> {
  const links = ctx.hubLink;
  const link = links.get();
  if (!link) throw new SyncError('sync-not-joined');
  const batch = options.batch ?? SYNC_BATCH;
  try {
    checkIdentity(link, await port.whoAmI());
    const pushed = await pushPending(ctx, port, link.desk_id, batch);
    const { pulled, cursor } = await pullAll(ctx, port, link, batch);
    const desks = await port.desks();
    ctx.transaction(() => {
      for (const d of desks) ctx.pulledCards.saveDeskStatus(d.deskId, d.name, d.lastPushMs);
    });
    const changedReportedMonths = changedRegionMonths(ctx);
    ctx.transaction(() => links.setError(null, null));
    return { pushed, pulled, cursor, changedReportedMonths };
  } catch (error) {
    const failure = describeHubFailure(error);
    ctx.transaction(() => links.setError(failure.message, ctx.now()));
    throw error;
  }
}

async function pushPending(
  ctx: ServiceContext,
  port: HubPort,
  deskId: string,
  batch: number,
): Promise<number> {
  const links = ctx.hubLink;
  const outbox = ctx.outbox;
  let accepted = 0;
  let hubLast: number | undefined;
  for (;;) {
    const rows = outbox.after(links.get()!.pushed_seq, batch);
    if (rows.length === 0) break;
    const result = await port.push(rows.map((row) => sealOutboxRow(row, deskId)));
    ctx.transaction(() => links.markPushed(rows[rows.length - 1]!.desk_seq, ctx.now()));
    accepted += result.accepted;
    hubLast = result.lastDeskSeq;
  }
  // Nothing new: the push is still recorded on the hub (its report shows who synced when),
  // and says how far the hub has this desk's events.
  if (hubLast === undefined) {
    hubLast = (await port.push([])).lastDeskSeq;
    ctx.transaction(() => links.markPushed(0, ctx.now()));
  }
  const deskLast = outbox.lastSeq();
  if (hubLast > deskLast) throw new SyncError('sync-restored', { desk: deskId, hubLast, deskLast });
  return accepted;
}

async function pullAll(
  ctx: ServiceContext,
  port: HubPort,
  link: HubLinkRow,
  batch: number,
): Promise<{ pulled: number; cursor: number }> {
  let cursor = link.pull_cursor;
  let pulled = 0;
  for (;;) {
    const result = await port.pull(cursor, batch);
    if (result.hubId !== link.hub_id) {
      throw new SyncError('sync-other-hub', {
        desk: link.desk_id,
        hub: link.hub_id,
        loginDesk: link.desk_id,
        loginHub: result.hubId,
      });
    }
    ctx.transaction(() => storePulled(ctx, link.desk_id, result));
    pulled += result.events.filter((e) => e.event.deskId !== link.desk_id).length;
    cursor = result.cursor;
    if (!result.more || result.events.length === 0) return { pulled, cursor };
  }
}

/**
 * Stores one pulled batch and its cursor; call inside one SQLite transaction. This desk's
 * own events are checked against the outbox (a restored register stops here, before
 * anything is stored); another desk's event updates its card when it is newer than what
 * is known (by deskSeq) and never touches a card of this desk. Then the findings of this
 * desk's cards that share a holder or card number with a changed card are recomputed.
 */
function storePulled(ctx: ServiceContext, deskId: string, result: HubPullResult): void {
  const outbox = ctx.outbox;
  const pulled = ctx.pulledCards;
  const touched: CardKey[] = [];
  for (const { hubSeq, pushedAt, event } of result.events) {
    const card = event.card;
    pulled.saveOrganisationName(card.organisationHsaId, card.organisationName, hubSeq);
    if (event.deskId === deskId) {
      const mine = outbox.get(event.deskSeq);
      if (!mine) {
        throw new SyncError('sync-restored', {
          desk: deskId,
          hubLast: event.deskSeq,
          deskLast: outbox.lastSeq(),
        });
      }
      if (mine.event_id !== event.eventId) {
        throw new SyncError('sync-own-event-differs', { desk: deskId, deskSeq: event.deskSeq });
      }
      continue;
    }
    pulled.saveDeskPush(event.deskId, pushedAt);
    // A card of this desk is changed by this desk only (the hub refuses it too).
    if (ctx.cards.exists(card.cardId)) continue;
    const before = pulled.get(card.cardId);
    pulled.apply({ deskId: event.deskId, deskSeq: event.deskSeq, hubSeq, kind: event.kind, card });
    if (before)
      touched.push({ id: before.card_id, holderHsaId: before.holder_hsa_id, cardNumber: before.card_number });
    touched.push({ id: card.cardId, holderHsaId: card.holderHsaId, cardNumber: card.cardNumber });
  }
  for (const desk of result.desks) pulled.saveDesk(desk.deskId, desk.name);
  ctx.hubLink.markPulled(result.cursor, ctx.now());
  if (touched.length > 0) recomputeAround(ctx, touched);
}
