import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../../electron/db/migrations';
import { migration009 } from '../../../electron/db/migrations/009-hub-outbox';

export const OLD_ORG = 'SE2321000016-A1B2';
const ORG = OLD_ORG;
const BEFORE = MIGRATIONS.filter((m) => m.version < migration009.version);

// A register as the app before the hub left it: cards of every shape, an extension, a
// voided and an ended card, level 3 without the unplanned flag, findings and audit rows.
export function oldRegister(file: string): void {
  const old = new Database(file);
  for (const m of BEFORE) old.exec(m.up);
  old.pragma(`user_version = ${BEFORE[BEFORE.length - 1]!.version}`);
  old.pragma('foreign_keys = ON');
  old.prepare('INSERT INTO organisations VALUES (?, \'Region "Väst"\', 0)').run(ORG);
  const insert = old.prepare(
    `INSERT INTO cards (id, organisation_hsa_id, assurance_level, card_number, holder_hsa_id, holder_name,
      holder_name_key, holder_id_type, unplanned_personnel, issued_at, expires_at, reason_code, reason_text,
      issued_by, extends_card_id, ended_at, end_reason, note, voided_at, void_reason, created_at, updated_at)
     VALUES (@id, '${ORG}', @level, @number, @holder, 'Åsa Öberg', 'åsa öberg', 'personnummer', @unplanned,
      @issued, @expires, 'other', @text, '["Kim","Lo"]', @extends, @ended, @endReason, 'privat anteckning',
      @voided, @voidReason, @created, @created + 5)`,
  );
  const base = {
    level: 2,
    number: '9752210000000000001',
    holder: 'SE2321000016-AB12',
    unplanned: 1,
    text: 'rad 1\nrad "2" \\ \u00e5',
    extends: null,
    ended: null,
    endReason: null,
    voided: null,
    voidReason: null,
  };
  const id = (n: number) => `6f1c1f7e-3b7a-4a51-9a51-${String(n).padStart(12, '0')}`;
  insert.run({
    ...base,
    id: id(3),
    issued: 100,
    expires: 200,
    created: 30,
    ended: 150,
    endReason: 'extended',
  });
  insert.run({ ...base, id: id(1), issued: 150, expires: 300, created: 40, extends: id(3) });
  insert.run({ ...base, id: id(2), level: 3, unplanned: null, issued: 10, expires: 20, created: 40 });
  insert.run({ ...base, id: id(4), issued: 10, expires: 20, created: 10, voided: 12, voidReason: 'fel' });
  old.prepare(`INSERT INTO card_findings VALUES ('${id(1)}', 'holder-has-active-card', 'warning')`).run();
  old.close();
}
