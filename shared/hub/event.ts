import { z } from 'zod';
import { END_REASONS, HOLDER_ID_TYPES, REASON_CODES } from '../domain/reason-codes';

/**
 * The events a desk sends to the regional hub (SPEC §8). Each event carries the card's whole
 * state after the change, so the newest event of a card (by desk id and `deskSeq`) is the card.
 * Holder names, notes and issuers never travel: they stay at the desk that collected them.
 */

/** The schema version this build writes. Older versions are still read (see `readHubEvent`). */
export const HUB_EVENT_SCHEMA_VERSION = 1;

export const HUB_EVENT_KINDS = ['registered', 'corrected', 'extended', 'ended', 'voided', 'erased'] as const;
export type HubEventKind = (typeof HUB_EVENT_KINDS)[number];

/** A desk id as `hub desk add --desk` takes it. */
export const DESK_ID_RE = /^[a-z0-9-]{2,40}$/;
export const DeskId = z.string().regex(DESK_ID_RE, { message: 'deskId.format' });

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const EventUuid = z.string().regex(UUID_RE, { message: 'uuid.format' });
const EpochMs = z.number().int().nonnegative();

/** The fields of a card that the rules and the report need, and nothing more (SPEC §8). */
export const HubCardState = z.strictObject({
  cardId: EventUuid,
  organisationHsaId: z.string().min(1).max(31),
  organisationName: z.string().min(1).max(200),
  assuranceLevel: z.union([z.literal(2), z.literal(3)]),
  cardNumber: z.string().regex(/^\d{10,20}$/),
  holderHsaId: z.string().min(1).max(40),
  holderIdType: z.enum(HOLDER_ID_TYPES),
  unplannedPersonnel: z.boolean().nullable(),
  issuedAt: EpochMs,
  expiresAt: EpochMs,
  reasonCode: z.enum(REASON_CODES),
  reasonText: z.string().max(500),
  extendsCardId: EventUuid.nullable(),
  endedAt: EpochMs.nullable(),
  endReason: z.enum(END_REASONS).nullable(),
  voided: z.boolean(),
});
export type HubCardState = z.infer<typeof HubCardState>;

/** An event before it is sealed with its content hash. */
export const UnsealedHubEvent = z.strictObject({
  schemaVersion: z.literal(HUB_EVENT_SCHEMA_VERSION),
  eventId: EventUuid,
  deskId: DeskId,
  deskSeq: z.number().int().positive(),
  kind: z.enum(HUB_EVENT_KINDS),
  occurredAt: EpochMs,
  card: HubCardState,
});
export type UnsealedHubEvent = z.infer<typeof UnsealedHubEvent>;

/** A sealed event: `contentHash` is SHA-256 (lower-case hex) of `canonicalJson(unsealed)`. */
export const HubEvent = UnsealedHubEvent.extend({
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, { message: 'contentHash.format' }),
});
export type HubEvent = z.infer<typeof HubEvent>;

/**
 * JSON with object keys sorted at every depth and no white space: the same event always gives
 * the same text, on every desk and on the hub, so its hash can be compared.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new TypeError('canonicalJson: not finite');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The part of an event that its content hash covers. */
export function unsealedOf(event: HubEvent): UnsealedHubEvent {
  const { contentHash: _hash, ...rest } = event;
  return rest;
}

/**
 * How to read an event written by an older build: `UPCASTERS[v]` turns an event of schema
 * version v (as written, hash included) into one of version v + 1. Empty while version 1 is
 * the only one. A new version adds its step here, and from then on two events are the same
 * when their upcast forms are (`sameHubEventContent`): the hub and a desk compare that,
 * not the hashes, whenever the versions differ, so an event pushed before an upgrade and
 * pushed again after it is still a duplicate and not a conflict.
 */
const UPCASTERS: Readonly<Record<number, (event: Record<string, unknown>) => Record<string, unknown>>> = {};

/** The schema version an event says it has, or undefined. */
export function schemaVersionOf(raw: unknown): number | undefined {
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  return typeof version === 'number' && Number.isInteger(version) ? version : undefined;
}

/** Whether an event was written by a newer build than this one (it cannot be read here). */
export function isNewerHubEvent(raw: unknown): boolean {
  const version = schemaVersionOf(raw);
  return version !== undefined && version > HUB_EVENT_SCHEMA_VERSION;
}

/**
 * Reads an event as stored on the hub or in an outbox, of this or an older schema version,
 * and returns it in the current shape; `contentHash` stays the hash of the event as it was
 * written (check it with the written form, before reading). Throws a ZodError when it is
 * not a valid event, or is of a newer version (see isNewerHubEvent).
 */
export function readHubEvent(raw: unknown): HubEvent {
  let event = raw;
  for (
    let version = schemaVersionOf(raw);
    version !== undefined && version < HUB_EVENT_SCHEMA_VERSION;
    version++
  ) {
    const upcast = UPCASTERS[version];
    if (!upcast || event === null || typeof event !== 'object') break;
    event = upcast(event as Record<string, unknown>);
  }
  return HubEvent.parse(event);
}

/**
 * Whether two events (of any versions this build reads) carry the same content: their
 * upcast forms are equal apart from the hash. For events of one version this is the same
 * as comparing their content hashes.
 */
export function sameHubEventContent(a: unknown, b: unknown): boolean {
  const strip = (raw: unknown) => {
    const { contentHash: _hash, ...rest } = readHubEvent(raw);
    return canonicalJson(rest);
  };
  return strip(a) === strip(b);
}
