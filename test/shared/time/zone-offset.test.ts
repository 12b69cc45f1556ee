import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  addLocalDays,
  formatInstant,
  formatLocal,
  localClock,
  localDate,
  monthBounds,
  parseInstant,
  parseLocalDateTime,
} from '../../../shared/time/stockholm';

// The fast paths of shared/time/zone-offset.ts against Temporal itself, which is the
// definition: every answer must be the same, DST edges above all.
const ZONE = 'Europe/Stockholm';
const zoned = (ms: number) => Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(ZONE);
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

const HOUR = 3_600_000;
// Instants anywhere in the fast range, and many within two days of a DST change.
const transitions = [2016, 2020, 2025, 2026, 2030, 2099, 2199].flatMap((y) => [
  Date.UTC(y, 2, 31 - ((new Date(Date.UTC(y, 2, 31)).getUTCDay() + 7) % 7), 1),
  Date.UTC(y, 9, 31 - ((new Date(Date.UTC(y, 9, 31)).getUTCDay() + 7) % 7), 1),
]);
const anyInstant = fc.oneof(
  fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2200, 0, 1) - 1 }),
  fc
    .tuple(fc.constantFrom(...transitions), fc.integer({ min: -48 * HOUR, max: 48 * HOUR }))
    .map(([t, d]) => t + d),
  fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2300, 0, 1) }),
);

describe('fast Stockholm time agrees with Temporal', () => {
  it('formats instants, dates and clocks the same', () => {
    fc.assert(
      fc.property(anyInstant, (ms) => {
        const z = zoned(ms);
        expect(formatInstant(ms)).toBe(z.toString({ timeZoneName: 'never', smallestUnit: 'second' }));
        expect(localDate(ms)).toBe(z.toPlainDate().toString());
        expect(formatLocal(ms)).toBe(`${z.toPlainDate().toString()} ${pad(z.hour)}:${pad(z.minute)}`);
        expect(localClock(ms)).toEqual({
          minutes: z.hour * 60 + z.minute,
          weekday: z.dayOfWeek,
          date: z.toPlainDate().toString(),
        });
      }),
      { numRuns: 3000 },
    );
  });

  it('adds calendar days the same, gaps and overlaps included', () => {
    fc.assert(
      fc.property(anyInstant, fc.integer({ min: -400, max: 400 }), (ms, days) => {
        expect(addLocalDays(ms, days)).toBe(zoned(ms).add({ days }).epochMilliseconds);
      }),
      { numRuns: 3000 },
    );
  });

  it('parses instants the same, invalid fields included', () => {
    const field = (max: number, width = 2) => fc.integer({ min: 0, max }).map((n) => pad(n, width));
    const text = fc
      .tuple(
        fc.integer({ min: 1965, max: 2205 }).map((y) => pad(y, 4)),
        field(13),
        field(32),
        field(24),
        field(60),
        fc.option(field(60)),
        fc.option(fc.stringMatching(/^\d{1,9}$/)),
        fc.constantFrom('Z', 'z', '+01:00', '+02:00', '-05:30', '+23:59', '+24:00', '+01:60'),
      )
      .map(
        ([y, mo, d, h, mi, s, f, o]) =>
          `${y}-${mo}-${d}T${h}:${mi}${s === null ? '' : `:${s}${f === null ? '' : `.${f}`}`}${o}`,
      );
    fc.assert(
      fc.property(text, (t) => {
        let expected: number | null;
        try {
          expected = Temporal.Instant.from(t).epochMilliseconds;
        } catch {
          expected = null;
        }
        expect(parseInstant(t)).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });

  it('reads local times the same, refusing gaps and overlaps', () => {
    fc.assert(
      fc.property(anyInstant, fc.integer({ min: -90, max: 90 }), (ms, shiftMinutes) => {
        const z = zoned(ms).add({ minutes: shiftMinutes });
        const text = `${z.toPlainDate().toString()} ${pad(z.hour)}:${pad(z.minute)}`;
        const plain = Temporal.PlainDateTime.from(text.replace(' ', 'T'));
        const exact = (['earlier', 'later'] as const)
          .map((disambiguation) => plain.toZonedDateTime(ZONE, { disambiguation }))
          .filter((c) => c.toPlainDateTime().equals(plain));
        const expected =
          exact.length === 0
            ? { ok: false, reason: 'nonexistent' }
            : exact.length === 2 && exact[0]!.epochMilliseconds !== exact[1]!.epochMilliseconds
              ? { ok: false, reason: 'ambiguous' }
              : { ok: true, epochMs: exact[0]!.epochMilliseconds };
        expect(parseLocalDateTime(text)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps month bounds apart from what a caller does with them', () => {
    const bounds = monthBounds('2026-03');
    bounds.start = 0;
    expect(monthBounds('2026-03').start).toBe(Date.UTC(2026, 1, 28, 23));
  });
});
