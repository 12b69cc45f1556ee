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

/**
 * The fields of a card that the rules and the report need, and nothing more (SPEC §8).
 * Keys in sorted order here and in the event below: a parsed event then comes out with its
 * keys sorted, and `canonicalJson` writes it without sorting (its fast path).
 */
export const HubCardState = z.strictObject({
  assuranceLevel: z.union([z.literal(2), z.literal(3)]),
  cardId: EventUuid,
  cardNumber: z.string().regex(/^\d{10,20}$/),
  endReason: z.enum(END_REASONS).nullable(),
  endedAt: EpochMs.nullable(),
  expiresAt: EpochMs,
  extendsCardId: EventUuid.nullable(),
  holderHsaId: z.string().min(1).max(40),
  holderIdType: z.enum(HOLDER_ID_TYPES),
  issuedAt: EpochMs,
  organisationHsaId: z.string().min(1).max(31),
  organisationName: z.string().min(1).max(200),
  reasonCode: z.enum(REASON_CODES),
  reasonText: z.string().max(500),
  unplannedPersonnel: z.boolean().nullable(),
  voided: z.boolean(),
});
export type HubCardState = z.infer<typeof HubCardState>;

/** An event before it is sealed with its content hash. */
export const UnsealedHubEvent = z.strictObject({
  card: HubCardState,
  deskId: DeskId,
  deskSeq: z.number().int().positive(),
  eventId: EventUuid,
  kind: z.enum(HUB_EVENT_KINDS),
  occurredAt: EpochMs,
  schemaVersion: z.literal(HUB_EVENT_SCHEMA_VERSION),
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
 *
 * Keys sort by UTF-16 code units, undefined object members are left out, and a number that
 * is not finite throws. Data whose keys are already in order (a parsed event, an outbox
 * payload) is written by JSON.stringify as it is; other plain data is copied with its keys
 * sorted first; anything else (arrays with holes, numeric keys, class instances) is written
 * by `referenceCanonicalJson`, which defines the text.
 */
export function canonicalJson(value: unknown): string {
  const form = canonicalForm(value);
  return form === UNSUPPORTED ? referenceCanonicalJson(value) : JSON.stringify(form);
}

/** canonicalJson written out step by step: slow, and the definition the fast paths keep to. */
export function referenceCanonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new TypeError('canonicalJson: not finite');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(referenceCanonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${referenceCanonicalJson(v)}`).join(',')}}`;
}

const UNSUPPORTED: unique symbol = Symbol('unsupported');

/**
 * What JSON.stringify writes canonically: `value` itself when its keys are already sorted at
 * every depth, else a copy with sorted keys; UNSUPPORTED for anything JSON.stringify would
 * write differently from the reference (non-finite numbers, undefined or holes in arrays,
 * functions, bigints, objects that are not plain, and keys that an object would not keep in
 * insertion order: ones starting with a digit, and __proto__).
 */
function canonicalForm(value: unknown): unknown {
  if (value === null) return value;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : UNSUPPORTED;
    case 'object':
      break;
    default:
      return UNSUPPORTED;
  }
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) return UNSUPPORTED;
      const item: unknown = value[i];
      if (item === undefined) return UNSUPPORTED;
      const form = canonicalForm(item);
      if (form === UNSUPPORTED) return UNSUPPORTED;
      if (form !== item && !copy) copy = value.slice(0, i);
      copy?.push(form);
    }
    return copy ?? value;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return UNSUPPORTED;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  const forms: unknown[] = new Array(keys.length);
  let sorted = true;
  let same = true;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const first = key.charCodeAt(0);
    if ((first >= 48 && first <= 57) || key === '__proto__') return UNSUPPORTED;
    if (i > 0 && !(keys[i - 1]! < key)) sorted = false;
    const item = record[key];
    if (item === undefined) continue;
    const form = canonicalForm(item);
    if (form === UNSUPPORTED) return UNSUPPORTED;
    if (form !== item) same = false;
    forms[i] = form;
  }
  if (sorted && same) return value;
  const order = keys.map((_, i) => i);
  if (!sorted) order.sort((a, b) => (keys[a]! < keys[b]! ? -1 : 1));
  const copy: Record<string, unknown> = {};
  for (const i of order) if (forms[i] !== undefined) copy[keys[i]!] = forms[i];
  return copy;
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
