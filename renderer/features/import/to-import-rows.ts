import { normaliseCellText } from '../../../shared/import/cell-forms';
import type { ColumnTarget } from './column-matching';

/**
 * Turns source records into rows keyed by field name; ignored columns are left out. Each
 * cell is put in its canonical form by the same shared normaliser the back end reads
 * with ("Glömt kort" → `forgotten-card`, "Nivå 2" → `2`), so the preview shows what will
 * be stored; what it does not recognise is sent as written, for the back end to name.
 */
export function toImportRows(
  records: readonly (readonly string[])[],
  mapping: readonly ColumnTarget[],
): Record<string, string>[] {
  return records.map((cells) => {
    const row: Record<string, string> = {};
    mapping.forEach((field, i) => {
      if (field) row[field] = normaliseCellText(field, cells[i] ?? '');
    });
    return row;
  });
}
