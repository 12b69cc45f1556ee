import type Database from 'better-sqlite3';

/** An open register connection. Its own module, so db/open.ts, health.ts and backup-store.ts share it without importing each other. */
export type Db = Database.Database;
