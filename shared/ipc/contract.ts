import { z } from 'zod';
import { CardInput, CardRecord, HsaId } from '../domain/card';
import { DecisionInput } from '../domain/decision';
import { FindingsDraft } from '../domain/draft';
import { Organisation, OrganisationRenameInput } from '../domain/organisation';
import { RuleSettings } from '../domain/settings';
import { FINDING_CODES } from '../rules/types';
import { textField } from '../domain/text';
import type { ChannelName } from './channels';
import {
  AuditEntryOut,
  AuditQuery,
  EndCardInput,
  ExtendCardInput,
  ReviewLists,
  ReviewQuery,
  VoidCardInput,
} from '../domain/lifecycle';
import {
  ImportPreviewInput,
  ImportRowPreview,
  ImportRowsInput,
  ImportSummaryOut,
} from '../import/import-rows';
import {
  MonthlyReportQuery,
  MonthlyReportStatus,
  ReportExportRequest,
  ReportExportResult,
  ReportHistory,
  ReportHistoryQuery,
} from './report';
import {
  AppHealth,
  BackupCreated,
  BackupCreateInput,
  BackupInfo,
  BackupRestored,
  BackupRestoreInput,
  PersonalDataExport,
  PersonalExportInput,
} from './maintenance';
import { SetupInput, SetupStatus } from './setup';
import {
  HubConnected,
  HubConnectInput,
  HubSettings,
  HubSyncStatus,
  RegionCardDetail,
  RegionCardPage,
  RegionCardQuery,
  RegionReportStatus,
} from './hub';

const MonthText = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month.format' });

/** Columns the register can be sorted by. */
export const SORT_FIELDS = [
  'issuedAt',
  'expiresAt',
  'holderName',
  'cardNumber',
  'organisation',
  'level',
] as const;

