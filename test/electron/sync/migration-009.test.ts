import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migration009 } from '../../../electron/db/migrations/009-hub-outbox';
import { openDatabase } from '../../../electron/db/open';
import { HubCardState } from '../../../shared/hub/event';
import { tempDir } from '../../fixtures/cards';
import { OLD_ORG as ORG, oldRegister } from './old-register-fixture';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

type Row = Record<string, unknown>;
const all = (db: Database.Database, sql: string) => db.prepare<[], Row>(sql).all();
const schemaOf = (db: Database.Database, type: string, table: string) =>
  all(
    db,
    `SELECT name, sql FROM sqlite_master WHERE type = '${type}' AND tbl_name = '${table}' ORDER BY name`,
  );

describe('migration 009', () => {
  it('keeps every card, finding, index and foreign key of the cards table but the extension link', () => {
    const file = join(dir, 'k.db');
    oldRegister(file);
    const before = new Database(file, { readonly: true });
    const cards = all(before, 'SELECT * FROM cards ORDER BY id');
    const findings = all(before, 'SELECT * FROM card_findings');
    const indexes = schemaOf(before, 'index', 'cards');
    const tableSql = String(schemaOf(before, 'table', 'cards')[0]!.sql);
    before.close();

    const db = openDatabase(file, { backupDir: join(dir, 'backups') });
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(migration009.version);
    expect(all(db, 'SELECT * FROM cards ORDER BY id')).toEqual(cards);
    expect(all(db, 'SELECT * FROM card_findings')).toEqual(findings);
    expect(schemaOf(db, 'index', 'cards')).toEqual(indexes);
    const newSql = String(schemaOf(db, 'table', 'cards')[0]!.sql);
    expect(tableSql).toContain('extends_card_id TEXT REFERENCES cards(id)');
    expect(newSql).not.toContain('REFERENCES cards');
    // The rest of the definition is the same, word for word.
    const words = (sql: string) =>
      sql
        .replace(/--[^\n]*/g, '')
        .replace(' REFERENCES cards(id)', '')
        .split(/\s+/)
        .filter(Boolean);
    expect(words(newSql)).toEqual(words(tableSql));
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // An extension of a card only another desk has is possible; a finding of no card is not.
    const anyCard = cards[0]!;
    expect(() =>
      db
        .prepare(
          'INSERT INTO cards SELECT * FROM (SELECT ?, organisation_hsa_id, assurance_level, card_number, holder_hsa_id, holder_name, holder_name_key, holder_id_type, unplanned_personnel, issued_at, expires_at, reason_code, reason_text, issued_by, ?, NULL, NULL, note, NULL, NULL, NULL, created_at, updated_at FROM cards WHERE id = ?)',
        )
        .run('7f1c1f7e-3b7a-4a51-9a51-000000000001', '9f1c1f7e-3b7a-4a51-9a51-000000000009', anyCard.id),
    ).not.toThrow();
    expect(() => db.prepare("INSERT INTO card_findings VALUES ('nope', 'x', 'warning')").run()).toThrow(
      /FOREIGN KEY/,
    );
    db.close();
  });

  it('writes one registered event per existing card, oldest first, with the state the rules and report need', () => {
    const file = join(dir, 'k.db');
    oldRegister(file);
    const db = openDatabase(file, { backupDir: join(dir, 'backups') });
    const events = all(db, 'SELECT * FROM outbox ORDER BY desk_seq');
    const cards = all(
      db,
      'SELECT c.*, o.name AS organisation_name FROM cards c JOIN organisations o ON o.hsa_id = c.organisation_hsa_id ORDER BY c.created_at, c.id',
    ).filter((c) => !String(c.id).startsWith('7f'));
    expect(events.map((e) => e.desk_seq)).toEqual([1, 2, 3, 4]);
    expect(events.map((e) => e.card_id)).toEqual(cards.map((c) => c.id));
    expect(new Set(events.map((e) => e.event_id)).size).toBe(4);
    for (const [i, event] of events.entries()) {
      const card = cards[i]!;
      expect(event.kind).toBe('registered');
      expect(event.event_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(event.occurred_at).toBe(card.updated_at);
      const state = HubCardState.parse(JSON.parse(String(event.payload)));
      expect(state).toEqual({
        cardId: card.id,
        organisationHsaId: ORG,
        organisationName: 'Region "Väst"',
        assuranceLevel: card.assurance_level,
        cardNumber: card.card_number,
        holderHsaId: card.holder_hsa_id,
        holderIdType: 'personnummer',
        unplannedPersonnel: card.unplanned_personnel === null ? null : card.unplanned_personnel === 1,
        issuedAt: card.issued_at,
        expiresAt: card.expires_at,
        reasonCode: 'other',
        reasonText: 'rad 1\nrad "2" \\ å',
        extendsCardId: card.extends_card_id,
        endedAt: card.ended_at,
        endReason: card.end_reason,
        voided: card.voided_at !== null,
      });
      // Nothing of the holder's name, the note or the issuers.
      expect(String(event.payload)).not.toMatch(/Åsa|Öberg|privat|Kim|Lo"/);
    }
    db.close();
  });

  it('keeps the outbox gap-free and append-only', () => {
    const db = openDatabase(join(dir, 'k.db'));
    const insert = db.prepare(
      "INSERT INTO outbox (desk_seq, event_id, kind, card_id, occurred_at, payload) VALUES (?, ?, 'registered', 'c', 0, '{}')",
    );
    const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    expect(() => insert.run(2, uuid(2))).toThrow(/without a gap/);
    insert.run(1, uuid(1));
    expect(() => insert.run(1, uuid(9))).toThrow();
    expect(() => insert.run(3, uuid(3))).toThrow(/without a gap/);
    insert.run(2, uuid(2));
    expect(() => db.prepare("UPDATE outbox SET payload = '[]'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM outbox').run()).toThrow(/append-only/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO hub_link (one, url, hub_id, desk_id, desk_name, joined_at) VALUES (2, 'u', 'h', 'd1', 'n', 0)",
        )
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});
