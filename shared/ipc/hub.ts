import { z } from 'zod';
import { MonthlyReport, ReportChanges, ReportMonth } from '../report/monthly-schema';
import { ReportedInfo } from './report';

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
 * What the background sync is doing. `off`: no hub joined (or no register to read);
 * `no-password`: joined, but no password stored here; `idle`: the last run succeeded;
 * `running`; `retrying`: the hub could not be reached, the next attempt is at
 * `nextAttemptAt`; `stopped`: a fault a person must mend (wrong password, restored register,
 * TLS, a damaged register open read-only) — no automatic attempts until "Synka nu" or a new
 * connect (or, when damaged, a restore).
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
  /**
   * The person confirmed linking a register of another hub to this one (the hub restored
   * from a backup with a new id): without it such a connect is refused (`sync-new-hub`).
   */
  newHub: z.boolean().optional(),
});
export type HubConnectInput = z.input<typeof HubConnectInput>;

/** Output of `hub:connect`: who the register is now, and what waits to be pushed. */
export const HubConnected = z.object({
  settings: HubSettings,
  /** Events waiting to be pushed (the whole register right after joining). */
  pending: z.number().int().min(0),
});
export type HubConnected = z.infer<typeof HubConnected>;

const RegionMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month.format' });

/** Columns the register's region view can be sorted by. */
export const REGION_SORT_FIELDS = [
  'issuedAt',
  'expiresAt',
  'cardNumber',
  'organisation',
  'level',
  'station',
] as const;

/** Input of `region:cards`: one page of the region's cards (own and pulled), filtered and sorted. */
export const RegionCardQuery = z.strictObject({
  search: z.string().max(200).optional(),
  month: RegionMonth.optional(),
  level: z.union([z.literal(2), z.literal(3)]).optional(),
  organisationHsaId: z.string().max(40).optional(),
  /** 'own': this station's cards; 'others': the other stations'; or one station's id. */
  station: z.string().min(1).max(40).optional(),
  sort: z
    .strictObject({ by: z.enum(REGION_SORT_FIELDS), dir: z.enum(['asc', 'desc']) })
    .default({ by: 'issuedAt', dir: 'desc' }),
  offset: z.number().int().min(0).max(100_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type RegionCardQuery = z.input<typeof RegionCardQuery>;

const Severity = z.enum(['violation', 'warning']);

/** A finding of a region row; `otherStation` names the station of the other card it is about. */
export const RegionFindingOut = z.object({
  code: z.string(),
  severity: Severity,
  otherStation: z.string().nullable(),
});
export type RegionFindingOut = z.infer<typeof RegionFindingOut>;

/**
 * A card in the region view. Another station's card carries only what travels (SPEC §8):
 * no holder name, note or ID administrators; it is read-only here.
 */
export const RegionCardRow = z.object({
  id: z.string(),
  own: z.boolean(),
  stationId: z.string().nullable(),
  station: z.string().nullable(),
  organisationHsaId: z.string(),
  organisationName: z.string(),
  assuranceLevel: z.union([z.literal(2), z.literal(3)]),
  cardNumber: z.string(),
  holderHsaId: z.string(),
  /** This station's own cards only. */
  holderName: z.string().nullable(),
  holderIdType: z.enum(['personnummer', 'samordningsnummer', 'other']),
  issuedAt: z.string(),
  expiresAt: z.string(),
  endedAt: z.string().nullable(),
  endReason: z.enum(['returned', 'revoked', 'extended']).nullable(),
  extendsCardId: z.string().nullable(),
  reasonCode: z.string(),
  findings: z.array(RegionFindingOut),
});
export type RegionCardRow = z.infer<typeof RegionCardRow>;

/** Output of `region:cards`. `stations`: every station known, for the filter. */
export const RegionCardPage = z.object({
  total: z.number().int(),
  rows: z.array(RegionCardRow),
  stations: z.array(z.object({ id: z.string(), name: z.string(), own: z.boolean() })),
});
export type RegionCardPage = z.infer<typeof RegionCardPage>;

/** Output of `region:card`: another station's card with every field that travelled. */
export const RegionCardDetail = RegionCardRow.extend({
  unplannedPersonnel: z.boolean().nullable(),
  reasonText: z.string(),
  /** The kind of the newest event pulled for it (registered, corrected, ended …). */
  lastEvent: z.string(),
  findingMessages: z.array(
    z.object({
      code: z.string(),
      severity: Severity,
      message: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      otherStation: z.string().nullable(),
    }),
  ),
});
export type RegionCardDetail = z.infer<typeof RegionCardDetail>;

/** One station's share of the region's data for a month (the report's desk coverage). */
export const StationCoverage = z.object({
  id: z.string(),
  name: z.string(),
  own: z.boolean(),
  /** Its last push as this desk last heard from the hub; null if it never pushed. */
  lastPush: z.string().nullable(),
  /** It pushed after the month ended: its cards of the month are in. */
  pushedAfterMonthEnd: z.boolean(),
});
export type StationCoverage = z.infer<typeof StationCoverage>;

/**
 * Output of `region:report`: the month's statistics over the whole region as this desk
 * knows it, its last region export and what changed since (the §5 alert), and each
 * station's last push, so a coordinator sees whether the month is complete.
 */
export const RegionReportStatus = z.object({
  report: MonthlyReport,
  reported: ReportedInfo.nullable(),
  changes: ReportChanges.nullable(),
  coverage: z.array(StationCoverage),
  /** When this desk last pulled the region's data; null before the first sync. */
  lastPullAt: z.string().nullable(),
  /** The month is over (Stockholm): a station that has not pushed since may still add to it. */
  monthEnded: z.boolean(),
});
export type RegionReportStatus = z.infer<typeof RegionReportStatus>;
