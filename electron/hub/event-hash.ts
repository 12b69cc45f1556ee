import { createHash } from 'node:crypto';
import {
  canonicalJson,
  UnsealedHubEvent,
  unsealedOf,
  type HubEvent,
  type UnsealedHubEvent as UnsealedHubEventType,
} from '../../shared/hub/event';

/**
 * The content hash of an event (SPEC §8): SHA-256, lower-case hex, of the canonical JSON
 * of the event without its hash. Two desks, or a desk and the hub, that hold the same
 * event compute the same hash, so "the same event pushed twice" and "another event under
 * the same number" can be told apart.
 */
export function hashEvent(unsealed: object): string {
  return hashText(canonicalJson(unsealed));
}

/** SHA-256, lower-case hex, of a canonical JSON text. */
export function hashText(canonical: string): string {
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** Adds the content hash to an event. */
export function sealEvent(unsealed: UnsealedHubEventType): HubEvent {
  return { ...unsealed, contentHash: hashEvent(unsealed) };
}

// Events sealed by sealCheckedEvent in this process, frozen, with the canonical JSON that
// their hash was computed from.
const checked = new WeakMap<HubEvent, string>();

/**
 * Checks an event against the schema, seals it and freezes it. `pushEvents` trusts such an
 * event without checking it again (it cannot have changed since), and sends the canonical
 * text its hash was computed from. Throws the schema's ZodError for an invalid event.
 */
export function sealCheckedEvent(unsealed: unknown): HubEvent {
  // The schema lists the keys in sorted order, so the parsed event is already canonical.
  const parsed = UnsealedHubEvent.parse(unsealed);
  const canonical = canonicalJson(parsed);
  Object.freeze(parsed.card);
  const event = Object.freeze({ ...parsed, contentHash: hashText(canonical) });
  checked.set(event, canonical);
  return event;
}

/**
 * The canonical JSON of an event sealed by sealCheckedEvent in this process (valid, its
 * hash right, unchangeable), or undefined for any other object.
 */
export function checkedCanonicalJson(event: HubEvent): string | undefined {
  return checked.get(event);
}

/**
 * Whether an event's hash matches its content. Works for an event of any schema version
 * as it was written (the hash covers the written form, not an upcast one).
 */
export function hasValidHash(event: { contentHash: string } & Record<string, unknown>): boolean {
  const { contentHash, ...rest } = event;
  return hashEvent(rest) === contentHash;
}

export { unsealedOf };
