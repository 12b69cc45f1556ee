import { z } from 'zod';
import { ReportMonth } from '../report/monthly-schema';

/**
 * The desk app's side of the regional hub (SPEC §8) as the UI sees it: the settings, the
 * background sync's state and the connect input. The password never crosses back to the
 * UI; only whether one is stored.
 */

/** Where the desk's hub password is kept: the OS key store, or memory (browser mode). */
export const PasswordStoreKind = z.enum(['os', 'memory']);

/** Output of `hub:get-settings` and `hub:disconnect`: the hub this register joined, if any. */
export const HubSettings = z.object({
  /** The register has joined a hub (`hub join` or "Anslut"). */
  joined: z.boolean(),
  /** The URL as stored: never with a password. */
  url: z.string().nullable(),
  hubId: z.string().nullable(),
  deskId: z.string().nullable(),
  deskName: z.string().nullable(),
  /** A password is stored for the background sync. */
  hasPassword: z.boolean(),
  passwordStore: PasswordStoreKind,
});
export type HubSettings = z.infer<typeof HubSettings>;

/**
 * What the background sync is doing. `off`: no hub joined (or the register is not usable);
 * `no-password`: joined, but no password stored here; `idle`: the last run succeeded;
 * `running`; `retrying`: the hub could not be reached, the next attempt is at
 * `nextAttemptAt`; `stopped`: a fault a person must mend (wrong password, restored register,
 * TLS) — no automatic attempts until "Synka nu" or a new connect.
 */
export const SYNC_STATES = ['off', 'no-password', 'idle', 'running', 'retrying', 'stopped'] as const;
export type SyncState = (typeof SYNC_STATES)[number];

/** The last failure of a sync, in plain Swedish (and English). */
export const SyncFailureOut = z.object({
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
  /** ISO instant with the Stockholm offset. */
  at: z.string(),
  retryable: z.boolean(),
});
export type SyncFailureOut = z.infer<typeof SyncFailureOut>;

/** Output of `hub:status` and `hub:sync-now`. Instants are ISO with the Stockholm offset. */
export const HubSyncStatus = z.object({
  state: z.enum(SYNC_STATES),
  hubId: z.string().nullable(),
  deskId: z.string().nullable(),
  deskName: z.string().nullable(),
  /** "Regionens data från …": when the region's data was last pulled. */
  lastPullAt: z.string().nullable(),
  lastPushAt: z.string().nullable(),
  /** Events written here and not yet acknowledged by the hub. */
  pending: z.number().int().min(0),
  lastError: SyncFailureOut.nullable(),
  /** When the next automatic attempt is due, if one is planned. */
  nextAttemptAt: z.string().nullable(),
  /** The last run that succeeded in this session. */
  lastResult: z.object({ at: z.string(), pushed: z.number().int(), pulled: z.number().int() }).nullable(),
  /** Months whose exported region report the pulled cards have changed (§5's alert). */
  changedReportedMonths: z.array(ReportMonth),
});
export type HubSyncStatus = z.infer<typeof HubSyncStatus>;

/** Input of `hub:connect`: the desk's URL, and its password unless the URL carries it. */
export const HubConnectInput = z.strictObject({
  url: z.string().trim().min(1, { message: 'required' }).max(2000, { message: 'text.tooLong' }),
  password: z.string().max(1000, { message: 'text.tooLong' }).default(''),
});
export type HubConnectInput = z.input<typeof HubConnectInput>;

/** Output of `hub:connect`: who the register is now, and what waits to be pushed. */
export const HubConnected = z.object({
  settings: HubSettings,
  /** Events waiting to be pushed (the whole register right after joining). */
  pending: z.number().int().min(0),
});
export type HubConnected = z.infer<typeof HubConnected>;
