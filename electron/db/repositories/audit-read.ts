import type { AuditEntryOut } from '../../../shared/domain/lifecycle';
import type { AuditListEntry, AuditSubject } from '../../../shared/ipc/contract';
import type { Db } from '../types';
import type { AuditRow } from './audit';

interface SubjectRow {
  seq: number;
  card_number: string | null;
  holder_name: string | null;
  organisation_name: string | null;
}

// What each entry is about, joined from the entry's entity: a card (its number, holder and
// organisation) or an organisation. A card or organisation that is gone leaves nulls.
const SUBJECTS_SQL = `
  SELECT a.seq, c.card_number, c.holder_name, COALESCE(o.name, co.name) AS organisation_name
  FROM audit_log a
  LEFT JOIN cards c ON a.entity = 'card' AND c.id = a.entity_id
  LEFT JOIN organisations co ON co.hsa_id = c.organisation_hsa_id
  LEFT JOIN organisations o ON a.entity = 'organisation' AND o.hsa_id = a.entity_id
  WHERE a.seq IN (SELECT value FROM json_each(?))`;

/**
 * SQL that reads the audit log: the whole chain in order (for verification) and pages
 * for the UI. Kept apart from the append-only writer, which has nothing to read but the tip.
 */
export interface AuditReader {
  /** Every row, oldest first, one at a time. */
  iterate: () => IterableIterator<AuditRow>;
  /** One page, newest first; only one entity's rows when given. */
  page: (limit: number, offset: number, entity?: { entity: string; id: string }) => AuditRow[];
  /** The highest seq ever handed out, or 0. */
  highestSeq: () => number;
  /**
   * The page of entries with their subjects (`audit:list`): one query joins the audit rows
   * of the page to the cards and organisations they name.
   */
  withSubjects: (entries: readonly AuditEntryOut[]) => AuditListEntry[];
}

/** Prepares the audit log's read statements of a connection. */
export function createAuditReader(db: Db): AuditReader {
  const all = db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY seq');
  const page = db.prepare<[number, number], AuditRow>(
    'SELECT * FROM audit_log ORDER BY seq DESC LIMIT ? OFFSET ?',
  );
  const pageFor = db.prepare<[string, string, number, number], AuditRow>(
    'SELECT * FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY seq DESC LIMIT ? OFFSET ?',
  );
  const subjects = db.prepare<[string], SubjectRow>(SUBJECTS_SQL);
  // AUTOINCREMENT remembers the highest seq ever used, so a removed last row shows.
  const highest = db.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'");
  return {
    iterate: (): IterableIterator<AuditRow> => all.iterate(),
    page(limit: number, offset: number, entity?: { entity: string; id: string }): AuditRow[] {
      return entity ? pageFor.all(entity.entity, entity.id, limit, offset) : page.all(limit, offset);
    },
    highestSeq: (): number => highest.get()?.seq ?? 0,
    withSubjects(entries) {
      const rows = subjects.all(JSON.stringify(entries.map((e) => e.seq)));
      const bySeq = new Map(rows.map((row) => [row.seq, row]));
      return entries.map((entry) => {
        const row = bySeq.get(entry.seq);
        const subject: AuditSubject | null =
          row && (row.card_number !== null || row.organisation_name !== null)
            ? {
                cardNumber: row.card_number,
                holderName: row.holder_name,
                organisationName: row.organisation_name,
              }
            : null;
        return { ...entry, subject };
      });
    },
  };
}
