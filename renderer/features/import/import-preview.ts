import type { FieldError } from '../../../shared/domain/errors';
import type { FindingCode } from '../../../shared/rules/types';

/** One row the wizard may import: where it came from, what it says, and what the check found. */
export interface WizardRow {
  /** The row's number in the file (first data row = 1), shown as "rad N". */
  source: number;
  values: Record<string, string>;
  removed: boolean;
  /** Undefined until checked. */
  check?: { errors: FieldError[]; findings: FindingCode[] };
}

/** Files up to this many rows are checked in one call, so every row sees all the others. */
export const SINGLE_PREVIEW_LIMIT = 5_000;
/** Larger files are checked in parts of this many rows, with a progress bar. */
export const PREVIEW_CHUNK = 2_000;

/** Splits the indexes to check into the calls the preview makes. */
export function previewChunks(count: number): { start: number; end: number }[] {
  const size = count <= SINGLE_PREVIEW_LIMIT ? Math.max(count, 1) : PREVIEW_CHUNK;
  const chunks: { start: number; end: number }[] = [];
  for (let start = 0; start < count; start += size)
    chunks.push({ start, end: Math.min(count, start + size) });
  return chunks;
}

const idKey = (text: string | undefined) => text?.trim().toLowerCase() || undefined;

/**
 * For a file checked in parts: the ids that the rows of `part` extend and that belong to
 * kept rows in other parts. The preview is told them, so such an extension is not taken
 * for one of an unknown card (the import itself stores the whole file at once).
 */
export function extendedElsewhere(
  rows: readonly WizardRow[],
  kept: readonly number[],
  part: readonly number[],
): string[] {
  const own = new Set(part.map((i) => idKey(rows[i]?.values.id)));
  const wanted = new Set(
    part.map((i) => idKey(rows[i]?.values.extendsCardId)).filter((id) => id !== undefined && !own.has(id)),
  );
  if (wanted.size === 0) return [];
  const found = new Set<string>();
  for (const i of kept) {
    const id = idKey(rows[i]?.values.id);
    if (id !== undefined && wanted.has(id)) found.add(id);
  }
  return [...found];
}

/** Counts for the summary line over the rows not removed. */
export function summarise(rows: readonly WizardRow[]): {
  count: number;
  errors: number;
  findings: number;
  removed: number;
  unchecked: number;
} {
  let count = 0;
  let errors = 0;
  let findings = 0;
  let removed = 0;
  let unchecked = 0;
  for (const row of rows) {
    if (row.removed) {
      removed++;
      continue;
    }
    count++;
    if (!row.check) unchecked++;
    else if (row.check.errors.length > 0) errors++;
    if (row.check && row.check.findings.length > 0) findings++;
  }
  return { count, errors, findings, removed, unchecked };
}
