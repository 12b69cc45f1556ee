import { createHash } from 'node:crypto';
import { hashEvent, sealEvent } from '../../../electron/hub/event-hash';
import { canonicalJson } from '../../../shared/hub/event';
import { deskLog } from './support';

describe('the content hash', () => {
  it('is SHA-256 of the canonical JSON of the event without its hash', () => {
    const event = deskLog('boras').register();
    const { contentHash, ...unsealed } = event;
    expect(contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashEvent(unsealed)).toBe(contentHash);
    // Key order does not matter; content does.
    expect(contentHash).toBe(createHash('sha256').update(canonicalJson(unsealed)).digest('hex'));
    const reordered = JSON.parse(canonicalJson(unsealed)) as typeof unsealed;
    expect(sealEvent(reordered).contentHash).toBe(contentHash);
    expect(sealEvent({ ...unsealed, deskSeq: 2 }).contentHash).not.toBe(contentHash);
  });
});
