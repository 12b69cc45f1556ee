import type { Organisation } from '../../../shared/domain/organisation';
import type { Db } from '../types';

/** SQL for organisations. */
export interface OrganisationRepository {
  /** The organisation with this HSA-id, or undefined. */
  get: (hsaId: string) => Organisation | undefined;
  /** Every organisation, by name. */
  list: () => Organisation[];
  /** The organisation whose HSA-id equals this one in any case, or undefined. */
  findIgnoringCase: (hsaId: string) => Organisation | undefined;
  /** Gives the organisation stored under exactly this HSA-id a new name. */
  rename: (hsaId: string, name: string) => void;
  /** Adds a new organisation; a second one under the same HSA-id is refused. */
  insert: (organisation: Organisation, at: number) => void;
}

/** Prepares the organisation statements of a connection. */
export function createOrganisationRepository(db: Db): OrganisationRepository {
  const byId = db.prepare<[string], { hsa_id: string; name: string }>(
    'SELECT hsa_id, name FROM organisations WHERE hsa_id = ?',
  );
  const all = db.prepare<[], { hsa_id: string; name: string }>(
    'SELECT hsa_id, name FROM organisations ORDER BY name COLLATE NOCASE, hsa_id',
  );
  const insertStmt = db.prepare<[string, string, number]>(
    'INSERT INTO organisations (hsa_id, name, created_at) VALUES (?, ?, ?)',
  );
  // HSA-ids are case-insensitive (SPEC §3): a rename finds `…-a1b2` under `…-A1B2`.
  const byIdIgnoringCase = db.prepare<[string], { hsa_id: string; name: string }>(
    'SELECT hsa_id, name FROM organisations WHERE hsa_id = ? COLLATE NOCASE ORDER BY hsa_id LIMIT 1',
  );
  const renameStmt = db.prepare<[string, string]>('UPDATE organisations SET name = ? WHERE hsa_id = ?');
  return {
    get(hsaId: string): Organisation | undefined {
      const row = byId.get(hsaId);
      return row ? { hsaId: row.hsa_id, name: row.name } : undefined;
    },
    list(): Organisation[] {
      return all.all().map((row) => ({ hsaId: row.hsa_id, name: row.name }));
    },
    findIgnoringCase(hsaId: string): Organisation | undefined {
      const row = byIdIgnoringCase.get(hsaId);
      return row ? { hsaId: row.hsa_id, name: row.name } : undefined;
    },
    rename(hsaId: string, name: string): void {
      renameStmt.run(name, hsaId);
    },
    insert(organisation: Organisation, at: number): void {
      insertStmt.run(organisation.hsaId, organisation.name, at);
    },
  };
}