/** One page of the register, filtered and sorted in the database. */
export const CardListQuery = z.strictObject({
  search: textField(0, 200).optional(),
  month: MonthText.optional(),
  level: z.union([z.literal(2), z.literal(3)]).optional(),
  organisationHsaId: HsaId.optional(),
  sort: z
    .strictObject({ by: z.enum(SORT_FIELDS), dir: z.enum(['asc', 'desc']) })
    .default({ by: 'issuedAt', dir: 'desc' }),
  /** Only cards with a stored finding of this severity (or any finding). */
  findings: z.enum(['violation', 'any']).optional(),
  offset: z.number().int().min(0).max(100_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type CardListQuery = z.input<typeof CardListQuery>;

/** A finding as the UI receives it; `message` is Swedish, the UI may re-translate from code + params. */
export const FindingOut = z.object({
  code: z.enum(FINDING_CODES),
  severity: z.enum(['violation', 'warning']),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  fix: z
    .object({
      field: z.literal('expiresAt'),
      value: z.number(),
      labelKey: z.string(),
      labelParams: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    })
    .optional(),
});
export type FindingOut = z.infer<typeof FindingOut>;

/** A register row: the card plus its stored finding codes, for badges. */
export const CardListRow = CardRecord.extend({
  findings: z.array(z.object({ code: z.enum(FINDING_CODES), severity: z.enum(['violation', 'warning']) })),
});
export type CardListRow = z.infer<typeof CardListRow>;

export const CardListPage = z.object({ total: z.number().int(), rows: z.array(CardListRow) });
export type CardListPage = z.infer<typeof CardListPage>;

export const AppInfo = z.object({
  version: z.string(),
  mode: z.enum(['desktop', 'web']),
  dataDir: z.string(),
  databasePath: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

const NoInput = z.strictObject({}).optional();

/**
 * What an audit entry is about, in words, for the Händelser page: a card's number and
 * holder, or an organisation's name; null for what has no such name (settings, a report).
 */
export const AuditSubject = z.object({
  cardNumber: z.string().nullable(),
  holderName: z.string().nullable(),
  organisationName: z.string().nullable(),
});
export type AuditSubject = z.infer<typeof AuditSubject>;

/** One entry of `audit:list`: the stored entry and its subject. */
export const AuditListEntry = AuditEntryOut.extend({ subject: AuditSubject.nullable() });
export type AuditListEntry = z.infer<typeof AuditListEntry>;

const DecisionOut = z.object({
  id: z.string(),
  title: z.string(),
  from: z.string(),
  to: z.string(),
  maxValidityDays: z.number().int(),
  withoutPersonnummerUntil: z.string().nullable(),
});

/** A change to some settings; the service validates the merged whole. */
const SettingsChange = z.strictObject({
  officeHours: z.unknown().optional(),
  closedDays: z.unknown().optional(),
  expiringSoonHours: z.unknown().optional(),
});

/**
 * Every channel between the UI and the back end, with its input and output schema.
 * Channels are `domain:verb`; the UI only ever invokes them.
 */
export const contract = {
  'app:info': { input: NoInput, output: AppInfo },
  'organisations:list': { input: NoInput, output: z.array(Organisation) },
  'cards:register': { input: CardInput, output: CardRecord },
  'cards:list': { input: CardListQuery, output: CardListPage },
  'cards:get': { input: z.strictObject({ id: z.string().max(64) }), output: CardRecord },
  'findings:preview': { input: FindingsDraft, output: z.array(FindingOut) },
  'findings:card': { input: z.strictObject({ id: z.string().max(64) }), output: z.array(FindingOut) },
  'decisions:list': { input: NoInput, output: z.array(DecisionOut) },
  'decisions:add': { input: DecisionInput, output: DecisionOut },
  'settings:get': { input: NoInput, output: RuleSettings },
  'settings:update': { input: SettingsChange, output: RuleSettings },
  'report:monthly': { input: MonthlyReportQuery, output: MonthlyReportStatus },
  'report:history': { input: ReportHistoryQuery, output: ReportHistory },
  'report:export': { input: ReportExportRequest, output: ReportExportResult },
  'cards:end': { input: EndCardInput, output: CardRecord },
  'cards:void': { input: VoidCardInput, output: CardRecord },
  'cards:extend': { input: ExtendCardInput, output: CardRecord },
  'review:lists': { input: ReviewQuery, output: ReviewLists },
  'audit:list': { input: AuditQuery, output: z.array(AuditListEntry) },
  'import:preview': { input: ImportPreviewInput, output: z.array(ImportRowPreview) },
  'import:commit': { input: ImportRowsInput, output: ImportSummaryOut },
  'app:health': { input: NoInput, output: AppHealth },
  'backup:list': { input: NoInput, output: z.array(BackupInfo) },
  'backup:create': { input: BackupCreateInput, output: BackupCreated },
  'backup:restore': { input: BackupRestoreInput, output: BackupRestored },
  'personal:export': { input: PersonalExportInput, output: PersonalDataExport },
  'setup:status': { input: NoInput, output: SetupStatus },
  'setup:complete': { input: SetupInput, output: SetupStatus },
  'organisations:rename': { input: OrganisationRenameInput, output: Organisation },
  'hub:settings': { input: NoInput, output: HubSettings },
  'hub:connect': { input: HubConnectInput, output: HubConnected },
  'hub:disconnect': { input: NoInput, output: HubSettings },
  'hub:sync': { input: NoInput, output: HubSyncStatus },
  'hub:status': { input: NoInput, output: HubSyncStatus },
  'region:cards': { input: RegionCardQuery, output: RegionCardPage },
  'region:card': { input: z.strictObject({ id: z.string().max(64) }), output: RegionCardDetail },
  'region:report': { input: MonthlyReportQuery, output: RegionReportStatus },
  'region:export': { input: ReportExportRequest, output: ReportExportResult },
} as const satisfies Record<ChannelName, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelArgs<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.infer<Contract[C]['output']>;

/** The names of all channels, for building the API object and checking handlers. */
export const CHANNELS = Object.keys(contract) as Channel[];
