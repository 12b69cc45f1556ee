import { describe, expect, it } from 'vitest';
import {
  createDecisionRepository,
  createSettingsRepository,
} from '../../../../electron/db/repositories/rules-data';
import type { Decision } from '../../../../shared/domain/decision';
import { useTempDb } from '../../support/temp-register';

const db = useTempDb();
const decision = (id: string, from: string, to: string): Decision => ({
  id,
  title: `Beslut ${id}`,
  from,
  to,
  maxValidityDays: 14,
  withoutPersonnummerUntil: null,
});

describe('decision repository', () => {
  it('stores decisions and lists them by start date, then id', () => {
    const repo = createDecisionRepository(db());
    const before = repo.list().length;
    repo.insert(decision('z-late', '2031-01-01', '2031-12-31'), 1);
    repo.insert(
      { ...decision('b-early', '2030-01-01', '2030-06-30'), withoutPersonnummerUntil: '2030-03-01' },
      1,
    );
    repo.insert(decision('a-early', '2030-01-01', '2030-02-01'), 1);
    expect(
      repo
        .list()
        .slice(before)
        .map((d) => d.id),
    ).toEqual(['a-early', 'b-early', 'z-late']);
    expect(repo.get('b-early')).toEqual({
      ...decision('b-early', '2030-01-01', '2030-06-30'),
      withoutPersonnummerUntil: '2030-03-01',
    });
    expect(repo.get('none')).toBeUndefined();
  });

  it('refuses a repeated id, a period that ends before it starts, and a date that is no date', () => {
    const repo = createDecisionRepository(db());
    repo.insert(decision('d1', '2030-01-01', '2030-02-01'), 1);
    expect(() => repo.insert(decision('d1', '2030-03-01', '2030-04-01'), 1)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => repo.insert(decision('d2', '2030-05-01', '2030-04-01'), 1)).toThrow(/CHECK/);
    expect(() => repo.insert(decision('d3', '1 jan 2030', '2030-04-01'), 1)).toThrow(/CHECK/);
  });
});

describe('settings repository', () => {
  it('stores JSON values per key and reads them back parsed', () => {
    const repo = createSettingsRepository(db());
    repo.set('deskUser', 'Kim');
    repo.set('expiringSoonHours', 72);
    repo.set('expiringSoonHours', 24);
    expect(repo.raw()).toMatchObject({ deskUser: 'Kim', expiringSoonHours: 24 });
    expect(repo.rules().expiringSoonHours).toBe(24);
  });

  it('refuses to hand the rules a stored value that is invalid', () => {
    const repo = createSettingsRepository(db());
    repo.set('expiringSoonHours', 'many');
    expect(() => repo.rules()).toThrow(/stored settings are invalid/);
  });
});
