import { z } from 'zod';
import { CardRecord, HsaId } from '../domain/card';
import { END_REASONS, HOLDER_ID_TYPES, REASON_CODES } from '../domain/reason-codes';
import { textField } from '../domain/text';
import { MonthlyReport, ReportChanges, ReportMonth } from '../report/monthly-schema';
import { FINDING_CODES } from '../rules/types';
import { ReportedInfo } from './report';

/**
 * The regional hub as the UI sees it (SPEC §8): the hub settings, the sync state, the
 * register and the report over the whole region. Instants are ISO with the Stockholm offset.
 */

/** Output of `hub:status` (also of `hub:connect`): is the register on a hub, and how fresh. */
export const HubSyncStatus = z.object({
  joined: z.boolean(),
  /** The hub URL without its password; null before joining. */
  url: z.string().nullable(),
  hubId: z.string().nullable(),
  deskId: z.string().nullable(),
  deskName: z.string().nullable(),
  /** "Regionens data från …": when the region's data was last pulled. */
  regionDataAsOf: z.string().nullable(),
  /** Changes made here that the hub has not acknowledged yet. */
  pendingEvents: z.number().int(),
  lastPush: z.string().nullable(),
  /** The last sync's failure in plain Swedish, until a sync succeeds. */
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
  /** The desk's password is kept in the operating system's credential store. */
  passwordSaved: z.boolean(),
});
export type HubSyncStatus = z.infer<typeof HubSyncStatus>;

/**
 * Input of `hub:connect`: the hub URL (`postgres://ROLE@HOST:5432/DB?sslmode=verify-full`)
 * and the desk's password, kept in the credential store (never in the register) once the
 * hub accepted it. Without a password the saved one is used.
 */
export const HubConnectInput = z.strictObject({
  url: z
    .string({ error: (iss) => (iss.input === undefined ? 'required' : 'type.string') })
    .trim()
    .min(1, { message: 'required' })
    .max(2000, { message: 'text.tooLong' }),
  password: z.string().max(1000, { message: 'text.tooLong' }).optional(),
});
export type HubConnectInput = z.input<typeof HubConnectInput>;

/** Output of `hub:sync`: what the sync did, and the exported months the region's news changed. */
export const HubSyncResult = z.object({
  pushed: z.number().int(),
  pulled: z.number().int(),
  cursor: z.number().int(),
  changedReportedMonths: z.array(ReportMonth),
  status: HubSyncStatus,
});
export type HubSyncResult = z.infer<typeof HubSyncResult>;

/** Input of `region:cards`: one page of the region's register, newest first. */
export const RegionCardQuery = z.strictObject({
  /** Card number, holder HSA-id or organisation HSA-id (part of it). */
  search: textField(0, 200).optional(),
  month: ReportMonth.optional(),
  level: z.union([z.literal(2), z.literal(3)]).optional(),
  organisationHsaId: HsaId.optional(),
  /** Only this desk's cards, or only the others'. */
  owner: z.enum(['own', 'others']).optional(),
  offset: z.number().int().min(0).max(100_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type RegionCardQuery = z.input<typeof RegionCardQuery>;

/**
 * A card of the region: what every desk may see of it (SPEC §8 — never the holder's name,
 * the note or the issuers of another desk's card), the station it belongs to, and for this
 * desk's own cards the full record and the stored findings.
 */
export const RegionCardRow = z.object({
  id: z.string(),
  own: z.boolean(),
  deskId: z.string().nullable(),
  /** The station's name, for "registrerat i …". */
  deskName: z.string().nullable(),
  organisationHsaId: z.string(),
  organisationName: z.string(),
  assuranceLevel: z.union([z.literal(2), z.literal(3)]),
  cardNumber: z.string(),
  holderHsaId: z.string(),
  holderIdType: z.enum(HOLDER_ID_TYPES),
  issuedAt: z.string(),
  expiresAt: z.string(),
  reasonCode: z.enum(REASON_CODES),
  reasonText: z.string(),
  extendsCardId: z.string().nullable(),
  endedAt: z.string().nullable(),
  endReason: z.enum(END_REASONS).nullable(),
  voided: z.boolean(),
  /** This desk's own card in full; null for another desk's. */
  record: CardRecord.nullable(),
  findings: z.array(z.object({ code: z.enum(FINDING_CODES), severity: z.enum(['violation', 'warning']) })),
});
export type RegionCardRow = z.infer<typeof RegionCardRow>;

export const RegionCardPage = z.object({ total: z.number().int(), rows: z.array(RegionCardRow) });
export type RegionCardPage = z.infer<typeof RegionCardPage>;

/** One station's last push, and whether it came after the month ended. */
export const DeskCoverageOut = z.object({
  desk: z.string(),
  name: z.string(),
  own: z.boolean(),
  lastPush: z.string().nullable(),
  pushedAfterMonthEnd: z.boolean(),
});

/** Output of `region:report`: as `report:monthly`, over the region, with each station's last push. */
export const RegionReportStatus = z.object({
  report: MonthlyReport,
  reported: ReportedInfo.nullable(),
  changes: ReportChanges.nullable(),
  deskCoverage: z.array(DeskCoverageOut),
  regionDataAsOf: z.string().nullable(),
});
export type RegionReportStatus = z.infer<typeof RegionReportStatus>;
