import { describe, expect, it } from 'vitest';
import {
  addLocalDays,
  formatInstant,
  formatLocal,
  monthBounds,
  parseInstant,
  parseLocalDateTime,
} from '../../../shared/time/stockholm';

describe('Stockholm time', () => {
  it('reads local times, refusing the spring gap and the autumn overlap', () => {
    expect(parseLocalDateTime('2026-01-31 23:30')).toEqual({
      ok: true,
      epochMs: Date.UTC(2026, 0, 31, 22, 30),
    });
    expect(parseLocalDateTime('2026-07-01 12:00')).toEqual({
      ok: true,
      epochMs: Date.UTC(2026, 6, 1, 10, 0),
    });
    expect(parseLocalDateTime('2026-03-29 02:30')).toEqual({ ok: false, reason: 'nonexistent' });
    expect(parseLocalDateTime('2026-10-25 02:30')).toEqual({ ok: false, reason: 'ambiguous' });
    expect(parseLocalDateTime('2026-10-25 03:00').ok).toBe(true);
    expect(parseLocalDateTime('2026-02-30 10:00')).toEqual({ ok: false, reason: 'format' });
    expect(parseLocalDateTime('2026-02-03 24:00')).toEqual({ ok: false, reason: 'format' });
    expect(parseLocalDateTime('3/2 10:00')).toEqual({ ok: false, reason: 'format' });
  });

  it('writes instants with the offset in force at that instant', () => {
    expect(formatInstant(Date.UTC(2026, 0, 31, 22, 30))).toBe('2026-01-31T23:30:00+01:00');
    expect(formatInstant(Date.UTC(2026, 6, 1, 10, 0))).toBe('2026-07-01T12:00:00+02:00');
    expect(formatLocal(Date.UTC(2026, 0, 31, 22, 30))).toBe('2026-01-31 23:30');
  });

  it('puts month edges at local midnight, DST months included', () => {
    expect(monthBounds('2026-02')).toEqual({
      start: Date.UTC(2026, 0, 31, 23),
      end: Date.UTC(2026, 1, 28, 23),
    });
    expect(monthBounds('2026-03').end).toBe(Date.UTC(2026, 2, 31, 22));
    expect(monthBounds('2026-12').end).toBe(Date.UTC(2026, 11, 31, 23));
  });

  it('adds calendar days in wall-clock time across DST', () => {
    const start = parseInstant('2026-03-21T21:00:00+01:00')!;
    expect(formatInstant(addLocalDays(start, 14))).toBe('2026-04-04T21:00:00+02:00');
    const autumn = parseInstant('2026-10-20T22:00:00+02:00')!;
    expect(formatInstant(addLocalDays(autumn, 14))).toBe('2026-11-03T22:00:00+01:00');
  });

  it('accepts only instants with an offset or Z', () => {
    expect(parseInstant('2026-01-03T22:15:00+01:00')).toBe(Date.UTC(2026, 0, 3, 21, 15));
    expect(parseInstant('2026-01-03T22:15Z')).toBe(Date.UTC(2026, 0, 3, 22, 15));
    expect(parseInstant('2026-01-03T22:15:00')).toBeNull();
    expect(parseInstant('2026-01-03')).toBeNull();
    expect(parseInstant('2026-01-03T22:15:00+01:00[Europe/Stockholm]')).toBeNull();
  });
});
