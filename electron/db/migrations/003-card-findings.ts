import type { Migration } from './types';

/**
 * Stored findings per card, so the register can show badges and filter "med avvikelser"
 * without evaluating every card on every page. Recomputed whenever a card, a decision or
 * a setting they depend on changes; the rules engine stays the one definition.
 */
export const migration003: Migration = {
  version: 3,
  name: 'card-findings',
  up: `
    CREATE TABLE card_findings (
      card_id TEXT NOT NULL REFERENCES cards(id),
      code TEXT NOT NULL,
      severity TEXT NOT NULL CHECK (severity IN ('violation', 'warning')),
      PRIMARY KEY (card_id, code)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX card_findings_severity ON card_findings (severity, card_id);
  `,
};
