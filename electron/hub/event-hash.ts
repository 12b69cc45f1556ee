import { createHash } from 'node:crypto';
import { canonicalJson, unsealedOf, type HubEvent, type UnsealedHubEvent } from '../../shared/hub/event';

/**
 * The content hash of an event (SPEC §8): SHA-256, lower-case hex, of the canonical JSON
 * of the event without its hash. Two desks, or a desk and the hub, that hold the same
 * event compute the same hash, so "the same event pushed twice" and "another event under
 * the same number" can be told apart.
 */
export function hashEvent(unsealed: object): string {
  return createHash('sha256').update(canonicalJson(unsealed), 'utf8').digest('hex');
}

/** Adds the content hash to an event. */
export function sealEvent(unsealed: UnsealedHubEvent): HubEvent {
  return { ...unsealed, contentHash: hashEvent(unsealed) };
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
