import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { evaluateCard } from '../../../shared/rules/engine';
import type { Finding, FindingCode, RuleCard } from '../../../shared/rules/types';
import { parseInstant } from '../../../shared/time/stockholm';
import { at, contextFromRegister, MINUTE } from './fixtures';

const HOLDERS = ['SE2321000016-P1', 'SE2321000016-P2', 'SE2321000016-P3'];
const NUMBERS = ['9752000000000000001', '9752000000000000002', '123456789012'];

// Mostly spring 2026 (DST change, samordningsnummer cut-off, Easter) so that cards
// collide often; sometimes the whole period and its edges.
const minuteIn = (from: string, to: string) =>
  fc.integer({ min: at(from) / MINUTE, max: at(to) / MINUTE }).map((m) => m * MINUTE);
const issuedAtArb = fc.oneof(
  { arbitrary: minuteIn('2026-03-10 00:00', '2026-04-15 00:00'), weight: 3 },
  { arbitrary: minuteIn('2025-11-25 00:00', '2026-07-05 00:00'), weight: 1 },
);

type CardWithoutId = Omit<RuleCard, 'id'>;

const cardArb: fc.Arbitrary<CardWithoutId> = fc
  .record({
    assuranceLevel: fc.constantFrom(2 as const, 2 as const, 3 as const),
    holderHsaId: fc.constantFrom(...HOLDERS),
    cardNumber: fc.constantFrom(...NUMBERS),
    holderIdType: fc.constantFrom('personnummer' as const, 'samordningsnummer' as const, 'other' as const),
    unplannedPersonnel: fc.constantFrom(true, false, null),
    issuedAt: issuedAtArb,
    validMinutes: fc.integer({ min: 1, max: 20 * 24 * 60 }),
    issuedBy: fc.subarray(['Anna', 'anna ', 'Bertil', 'Cecilia'], { minLength: 1, maxLength: 2 }),
    endedAfterMinutes: fc.option(fc.integer({ min: 0, max: 20 * 24 * 60 }), { nil: null }),
  })
  .map(({ validMinutes, endedAfterMinutes, ...c }) => ({
    ...c,
    expiresAt: c.issuedAt + validMinutes * MINUTE,
    endedAt: endedAfterMinutes === null ? null : c.issuedAt + endedAfterMinutes * MINUTE,
  }));

const registerArb = fc
  .array(cardArb, { minLength: 1, maxLength: 8 })
  .map((cards) => cards.map((c, i): RuleCard => ({ ...c, id: `card-${i}` })));

function evaluateIn(card: RuleCard, register: readonly RuleCard[]): Finding[] {
  return evaluateCard(card, contextFromRegister(card, register));
}

describe('property: adding a later card', () => {
  it('never changes the findings of cards issued before it, except card reuse', () => {
    const seen = new Set<FindingCode>();
    fc.assert(
      fc.property(registerArb, cardArb, fc.integer({ min: 1, max: 40 * 24 * 60 }), (register, extra, gap) => {
        const latest = Math.max(...register.map((c) => c.issuedAt));
        const shift = latest + gap * MINUTE - extra.issuedAt;
        const added: RuleCard = {
          ...extra,
          id: 'added',
          issuedAt: extra.issuedAt + shift,
          expiresAt: extra.expiresAt + shift,
          endedAt: extra.endedAt === null ? null : extra.endedAt + shift,
        };
        const withoutReuse = (fs: Finding[]) => fs.filter((f) => f.code !== 'card-reused-for-other-holder');
        for (const card of register) {
          const before = evaluateIn(card, register);
          before.forEach((f) => seen.add(f.code));
          expect(withoutReuse(evaluateIn(card, [...register, added]))).toEqual(withoutReuse(before));
        }
      }),
      { numRuns: 300 },
    );
    // The property would hold vacuously if the history-dependent rules never fired.
    expect(seen).toContain('holder-has-active-card');
    expect(seen).toContain('l2-frequent-reissue');
    expect(seen).toContain('card-reused-for-other-holder');
  });
});

describe('property: UTC offset notation', () => {
  const OFFSETS = ['Z', '+01:00', '+02:00', '-05:00'] as const;

  function writeWith(ms: number, offset: (typeof OFFSETS)[number]): string {
    const instant = Temporal.Instant.fromEpochMilliseconds(ms);
    return offset === 'Z' ? instant.toString() : instant.toString({ timeZone: offset });
  }

  function reread(card: RuleCard, offset: (typeof OFFSETS)[number]): RuleCard {
    const read = (ms: number) => {
      const text = writeWith(ms, offset);
      expect(text.endsWith(offset)).toBe(true);
      const parsed = parseInstant(text);
      if (parsed === null) throw new Error(text);
      return parsed;
    };
    return {
      ...card,
      issuedAt: read(card.issuedAt),
      expiresAt: read(card.expiresAt),
      endedAt: card.endedAt === null ? null : read(card.endedAt),
    };
  }

  it('the same instants written with Z, +01:00, +02:00 or -05:00 give identical findings', () => {
    fc.assert(
      fc.property(registerArb, (register) => {
        const reference = register.map((card) => evaluateIn(card, register));
        for (const offset of OFFSETS) {
          const rewritten = register.map((c) => reread(c, offset));
          expect(rewritten.map((card) => evaluateIn(card, rewritten))).toEqual(reference);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('property: shortening a card', () => {
  it('moving expiresAt earlier never adds l2-validity-over-two-weeks (nor any other finding)', () => {
    let shortenedAway = 0;
    fc.assert(
      fc.property(registerArb, fc.double({ min: 0, max: 1, noNaN: true }), (register, fraction) => {
        const [card, ...rest] = register;
        if (!card) return;
        const span = card.expiresAt - card.issuedAt;
        const shorter: RuleCard = {
          ...card,
          expiresAt: card.issuedAt + 1 + Math.floor((span - 1) * fraction),
        };
        const before = new Set(evaluateIn(card, register).map((f) => f.code));
        const after = new Set(evaluateIn(shorter, [shorter, ...rest]).map((f) => f.code));
        if (after.has('l2-validity-over-two-weeks')) expect(before).toContain('l2-validity-over-two-weeks');
        for (const code of after) expect(before).toContain(code);
        if (before.has('l2-validity-over-two-weeks') && !after.has('l2-validity-over-two-weeks'))
          shortenedAway++;
      }),
      { numRuns: 300 },
    );
    expect(shortenedAway).toBeGreaterThan(0);
  });
});
