import type { Db } from '../open';

/** What a migration's code may use besides the database. */
export interface MigrationContext {
  /** The clock (epoch ms), for the audit entries a migration writes. */
  now: number;
}

/** One schema step. Never edit a released migration: add a new one. */
export interface Migration {
  version: number;
  name: string;
  /** SQL run inside the migration's transaction. */
  up: string;
  /**
   * What SQL alone cannot do (audit entries need their SHA-256 hash), run after `up` in
   * the same transaction.
   */
  run?: (db: Db, context: MigrationContext) => void;
}
