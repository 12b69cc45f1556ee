import { createHash } from 'node:crypto';
import fc from 'fast-check';
import {
  checkedCanonicalJson,
  hashEvent,
  sealCheckedEvent,
  sealEvent,
} from '../../../electron/hub/event-hash';
import { canonicalJson, referenceCanonicalJson } from '../../../shared/hub/event';
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

describe('canonicalJson', () => {
  // Keys that sort differently by code unit than by locale or length, and keys an object
  // keeps out of insertion order (numeric ones, __proto__).
  const key = fc.oneof(
    fc.constantFrom('a', 'B', 'b', 'aa', 'Z', 'é', 'ä', '10', '9', '0', '__proto__', '', 'card', 'cardId'),
    fc.string({ maxLength: 4 }),
  );
  const value = fc.letrec((tie) => ({
    json: fc.oneof(
      { depthSize: 'small' },
      fc.constant(null),
      fc.boolean(),
      fc.double(),
      fc.integer(),
      fc.string({ maxLength: 6 }),
      fc.constant(undefined),
      fc.array(tie('json'), { maxLength: 4 }),
      fc.dictionary(key, tie('json'), { maxKeys: 6 }),
      fc.dictionary(key, tie('json'), { maxKeys: 6, noNullPrototype: false }),
    ),
  })).json;

  it('writes exactly what the reference writes, or throws where it throws', () => {
    fc.assert(
      fc.property(value, (v) => {
        let expected: string | Error;
        try {
          expected = referenceCanonicalJson(v);
        } catch (error) {
          expected = error as Error;
        }
        if (expected instanceof Error) expect(() => canonicalJson(v)).toThrow(expected.message);
        else expect(canonicalJson(v)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('writes an event the same whatever order its keys come in', () => {
    const { contentHash: _hash, ...unsealed } = deskLog('boras').register();
    const reversed = Object.fromEntries(Object.entries(unsealed).reverse());
    expect(canonicalJson(reversed)).toBe(referenceCanonicalJson(unsealed));
    expect(canonicalJson(JSON.parse(canonicalJson(unsealed)))).toBe(canonicalJson(unsealed));
  });
});

describe('sealCheckedEvent', () => {
  it('seals with the same hash as sealEvent, freezes the event, and refuses an invalid one', () => {
    const { contentHash, ...unsealed } = deskLog('boras').register();
    const checked = sealCheckedEvent(unsealed);
    expect(checked.contentHash).toBe(contentHash);
    expect(checked).toEqual({ ...unsealed, contentHash });
    expect(Object.isFrozen(checked) && Object.isFrozen(checked.card)).toBe(true);
    expect(checkedCanonicalJson(checked)).toBe(canonicalJson(unsealed));
    expect(checkedCanonicalJson(sealEvent(unsealed))).toBeUndefined();
    expect(() => sealCheckedEvent({ ...unsealed, card: { ...unsealed.card, holderName: 'Anna' } })).toThrow(
      /holderName/,
    );
    expect(() => sealCheckedEvent({ ...unsealed, deskSeq: 0 })).toThrow();
  });
});
