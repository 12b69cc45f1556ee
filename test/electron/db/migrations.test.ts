import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migration001 } from '../../../electron/db/migrations/001-initial';
import { migration002 } from '../../../electron/db/migrations/002-default-decision';
import { migration003 } from '../../../electron/db/migrations/003-card-findings';
import { migration005 } from '../../../electron/db/migrations/005-reported-months';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../electron/db/migrations';
import { DatabaseTooNewError, openDatabase } from '../../../electron/db/open';
import { tempDir } from '../../fixtures/cards';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

function schemaOf(db: Database.Database): string[] {
  return db
    .prepare<[], { type: string; name: string; sql: string }>(
      "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
    )
    .all()
    .map((r) => `${r.type} ${r.name}: ${r.sql.replace(/\s+/g, ' ')}`);
}

describe('migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('open an empty file at the current version with WAL, FULL sync and foreign keys', () => {
    const db = openDatabase(join(dir, 'k.db'));
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db
      .prepare<[], { name: string; strict: number }>(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'",
      )
      .all();
    expect(tables.map((t) => t.name).sort()).toEqual([
      'audit_log',
      'card_findings',
      'cards',
      'decisions',
      'hub_desks',
      'hub_link',
      'hub_organisations',
      'organisations',
      'outbox',
      'pulled_cards',
      'region_reported_months',
      'register_meta',
      'reported_months',
      'settings',
    ]);
    expect(tables.every((t) => t.strict === 1)).toBe(true);
    db.close();
  });

  it('001 creates the tables, their checks and an append-only audit log', () => {
    const db = new Database(join(dir, 'k.db'));
    db.exec(migration001.up);
    db.prepare("INSERT INTO organisations VALUES ('SE2321000016-A1B2', 'Region', 0)").run();
    const insertCard = (level: number, unplanned: number | null) =>
      db
        .prepare(
          `INSERT INTO cards (id, organisation_hsa_id, assurance_level, card_number, holder_hsa_id, holder_name,
            holder_name_key, holder_id_type, unplanned_personnel, issued_at, expires_at, reason_code, issued_by,
            created_at, updated_at) VALUES (?, 'SE2321000016-A1B2', ?, '9752210000000000001', 'h', 'n', 'n',
            'personnummer', ?, 1, 2, 'forgotten-card', '["a"]', 0, 0)`,
        )
        .run(`c${level}${unplanned}`, level, unplanned);
    expect(() => insertCard(4, 1)).toThrow(/CHECK/);
    expect(() => insertCard(2, null)).toThrow(/CHECK/);
    expect(() => insertCard(3, null)).not.toThrow();
    db.prepare(
      "INSERT INTO audit_log (at, actor, action, entity, prev_hash, hash) VALUES (1, 'a', 'x', 'card', '0', '1')",
    ).run();
    expect(() => db.prepare("UPDATE audit_log SET actor = 'b'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    db.close();
  });

  it('002 seeds the default decision and settings once', () => {
    const db = new Database(join(dir, 'k.db'));
    db.exec(migration001.up);
    db.exec(migration002.up);
    db.exec(migration002.up);
    expect(db.prepare('SELECT * FROM decisions').all()).toEqual([
      expect.objectContaining({
        id: 'ehm-2025-11-04',
        from_date: '2025-12-01',
        to_date: '2026-06-30',
        max_validity_days: 14,
        without_personnummer_until: '2026-03-31',
      }),
    ]);
    const settings = Object.fromEntries(
      db
        .prepare<[], { key: string; value: string }>('SELECT key, value FROM settings')
        .all()
        .map((r) => [r.key, JSON.parse(r.value)]),
    );
    expect(settings).toEqual({
      officeHours: { start: '08:00', end: '17:00' },
      closedDays: [],
      expiringSoonHours: 48,
    });
    db.close();
  });

  it('003 stores one finding per card and code, tied to an existing card', () => {
    const db = new Database(join(dir, 'k.db'));
    db.pragma('foreign_keys = ON');
    db.exec(migration001.up);
    db.exec(migration003.up);
    expect(() => db.prepare("INSERT INTO card_findings VALUES ('nope', 'x', 'violation')").run()).toThrow(
      /FOREIGN KEY/,
    );
    db.prepare("INSERT INTO organisations VALUES ('SE2321000016-A1B2', 'Region', 0)").run();
    db.prepare(
      `INSERT INTO cards (id, organisation_hsa_id, assurance_level, card_number, holder_hsa_id, holder_name,
        holder_name_key, holder_id_type, unplanned_personnel, issued_at, expires_at, reason_code, issued_by,
        created_at, updated_at) VALUES ('c1', 'SE2321000016-A1B2', 2, '9752210000000000001', 'h', 'n', 'n',
        'personnummer', 1, 1, 2, 'forgotten-card', '["a"]', 0, 0)`,
    ).run();
    db.prepare("INSERT INTO card_findings VALUES ('c1', 'l2-planned-personnel', 'violation')").run();
    expect(() =>
      db.prepare("INSERT INTO card_findings VALUES ('c1', 'l2-planned-personnel', 'warning')").run(),
    ).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO card_findings VALUES ('c1', 'x', 'info')").run()).toThrow(/CHECK/);
    db.close();
  });

  it('005 keeps one export record per month, with a well-formed month, hash and report', () => {
    const db = new Database(join(dir, 'k.db'));
    db.exec(migration005.up);
    const insert = db.prepare(
      "INSERT INTO reported_months VALUES (?, 'kortliggaren/monthly-report@1', ?, 1, ?) ON CONFLICT (month) DO UPDATE SET exported_at = 2",
    );
    const hash = 'a'.repeat(64);
    insert.run('2026-02', hash, '{}');
    insert.run('2026-02', hash, '{}');
    expect(db.prepare('SELECT month, exported_at FROM reported_months').all()).toEqual([
      { month: '2026-02', exported_at: 2 },
    ]);
    expect(() => insert.run('feb', hash, '{}')).toThrow(/CHECK/);
    expect(() => insert.run('2026-03', 'A'.repeat(64), '{}')).toThrow(/CHECK/);
    expect(() => insert.run('2026-03', 'a'.repeat(63), '{}')).toThrow(/CHECK/);
    expect(() => insert.run('2026-03', hash, 'not json')).toThrow(/CHECK/);
    db.close();
  });

  it('refuses a database written by a newer app and leaves it untouched', () => {
    const file = join(dir, 'future.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);
    const again = new Database(file);
    expect(again.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
    again.close();
  });

  it('backs up an existing database before migrating it, data included', () => {
    const file = join(dir, 'k.db');
    const raw = new Database(file);
    raw.exec(migration001.up);
    raw.pragma('user_version = 1');
    raw.prepare("INSERT INTO organisations VALUES ('SE2321000016-A1B2', 'Region', 0)").run();
    raw.close();
    const db = openDatabase(file, { now: () => new Date('2026-11-28T10:00:00Z') });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
    const backups = readdirSync(join(dir, 'backups'));
    expect(backups).toEqual(['k-before-v2-2026-11-28T10-00-00-000Z.db']);
    const copy = new Database(join(dir, 'backups', backups[0]!), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare('SELECT name FROM organisations').all()).toEqual([{ name: 'Region' }]);
    copy.close();
  });

  it('takes no backup of a brand-new database', () => {
    openDatabase(join(dir, 'new.db')).close();
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });

  it('matches the schema snapshot (a changed schema needs a new migration)', () => {
    const db = openDatabase(join(dir, 'k.db'));
    expect(schemaOf(db)).toMatchSnapshot();
    db.close();
  });
});
