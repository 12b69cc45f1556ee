/** The names a hub migration's SQL needs, already quoted as SQL identifiers. */
export interface HubMigrationContext {
  /** The hub's own schema: `kortliggaren`. */
  schema: string;
  /** The database, for database-level grants. */
  database: string;
  /** The NOLOGIN group role every desk role belongs to. */
  deskGroup: string;
  /** The NOLOGIN role that may read everything (for regional coordinators). */
  coordinator: string;
  /** The hub's id, as SQL text literal (only migration 1 stores it). */
  hubIdLiteral: string;
}

/** One step of the hub's schema. Never edit a released migration: add a new one. */
export interface HubMigration {
  version: number;
  name: string;
  /** SQL run in the migration's transaction, on PostgreSQL 15 or later. */
  up: (ctx: HubMigrationContext) => string;
}
