import type { Db } from '../types';
import type { AuditRow } from './audit';

/**
 * SQL that reads the audit log: the whole chain in order (for verification) and pages
 * for the UI. Kept apart from the append-only writer, which has nothing to read but the tip.
 */
export function createAuditReader(db: Db) {
  const all = db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY seq');
  const page = db.prepare<[number, number], AuditRow>(
    'SELECT * FROM audit_log ORDER BY seq DESC LIMIT ? OFFSET ?',
  );
  const pageFor = db.prepare<[string, string, number, number], AuditRow>(
    'SELECT * FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY seq DESC LIMIT ? OFFSET ?',
  );
  // AUTOINCREMENT remembers the highest seq ever used, so a removed last row shows.
  const highest = db.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'");
  return {
    /** Every row, oldest first, one at a time. */
    iterate: (): IterableIterator<AuditRow> => all.iterate(),
    /** One page, newest first; only one entity's rows when given. */
    page(limit: number, offset: number, entity?: { entity: string; id: string }): AuditRow[] {
      return entity ? pageFor.all(entity.entity, entity.id, limit, offset) : page.all(limit, offset);
    },
    /** The highest seq ever handed out, or 0. */
    highestSeq: (): number => highest.get()?.seq ?? 0,
  };
}
export type AuditReader = ReturnType<typeof createAuditReader>;
