import { createHash } from 'node:crypto';
import {
  canonicalJson,
  HUB_EVENT_SCHEMA_VERSION,
  HubCardState,
  type HubEvent,
  type UnsealedHubEvent,
} from '../../shared/hub/event';
import type { OutboxRow } from '../db/repositories/outbox';
import { SyncError } from './errors';

/** SHA-256 (lower-case hex) of the canonical JSON of an event without its hash (SPEC §8). */
export function contentHashOf(unsealed: UnsealedHubEvent): string {
  return createHash('sha256').update(canonicalJson(unsealed), 'utf8').digest('hex');
}

/**
 * The event an outbox row stands for, as this desk sends it: the row plus the desk id it
 * learnt when it joined, sealed with its content hash. The same row always gives the same
 * event, so a batch pushed again after a lost acknowledgement is recognised by the hub.
 */
export function sealOutboxRow(row: OutboxRow, deskId: string): HubEvent {
  let card: HubCardState;
  try {
    card = HubCardState.parse(JSON.parse(row.payload));
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    throw new SyncError('sync-bad-outbox-event', { deskSeq: row.desk_seq, detail });
  }
  const unsealed: UnsealedHubEvent = {
    schemaVersion: HUB_EVENT_SCHEMA_VERSION,
    eventId: row.event_id,
    deskId,
    deskSeq: row.desk_seq,
    kind: row.kind,
    occurredAt: row.occurred_at,
    card,
  };
  return { ...unsealed, contentHash: contentHashOf(unsealed) };
}
