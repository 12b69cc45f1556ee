import { integrityCheck } from '../../electron/db/health';
import { openDatabase, type Db } from '../../electron/db/open';
import { createAuditReader } from '../../electron/db/repositories/audit-read';
import { verifyAudit } from '../../electron/services/audit-verify';

/** What one look at the register after a kill found. */
export interface RegisterCheck {
  /** integrity_check (and the app's own open, quick_check included) passed. */
  integrityOk: boolean;
  /** Acknowledged ids that are not in the register. */
  missing: string[];
  /** Descriptions of half-applied transactions: each is one broken invariant. */
  partial: string[];
  cards: number;
}

// Each query lists what a transaction that landed only in part would leave behind.
const PARTIAL_CHECKS: [string, string][] = [
  [
    'card without its audit entry',
    `SELECT c.id FROM cards c WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'card'
       AND a.entity_id = c.id AND a.action IN ('card.register', 'card.extend', 'card.import'))`,
  ],
  [
    'audit entry about a card that is not there',
    `SELECT a.seq FROM audit_log a WHERE a.entity = 'card' AND NOT EXISTS (SELECT 1 FROM cards c WHERE c.id = a.entity_id)`,
  ],
  [
    'card without its organisation',
    `SELECT c.id FROM cards c LEFT JOIN organisations o ON o.hsa_id = c.organisation_hsa_id WHERE o.hsa_id IS NULL`,
  ],
  [
    'organisation without its audit entry',
    `SELECT o.hsa_id FROM organisations o WHERE NOT EXISTS (SELECT 1 FROM audit_log a
       WHERE a.entity = 'organisation' AND a.entity_id = o.hsa_id AND a.action = 'organisation.create')`,
  ],
  [
    'extension whose previous card was not ended',
    `SELECT n.id FROM cards n JOIN cards p ON p.id = n.extends_card_id
     WHERE p.end_reason IS NOT 'extended' OR p.ended_at IS NOT n.issued_at`,
  ],
  [
    'card ended as extended without its extension',
    `SELECT p.id FROM cards p WHERE p.end_reason = 'extended'
       AND NOT EXISTS (SELECT 1 FROM cards n WHERE n.extends_card_id = p.id)`,
  ],
  [
    'card ended as extended without the audit entry of the end',
    `SELECT p.id FROM cards p WHERE p.end_reason = 'extended' AND NOT EXISTS (SELECT 1 FROM audit_log a
       WHERE a.entity = 'card' AND a.entity_id = p.id AND a.action = 'card.end')`,
  ],
  [
    'stored finding of a card that is not there',
    `SELECT f.card_id FROM card_findings f WHERE NOT EXISTS (SELECT 1 FROM cards c WHERE c.id = f.card_id)`,
  ],
];

function checkOpen(db: Db, acknowledged: Iterable<string>): RegisterCheck {
  const integrityOk = integrityCheck(db).ok;
  const exists = db.prepare<[string], number>('SELECT 1 FROM cards WHERE id = ?').pluck();
  const missing = [...acknowledged].filter((id) => exists.get(id) === undefined);
  const partial: string[] = [];
  for (const [what, sql] of PARTIAL_CHECKS) {
    for (const key of db.prepare(sql).pluck().all()) partial.push(`${what}: ${String(key)}`);
  }
  const audit = verifyAudit({ db, auditReader: createAuditReader(db) });
  if (!audit.ok) partial.push(`audit chain broken at ${audit.firstBrokenSeq} (${audit.reason})`);
  const cards = db.prepare('SELECT count(*) FROM cards').pluck().get() as number;
  return { integrityOk, missing, partial, cards };
}

/**
 * Opens the register the way the app does (quick_check, WAL recovery, migrations) and
 * checks it: integrity_check, every acknowledged card present, no transaction half
 * applied, the audit chain intact.
 */
export function checkRegister(file: string, acknowledged: Iterable<string>): RegisterCheck {
  let db: Db;
  try {
    db = openDatabase(file);
  } catch (error) {
    return {
      integrityOk: false,
      missing: [],
      partial: [`cannot open: ${error instanceof Error ? error.message : String(error)}`],
      cards: 0,
    };
  }
  try {
    return checkOpen(db, acknowledged);
  } finally {
    db.close();
  }
}
