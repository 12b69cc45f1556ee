import { DEFAULT_DECISION, DecisionInput } from '../../../shared/domain/decision';
import { toFieldErrors } from '../../../shared/domain/errors';
import { DEFAULT_SETTINGS, parseOfficeHours, RuleSettings } from '../../../shared/domain/settings';

const valid = {
  id: 'ehm-2025-11-04',
  title: 'E-hälsomyndighetens beslut 2025-11-04 (reservkort tillitsnivå 2)',
  from: '2025-12-01',
  to: '2026-06-30',
  maxValidityDays: 14,
  withoutPersonnummerUntil: '2026-03-31',
};

function decisionErrors(input: unknown) {
  const r = DecisionInput.safeParse(input);
  return r.success ? [] : toFieldErrors(r.error);
}

describe('DecisionInput', () => {
  it('accepts the default decision as it is', () => {
    expect(DecisionInput.parse(valid)).toEqual(DEFAULT_DECISION);
  });

  it('turns an absent withoutPersonnummerUntil into null and trims the title', () => {
    const { withoutPersonnummerUntil: _omit, ...rest } = valid;
    expect(DecisionInput.parse({ ...rest, title: '  Beslut  ' })).toMatchObject({
      title: 'Beslut',
      withoutPersonnummerUntil: null,
    });
  });

  it.each([
    [{ id: 'EHM-1' }, 'id', 'decisionId.format'],
    [{ id: 'a'.repeat(65) }, 'id', 'decisionId.format'],
    [{ id: '' }, 'id', 'decisionId.format'],
    [{ id: 'ehm 1' }, 'id', 'decisionId.format'],
    [{ title: '   ' }, 'title', 'required'],
    [{ title: 'x'.repeat(201) }, 'title', 'text.tooLong'],
    [{ from: '2026-02-30' }, 'from', 'date.format'],
    [{ from: '2026-2-01' }, 'from', 'date.format'],
    [{ to: '2025-11-30' }, 'to', 'decision.toBeforeFrom'],
    [{ maxValidityDays: 0 }, 'maxValidityDays', 'integer.range'],
    [{ maxValidityDays: 367 }, 'maxValidityDays', 'integer.range'],
    [{ maxValidityDays: 1.5 }, 'maxValidityDays', 'integer.range'],
    [{ maxValidityDays: '14' }, 'maxValidityDays', 'type.number'],
    [{ maxValidityDays: undefined }, 'maxValidityDays', 'required'],
    [
      { withoutPersonnummerUntil: '2025-11-30' },
      'withoutPersonnummerUntil',
      'decision.withoutPersonnummerUntilBeforeFrom',
    ],
    [{ extra: 1 }, 'extra', 'field.unknown'],
  ])('%j → %s: %s', (patch, field, message) => {
    expect(decisionErrors({ ...valid, ...patch })).toContainEqual(
      expect.objectContaining({ field, message }),
    );
  });

  it('carries the allowed range for the message', () => {
    expect(decisionErrors({ ...valid, maxValidityDays: 0 })).toEqual([
      { field: 'maxValidityDays', message: 'integer.range', params: { min: 1, max: 366 } },
    ]);
  });

  it.each([
    { id: 'a'.repeat(64) },
    { id: 'x' },
    { maxValidityDays: 1 },
    { maxValidityDays: 366 },
    { from: '2026-01-01', to: '2026-01-01', withoutPersonnummerUntil: '2026-01-01' },
    { withoutPersonnummerUntil: null },
    { withoutPersonnummerUntil: '2027-01-01' },
  ])('accepts the edge %j', (patch) => {
    expect(decisionErrors({ ...valid, ...patch })).toEqual([]);
  });
});

describe('RuleSettings', () => {
  const base = { officeHours: { start: '08:00', end: '17:00' }, closedDays: [] };

  it('defaults expiringSoonHours to 48 and matches DEFAULT_SETTINGS', () => {
    expect(RuleSettings.parse(base)).toEqual(DEFAULT_SETTINGS);
  });

  it('sorts closed days and drops duplicates', () => {
    const parsed = RuleSettings.parse({ ...base, closedDays: ['2026-05-02', '2026-01-02', '2026-05-02'] });
    expect(parsed.closedDays).toEqual(['2026-01-02', '2026-05-02']);
  });

  it.each([
    [{ officeHours: { start: '17:00', end: '08:00' } }, 'officeHours.end', 'officeHours.order'],
    [{ officeHours: { start: '08:00', end: '08:00' } }, 'officeHours.end', 'officeHours.order'],
    [{ officeHours: { start: '8:00', end: '17:00' } }, 'officeHours.start', 'clock.format'],
    [{ officeHours: { start: '08:00', end: '24:00' } }, 'officeHours.end', 'clock.format'],
    [{ officeHours: { start: '08:00', end: '17:60' } }, 'officeHours.end', 'clock.format'],
    [{ closedDays: ['2026-02-30'] }, 'closedDays.0', 'date.format'],
    [{ closedDays: '2026-02-03' }, 'closedDays', 'type.array'],
    [{ expiringSoonHours: 0 }, 'expiringSoonHours', 'integer.range'],
    [{ expiringSoonHours: 721 }, 'expiringSoonHours', 'integer.range'],
    [{ other: true }, 'other', 'field.unknown'],
  ])('%j → %s: %s', (patch, field, message) => {
    const r = RuleSettings.safeParse({ ...base, ...patch });
    expect(r.success ? [] : toFieldErrors(r.error)).toContainEqual(
      expect.objectContaining({ field, message }),
    );
  });

  it('accepts 720 hours and 23:59', () => {
    const r = RuleSettings.safeParse({
      ...base,
      expiringSoonHours: 720,
      officeHours: { start: '00:00', end: '23:59' },
    });
    expect(r.success).toBe(true);
  });
});

describe('parseOfficeHours', () => {
  it.each([
    ['09:00-15:01', { start: '09:00', end: '15:01' }],
    ['08:00–17:00', { start: '08:00', end: '17:00' }],
    [' 07:30 - 16:00 ', { start: '07:30', end: '16:00' }],
    ['15:01-09:00', null],
    ['09:00-09:00', null],
    ['9:00-15:00', null],
    ['09:00', null],
    ['25:00-26:00', null],
    ['', null],
  ])('%j → %j', (text, expected) => {
    expect(parseOfficeHours(text)).toEqual(expected);
  });
});
