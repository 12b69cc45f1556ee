import { z } from 'zod';
import { CardInput, CardRecord, HsaId } from '../domain/card';
import { Organisation } from '../domain/organisation';
import { textField } from '../domain/text';
import type { ChannelName } from './channels';

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
  offset: z.number().int().min(0).max(100_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type CardListQuery = z.input<typeof CardListQuery>;

export const CardListPage = z.object({ total: z.number().int(), rows: z.array(CardRecord) });
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
 * Every channel between the UI and the back end, with its input and output schema.
 * Channels are `domain:verb`; the UI only ever invokes them.
 */
export const contract = {
  'app:info': { input: NoInput, output: AppInfo },
  'organisations:list': { input: NoInput, output: z.array(Organisation) },
  'cards:register': { input: CardInput, output: CardRecord },
  'cards:list': { input: CardListQuery, output: CardListPage },
  'cards:get': { input: z.strictObject({ id: z.string().max(64) }), output: CardRecord },
} as const satisfies Record<ChannelName, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelArgs<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.infer<Contract[C]['output']>;

/** The names of all channels, for building the API object and checking handlers. */
export const CHANNELS = Object.keys(contract) as Channel[];
