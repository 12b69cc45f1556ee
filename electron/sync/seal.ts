import { sealCheckedEvent } from '../hub/event-hash';
import { HUB_EVENT_SCHEMA_VERSION, type HubEvent } from '../../shared/hub/event';
import type { OutboxRow } from '../db/repositories/outbox';
import { SyncError } from './errors';

/**
 * The event an outbox row stands for, as this desk sends it: the row plus the desk id it
 * learnt when it joined, checked against the event schema and sealed with its content
 * hash. The same row always gives the same event, so a batch pushed again after a lost
 * acknowledgement is recognised by the hub. A row that is not a valid event (a garbled
 * file) throws `sync-bad-outbox-event` naming its deskSeq, and nothing is pushed.
 *
 * The event is checked here, once: the push sends it as sealed without checking it again.
 */
export function sealOutboxRow(row: OutboxRow, deskId: string): HubEvent {
  try {
    return sealCheckedEvent({
      card: JSON.parse(row.payload) as unknown,
      deskId,
      deskSeq: row.desk_seq,
      eventId: row.event_id,
      kind: row.kind,
      occurredAt: row.occurred_at,
      schemaVersion: HUB_EVENT_SCHEMA_VERSION,
    });
  } catch (error) {
    throw new SyncError('sync-bad-outbox-event', { deskSeq: row.desk_seq, detail: describe(error) });
  }
}

// The first problem, briefly: a JSON syntax error, or the schema's first issue with its path.
function describe(error: unknown): string {
  const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
  if (issues?.[0]) return `${issues[0].path.map(String).join('.')}: ${issues[0].message}`;
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}
