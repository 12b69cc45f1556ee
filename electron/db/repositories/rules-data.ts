import type { Decision } from '../../../shared/domain/decision';
import { RuleSettings } from '../../../shared/domain/settings';
import type { Db } from '../types';

interface DecisionRow {
  id: string;
  title: string;
  from_date: string;
  to_date: string;
  max_validity_days: number;
  without_personnummer_until: string | null;
}

const toDecision = (r: DecisionRow): Decision => ({
  id: r.id,
  title: r.title,
  from: r.from_date,
  to: r.to_date,
  maxValidityDays: r.max_validity_days,
  withoutPersonnummerUntil: r.without_personnummer_until,
});

/** SQL for dispensation decisions. */
export interface DecisionRepository {
  /** Every decision, oldest first. */
  list: () => Decision[];
  /** The decision with this id, or undefined. */
  get: (id: string) => Decision | undefined;
  /** Stores a new decision; a second one under the same id is refused. */
  insert: (decision: Decision, at: number) => void;
}

/** Prepares the decision statements of a connection. */
export function createDecisionRepository(db: Db): DecisionRepository {
  const all = db.prepare<[], DecisionRow>('SELECT * FROM decisions ORDER BY from_date, id');
  const byId = db.prepare<[string], DecisionRow>('SELECT * FROM decisions WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO decisions (id, title, from_date, to_date, max_validity_days, without_personnummer_until, created_at)
     VALUES (@id, @title, @from, @to, @maxValidityDays, @withoutPersonnummerUntil, @at)`,
  );
  return {
    list: (): Decision[] => all.all().map(toDecision),
    get: (id: string): Decision | undefined => {
      const row = byId.get(id);
      return row ? toDecision(row) : undefined;
    },
    insert: (decision: Decision, at: number): void => void insert.run({ ...decision, at }),
  };
}

/** SQL for installation settings: one JSON value per key. */
export interface SettingsRepository {
  /** Every stored key with its parsed value. */
  raw: () => Record<string, unknown>;
  /** The settings the rules read, validated; throws when a stored value is invalid. */
  rules: () => RuleSettings;
  /** Stores one value (as JSON), replacing what the key held. */
  set: (key: string, value: unknown) => void;
}

/** Prepares the settings statements of a connection. */
export function createSettingsRepository(db: Db): SettingsRepository {
  const all = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings');
  const upsert = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const raw = (): Record<string, unknown> =>
    Object.fromEntries(all.all().map((r) => [r.key, JSON.parse(r.value) as unknown]));
  return {
    raw,
    rules(): RuleSettings {
      const stored = raw();
      const parsed = RuleSettings.safeParse({
        officeHours: stored.officeHours,
        closedDays: stored.closedDays,
        expiringSoonHours: stored.expiringSoonHours,
      });
      if (parsed.success) return parsed.data;
      throw new Error(`stored settings are invalid: ${parsed.error.message}`);
    },
    set(key: string, value: unknown): void {
      upsert.run(key, JSON.stringify(value));
    },
  };
}
