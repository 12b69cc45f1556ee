import { createAuditRepository } from '../repositories/audit';
import { createRegisterMetaRepository, META_KEYS } from '../repositories/register-meta';
import type { Db } from '../open';
import type { Migration, MigrationContext } from './types';

/** Who the audit log names for the changes this migration makes. */
export const MIGRATION_008_ACTOR = 'Kortliggaren (uppgradering)';

// Holder ids of erased holders (`raderad-…`, see services/personal-data.ts) are
// pseudonyms, not HSA-ids: they keep their form.
const PSEUDONYM_PREFIX = 'raderad-';

interface OrganisationRow {
  hsa_id: string;
  name: string;
  created_at: number;
}

/**
 * HSA-ids are case-insensitive and stored in upper case (SPEC §3). Registers written
 * before held them as typed, so `…-a1b2` and `…-A1B2` were two organisations and two
 * holders (a false card-reuse violation). This upper-cases every HSA-id in the cards and
 * the organisations. Organisations that differ only in case become one, under the upper-
 * case id, with the name of the row already in upper case (else the oldest); every merge
 * and every renamed id gets an audit entry, and one entry lists the cards whose holder id
 * changed. The stored findings are marked stale: the next open that may write recomputes
 * them. The audit log itself is history and keeps what was written then.
 */
export const migration008: Migration = {
  version: 8,
  name: 'hsa-id-case',
  up: '',
  run: upperCaseHsaIds,
};

function upperCaseHsaIds(db: Db, { now }: MigrationContext): void {
  const audit = createAuditRepository(db);
  const append = (action: string, entity: string, entityId: string | null, before: unknown, after: unknown) =>
    audit.append({ at: now, actor: MIGRATION_008_ACTOR, action, entity, entityId, before, after });

  const organisations = db
    .prepare<[], OrganisationRow>(
      'SELECT hsa_id, name, created_at FROM organisations ORDER BY created_at, hsa_id',
    )
    .all();
  const groups = new Map<string, OrganisationRow[]>();
  for (const row of organisations) {
    const id = row.hsa_id.toUpperCase();
    groups.set(id, [...(groups.get(id) ?? []), row]);
  }
  const insert = db.prepare<[string, string, number]>(
    'INSERT INTO organisations (hsa_id, name, created_at) VALUES (?, ?, ?)',
  );
  const repoint = db.prepare<[string, string]>(
    'UPDATE cards SET organisation_hsa_id = ? WHERE organisation_hsa_id = ?',
  );
  const remove = db.prepare<[string]>('DELETE FROM organisations WHERE hsa_id = ?');
  for (const [id, rows] of groups) {
    const others = rows.filter((r) => r.hsa_id !== id);
    if (others.length === 0) continue;
    const kept = rows.find((r) => r.hsa_id === id);
    const survivor = kept ?? rows[0]!;
    if (!kept) insert.run(id, survivor.name, Math.min(...rows.map((r) => r.created_at)));
    for (const other of others) {
      repoint.run(id, other.hsa_id);
      remove.run(other.hsa_id);
    }
    const before = rows.map((r) => ({ hsaId: r.hsa_id, name: r.name }));
    const after = { hsaId: id, name: survivor.name };
    if (rows.length > 1) append('organisation.merge', 'organisation', id, { organisations: before }, after);
    else append('organisation.upper-case', 'organisation', id, before[0], after);
  }

  const holders = db
    .prepare<{ prefix: string }, { id: string }>(
      `SELECT id FROM cards
       WHERE holder_hsa_id <> upper(holder_hsa_id) AND substr(holder_hsa_id, 1, length(@prefix)) <> @prefix
       ORDER BY id`,
    )
    .all({ prefix: PSEUDONYM_PREFIX });
  if (holders.length > 0) {
    db.prepare<{ prefix: string }>(
      `UPDATE cards SET holder_hsa_id = upper(holder_hsa_id)
       WHERE holder_hsa_id <> upper(holder_hsa_id) AND substr(holder_hsa_id, 1, length(@prefix)) <> @prefix`,
    ).run({ prefix: PSEUDONYM_PREFIX });
    append('hsa-id.upper-case', 'register', null, null, {
      cards: holders.length,
      cardIds: holders.map((h) => h.id),
    });
    // The rules compare holder ids: the stored findings no longer tell the truth.
    createRegisterMetaRepository(db).set(META_KEYS.findingsStale, '1');
  }
}
