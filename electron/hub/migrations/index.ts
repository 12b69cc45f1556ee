import { hubMigration001 } from './001-initial';
import { hubMigration002 } from './002-hash-check';
import type { HubMigration } from './types';

/** Every hub migration, in order. The last version is the hub schema this build expects. */
export const HUB_MIGRATIONS: readonly HubMigration[] = [hubMigration001, hubMigration002];

export const HUB_SCHEMA_VERSION = HUB_MIGRATIONS[HUB_MIGRATIONS.length - 1]!.version;
export type { HubMigration, HubMigrationContext } from './types';
