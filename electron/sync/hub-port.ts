import type { HubEvent } from '../../shared/hub/event';

/**
 * What the desk's sync needs from the regional hub, and nothing more: the one async seam
 * between the synchronous register and PostgreSQL (docs: STYLE.md, "async at one edge
 * only"). electron/hub implements it over `pg`; sync.ts never sees a connection.
 */
export interface HubPort {
  /** Which desk the login is, on which hub. */
  whoAmI(): Promise<HubIdentity>;
  /**
   * Pushes one batch of this desk's events (deskSeq order, no gaps) in one hub
   * transaction. Events already on the hub with the same content are duplicates, not
   * errors; a deskSeq on the hub with other content throws (`hub-conflict`).
   */
  push(events: readonly HubEvent[]): Promise<HubPushResult>;
  /** Events with hubSeq > `afterHubSeq`, in hubSeq order without gaps. */
  pull(afterHubSeq: number, limit: number): Promise<HubPullResult>;
  /** Every desk of the hub with its last push (also one with nothing new), for coverage. */
  desks(): Promise<HubDeskPush[]>;
  /** Ends the connections. */
  close(): Promise<void>;
}

/** A desk, when it last pushed (epoch ms; null if never) and how far its events reach. */
export interface HubDeskPush {
  deskId: string;
  name: string;
  lastPushMs: number | null;
  /** The desk's last deskSeq on the hub: how many events it has pushed (0 if none). */
  events: number;
}

/** The desk a hub login belongs to. */
export interface HubIdentity {
  deskId: string;
  deskName: string;
  hubId: string;
}

export interface HubPushResult {
  accepted: number;
  duplicates: number;
  /** This desk's last deskSeq on the hub after the push (0 when it has none). */
  lastDeskSeq: number;
}

export interface HubPulledEvent {
  hubSeq: number;
  /** When the hub accepted it (epoch ms). */
  pushedAt: number;
  event: HubEvent;
}

export interface HubPullResult {
  events: HubPulledEvent[];
  /** The hubSeq to pull after next time. */
  cursor: number;
  hubId: string;
  desks: { deskId: string; name: string }[];
  /** More events wait after `cursor`. */
  more: boolean;
}

/** What the sync needs to know about a failure, from a hub error or anything else. */
export interface HubFailure {
  code: string;
  /** Plain Swedish for the desk and regional IT; never a password. */
  message: string;
  /** Trying again later may work (the network); otherwise a person must act. */
  retryable: boolean;
}

/**
 * Reads a failure thrown by the port. Hub errors carry `code`, a Swedish `message` and
 * `retryable`; anything else is described as an unexpected failure that needs a person.
 */
export function describeHubFailure(error: unknown): HubFailure {
  const e = error as { code?: unknown; message?: unknown; retryable?: unknown } | undefined;
  if (e && typeof e.code === 'string' && e.code.startsWith('hub-') && typeof e.message === 'string') {
    return { code: e.code, message: e.message, retryable: e.retryable === true };
  }
  if (e && typeof e.code === 'string' && e.code.startsWith('sync-') && typeof e.message === 'string') {
    return { code: e.code, message: e.message, retryable: e.retryable === true };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return {
    code: 'sync-failed',
    message: `Synkningen misslyckades oväntat (${detail}). Inget har gått förlorat. Försök igen; kvarstår felet, kontakta regional IT.`,
    retryable: false,
  };
}
