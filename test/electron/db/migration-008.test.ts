import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/app/backend';
import { MIGRATIONS } from '../../../electron/db/migrations';
import { MIGRATION_008_ACTOR } from '../../../electron/db/migrations/008-hsa-id-case';
import { createAuditReader } from '../../../electron/db/repositories/audit-read';
import { verifyAudit } from '../../../electron/services/audit-verify';
import { buildMonthlyReport } from '../../../electron/services/report';
import { eraseExpiredPersonalData, exportPersonalData } from '../../../electron/services/personal-data';
import { tempDir } from '../../fixtures/cards';

// Issue 13 item 7 and SPEC §3: HSA-ids are case-insensitive, stored in upper case. A
// register written before kept them as typed: `…-a1b2` and `…-A1B2` were two
// organisations, and one holder typed twice in different case got a false card-reuse
// violation. Migration 008 upper-cases, merges (audited) and the findings are recomputed.

let dir: string;
let cleanup: () => void;
let file: string;
const backends: Backend[] = [];
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  file = join(dir, 'k.db');
});
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
  cleanup();
});

const FEB = Date.parse('2026-02-11T18:40:00Z');
const DAY = 86_400_000;

/** A register at schema 7, as the app before 008 left it, findings included. */
function oldRegister(): void {
  const db = new Database(file);
  for (const m of MIGRATIONS.filter((m) => m.version <= 7)) db.exec(m.up);
  db.pragma('user_version = 7');
  const org = db.prepare('INSERT INTO organisations (hsa_id, name, created_at) VALUES (?, ?, ?)');
  org.run('SE2321000016-a1b2', 'Region Exempel (inskrivet med gemener)', 1);
  org.run('SE2321000016-A1B2', 'Region Exempel', 2);
  org.run('SE5565594230-c3d4', 'Vårdbolaget', 3);
  const card = db.prepare(
    `INSERT INTO cards (id, organisation_hsa_id, assurance_level, card_number, holder_hsa_id, holder_name,
       holder_name_key, holder_id_type, unplanned_personnel, issued_at, expires_at, reason_code, issued_by,
       created_at, updated_at)
     VALUES (?, ?, 2, ?, ?, ?, ?, 'personnummer', 1, ?, ?, 'forgotten-card', '["Kim"]', 0, 0)`,
  );
  // One holder, one card number, typed in two cases: the old rules saw two holders.
  card.run(
    'c1',
    'SE2321000016-a1b2',
    '9752210000000000001',
    'SE2321000016-ab12',
    'Anna Åberg',
    'anna åberg',
    FEB,
    FEB + 14 * DAY,
  );
  card.run(
    'c2',
    'SE2321000016-A1B2',
    '9752210000000000001',
    'SE2321000016-AB12',
    'Anna Åberg',
    'anna åberg',
    FEB + DAY,
    FEB + 10 * DAY,
  );
  card.run(
    'c3',
    'SE5565594230-c3d4',
    '9752210000000000003',
    'raderad-0123456789ab',
    'raderad',
    'raderad',
    FEB,
    FEB + DAY,
  );
  const finding = db.prepare(
    "INSERT INTO card_findings (card_id, code, severity) VALUES (?, 'card-reused-for-other-holder', 'violation')",
  );
  finding.run('c1');
  finding.run('c2');
  db.close();
}

function open(): Backend {
  const backend = createBackend({
    databasePath: file,
    mode: 'web',
    version: 'test',
    now: () => FEB + 30 * DAY,
  });
  backends.push(backend);
  return backend;
}

