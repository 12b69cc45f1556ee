import type { Organisation } from '../../../shared/domain/organisation';
import type { Db } from '../open';

/** SQL for organisations. */
export function createOrganisationRepository(db: Db) {
  const byId = db.prepare<[string], { hsa_id: string; name: string }>(
    'SELECT hsa_id, name FROM organisations WHERE hsa_id = ?',
  );
  const all = db.prepare<[], { hsa_id: string; name: string }>(
    'SELECT hsa_id, name FROM organisations ORDER BY name COLLATE NOCASE, hsa_id',
  );
  const insertStmt = db.prepare<[string, string, number]>(
    'INSERT INTO organisations (hsa_id, name, created_at) VALUES (?, ?, ?)',
  );
  return {
    /** The organisation with this HSA-id, or undefined. */
    get(hsaId: string): Organisation | undefined {
      const row = byId.get(hsaId);
      return row ? { hsaId: row.hsa_id, name: row.name } : undefined;
    },
    /** Every organisation, by name. */
    list(): Organisation[] {
      return all.all().map((row) => ({ hsaId: row.hsa_id, name: row.name }));
    },
    /** Adds a new organisation. */
    insert(organisation: Organisation, at: number): void {
      insertStmt.run(organisation.hsaId, organisation.name, at);
    },
  };
}
export type OrganisationRepository = ReturnType<typeof createOrganisationRepository>;
