import type { Migration } from './types';

/**
 * Each register gets an identity of its own: a random UUID (version 4), made once, here,
 * and never changed. Its backups are copies of the database and so carry it too, which is
 * how a backup of another register that lands in the backups folder is told apart: it is
 * never counted as this register's daily backup, never offered and never restored (see
 * electron/db/register-identity.ts). `register_meta` holds facts about the register
 * itself, one row per key.
 */
export const migration007: Migration = {
  version: 7,
  name: 'register-identity',
  up: `
    CREATE TABLE register_meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    INSERT INTO register_meta (key, value) VALUES ('register-id',
      lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
      substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) ||
      substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))));
  `,
};