describe('migration 008', () => {
  it('upper-cases every HSA-id and merges organisations that differ only in case, audited', () => {
    oldRegister();
    const { db } = open();
    expect(db.prepare('SELECT hsa_id, name FROM organisations ORDER BY hsa_id').all()).toEqual([
      { hsa_id: 'SE2321000016-A1B2', name: 'Region Exempel' },
      { hsa_id: 'SE5565594230-C3D4', name: 'Vårdbolaget' },
    ]);
    expect(db.prepare('SELECT id, organisation_hsa_id, holder_hsa_id FROM cards ORDER BY id').all()).toEqual([
      { id: 'c1', organisation_hsa_id: 'SE2321000016-A1B2', holder_hsa_id: 'SE2321000016-AB12' },
      { id: 'c2', organisation_hsa_id: 'SE2321000016-A1B2', holder_hsa_id: 'SE2321000016-AB12' },
      // An erased holder's pseudonym is no HSA-id and keeps its form.
      { id: 'c3', organisation_hsa_id: 'SE5565594230-C3D4', holder_hsa_id: 'raderad-0123456789ab' },
    ]);
    const audit = db
      .prepare<
        [],
        { actor: string; action: string; entity_id: string | null; before_json: string; after_json: string }
      >('SELECT actor, action, entity_id, before_json, after_json FROM audit_log ORDER BY seq')
      .all();
    expect(audit.map((a) => [a.actor, a.action, a.entity_id])).toEqual([
      [MIGRATION_008_ACTOR, 'organisation.merge', 'SE2321000016-A1B2'],
      [MIGRATION_008_ACTOR, 'organisation.upper-case', 'SE5565594230-C3D4'],
      [MIGRATION_008_ACTOR, 'hsa-id.upper-case', null],
    ]);
    expect(JSON.parse(audit[0]!.before_json)).toEqual({
      organisations: [
        { hsaId: 'SE2321000016-a1b2', name: 'Region Exempel (inskrivet med gemener)' },
        { hsaId: 'SE2321000016-A1B2', name: 'Region Exempel' },
      ],
    });
    expect(JSON.parse(audit[0]!.after_json)).toEqual({ hsaId: 'SE2321000016-A1B2', name: 'Region Exempel' });
    expect(JSON.parse(audit[2]!.after_json)).toEqual({ cards: 1, cardIds: ['c1'] });
    expect(verifyAudit({ db, auditReader: createAuditReader(db) })).toMatchObject({ ok: true, rows: 3 });
  });

  it('leaves the stored findings true to the rules: the false card reuse is gone, the active card is seen', () => {
    oldRegister();
    const { db } = open();
    const stored = db.prepare('SELECT card_id, code FROM card_findings ORDER BY card_id, code').all();
    // c2 was issued while c1 (the same holder) was active; one holder, so no card reuse.
    expect(stored).toEqual([{ card_id: 'c2', code: 'holder-has-active-card' }]);
    expect(db.prepare("SELECT count(*) AS n FROM register_meta WHERE key = 'findings-stale'").get()).toEqual({
      n: 0,
    });
  });

  it('counts the merged organisation once in the report, and erasure and search find every card of the holder', async () => {
    oldRegister();
    const backend = open();
    const report = buildMonthlyReport(backend.services, '2026-02');
    expect(report.organisations.map((o) => [o.organisationHsaId, o.newlyIssued.level2])).toEqual([
      ['SE2321000016-A1B2', 2],
      ['SE5565594230-C3D4', 1],
    ]);
    const exported = exportPersonalData(backend.services, 'SE2321000016-AB12');
    expect(exported.cards.map((c) => c.id)).toEqual(['c1', 'c2']);
    const page = await backend.router.invoke(
      'cards:list',
      { search: 'se2321000016-ab' },
      { trustedSender: true },
    );
    expect(page).toMatchObject({ ok: true, value: { total: 2 } });
    // Past retention, the holder is erased as one person: both cards, one pseudonym.
    const erased = eraseExpiredPersonalData(backend.services, FEB + 11 * 365 * DAY);
    expect(erased).toMatchObject({ holders: 1, cards: 2 });
    const holders = backend.db
      .prepare<[], { holder_hsa_id: string }>(
        "SELECT DISTINCT holder_hsa_id FROM cards WHERE id IN ('c1', 'c2')",
      )
      .all()
      .map((r) => r.holder_hsa_id);
    expect(holders).toHaveLength(1);
    expect(holders[0]).toMatch(/^raderad-[0-9a-f]{12}$/);
  });
});
