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
export function createDecisionRepository(db: Db) {
  const all = db.prepare<[], DecisionRow>('SELECT * FROM decisions ORDER BY from_date, id');
  const byId = db.prepare<[string], DecisionRow>('SELECT * FROM decisions WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO decisions (id, title, from_date, to_date, max_validity_days, without_personnummer_until, created_at)
     VALUES (@id, @title, @from, @to, @maxValidityDays, @withoutPersonnummerUntil, @at)`,
  );
  return {
    /** Every decision, oldest first. */
    list: (): Decision[] => all.all().map(toDecision),
    /** The decision with this id, or undefined. */
    get: (id: string): Decision | undefined => {
      const row = byId.get(id);
      return row ? toDecision(row) : undefined;
    },
    /** Stores a new decision. */
    insert: (decision: Decision, at: number): void => void insert.run({ ...decision, at }),
  };
}

/** SQL for installation settings: one JSON value per key. */
export function createSettingsRepository(db: Db) {
  const all = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings');
  const upsert = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  return {
    /** Every stored key with its parsed value. */
    raw(): Record<string, unknown> {
      return Object.fromEntries(all.all().map((r) => [r.key, JSON.parse(r.value) as unknown]));
    },
    /** The settings the rules read, validated (a damaged value falls back to its default). */
    rules(): RuleSettings {
      const raw = this.raw();
      const parsed = RuleSettings.safeParse({
        officeHours: raw.officeHours,
        closedDays: raw.closedDays,
        expiringSoonHours: raw.expiringSoonHours,
      });
      if (parsed.success) return parsed.data;
      throw new Error(`stored settings are invalid: ${parsed.error.message}`);
    },
    /** Stores one value. */
    set(key: string, value: unknown): void {
      upsert.run(key, JSON.stringify(value));
    },
  };
}
