import { foldName } from '../../electron/db/repositories/cards';
import type { Db } from '../../electron/db/open';
import { generateCards, seedOrganisations, type SeedCard, type SeedShape } from './seed-model';

/** What the seeding built. */
export interface SeedSummary {
  cards: number;
  holders: number;
  extensions: number;
  ms: number;
}

/**
 * A decision that covers the register's earlier years (up to the default decision), as a
 * desk with ten years of history would have entered: without it every older level-2 card
 * would be "outside the period" and the register a wall of violations instead of "a few".
 */
export const HISTORIC_DECISION = {
  id: 'bench-historic',
  title: 'Tidigare dispens (benchmark)',
  maxValidityDays: 14,
} as const;

/**
 * Fills a freshly migrated database with a generated register, straight into the tables
 * through prepared statements in one transaction: the point is a realistic register
 * quickly, not to exercise the import (the bench measures that separately).
 */
export function seedRegister(db: Db, shape: SeedShape): SeedSummary {
  const started = performance.now();
  const insertOrganisation = db.prepare<[string, string, number]>(
    'INSERT INTO organisations (hsa_id, name, created_at) VALUES (?, ?, ?)',
  );
  const insertCard = db.prepare<unknown[]>(
    `INSERT INTO cards (id, organisation_hsa_id, assurance_level, card_number, holder_hsa_id, holder_name,
       holder_name_key, holder_id_type, unplanned_personnel, issued_at, expires_at, reason_code, reason_text,
       issued_by, extends_card_id, ended_at, end_reason, note, violation_justification, voided_at, void_reason,
       created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', NULL, ?, ?, ?, ?)`,
  );
  const endAsExtended = db.prepare<[number, number, string]>(
    "UPDATE cards SET ended_at = ?, end_reason = 'extended', updated_at = ? WHERE id = ?",
  );
  const keys = new Map<string, string>();
  const nameKey = (name: string): string => {
    let key = keys.get(name);
    if (key === undefined) keys.set(name, (key = foldName(name)));
    return key;
  };
  let cards = 0;
  let extensions = 0;
  const emit = (c: SeedCard): void => {
    insertCard.run(
      c.id,
      c.organisationHsaId,
      c.assuranceLevel,
      c.cardNumber,
      c.holderHsaId,
      c.holderName,
      nameKey(c.holderName),
      c.holderIdType,
      c.unplannedPersonnel,
      c.issuedAt,
      c.expiresAt,
      c.reasonCode,
      c.reasonText,
      c.issuedBy,
      c.extendsCardId,
      c.endedAt,
      c.endReason,
      c.voidedAt,
      c.voidedAt === null ? null : 'Felregistrerat',
      c.issuedAt,
      c.issuedAt,
    );
    cards++;
  };
  const extend = (previousId: string, at: number): void => {
    endAsExtended.run(at, at, previousId);
    extensions++;
  };
  const previousSync = db.pragma('synchronous', { simple: true }) as number;
  // A throwaway database: no need to wait for the disk, nor to write every page twice
  // (WAL, then checkpoint) while building it. WAL is back on before anything measures.
  db.pragma('synchronous = OFF');
  db.pragma('journal_mode = OFF');
  // Secondary indexes are built once at the end, sorted, instead of a million random inserts
  // each; the schema ends up exactly as the migrations left it.
  const indexes = db
    .prepare<[], { name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cards' AND sql IS NOT NULL",
    )
    .all();
  let holders = 0;
  db.transaction(() => {
    for (const index of indexes) db.exec(`DROP INDEX ${index.name}`);
    for (const o of seedOrganisations(shape.organisations)) insertOrganisation.run(o.hsaId, o.name, 0);
    holders = generateCards(shape, emit, extend).holders;
    for (const index of indexes) db.exec(index.sql);
  })();
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${previousSync}`);
  return { cards, holders, extensions, ms: performance.now() - started };
}
