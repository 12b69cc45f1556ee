import { createHash } from 'node:crypto';
import type { CardValues } from '../../shared/domain/card';
import { openCardCsv } from '../../shared/import/card-rows';
import type { ImportRowSource, RowError } from './import';

// What an import worker runs too (import-worker.ts): it imports nothing of the database.

// Fixed namespace for the name-based ids of imported rows; never change it, or a re-import
// of an old file would no longer recognise the cards it already brought in.
const IMPORT_NAMESPACE = Buffer.from('4b1f0a7c93d24c5e8f6a2b7d1e0c9a35', 'hex');

/**
 * Gives a row without an id a name-based UUID (RFC 4122 version 5) from what identifies a
 * handed-out card: its number, its holder and its issue time. Old logs carry no ids, and
 * without this a second import of the same file would register every card twice; with it
 * the second import finds them unchanged (and a changed row is refused as a conflict).
 */
export function withStableId<T extends { values: CardValues }>(row: T): T {
  if (row.values.id) return row;
  const { cardNumber, holderHsaId, issuedAt } = row.values;
  const hash = createHash('sha1')
    .update(IMPORT_NAMESPACE)
    .update(`${cardNumber}\u0000${holderHsaId}\u0000${issuedAt}`, 'utf8')
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { ...row, values: { ...row.values, id } };
}

/**
 * Opens a card CSV (SPEC §6) as the rows an import stores, validated a step at a time:
 * each row with its number and a stable id. Refused, with every error, when the file's
 * structure or header is wrong. The same whether it runs here or in the import worker.
 */
export function openImportCsv(
  text: string,
): { ok: true; rows: ImportRowSource } | { ok: false; errors: RowError[] } {
  const opened = openCardCsv(text);
  if (!opened.ok) return { ok: false, errors: opened.errors.map((e) => ({ ...e, row: String(e.row) })) };
  const { rows } = opened;
  return {
    ok: true,
    rows: {
      size: rows.size,
      read(start, end) {
        const { cards, errors } = rows.map(start, end);
        return {
          cards: cards.map((c) => withStableId({ row: String(c.row), values: c.values })),
          errors: errors.map((e) => ({ ...e, row: String(e.row) })),
        };
      },
    },
  };
}
