import { migration001 } from './001-initial';
import { migration002 } from './002-default-decision';
import { migration003 } from './003-card-findings';
import { migration004 } from './004-review-index';
import { migration005 } from './005-reported-months';
import { migration006 } from './006-register-search';
import { migration007 } from './007-register-identity';
import { migration008 } from './008-hsa-id-case';
import { migration009 } from './009-hub-outbox';
import type { Migration } from './types';

/** Every migration, in order. The last version is the schema this build of the app expects. */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
export type { Migration };
