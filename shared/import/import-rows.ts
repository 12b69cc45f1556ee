import { z } from 'zod';
import { FINDING_CODES } from '../rules/types';

/**
 * Rows from the UI's import wizard, already keyed by the field names of SPEC §3; every
 * value is the cell's text. Row numbers in answers count from 1 in this order.
 */
export const ImportRowsInput = z.strictObject({
  rows: z.array(z.record(z.string().max(100), z.string().max(100_000))).max(100_000),
});

/**
 * `import:preview`: rows as for the import, and, when a large file is checked in parts,
 * the ids of rows in its other parts that these rows extend: such an extension is not of
 * an unknown card, since the import stores the whole file at once.
 */
export const ImportPreviewInput = ImportRowsInput.extend({
  fileIds: z.array(z.string().max(100)).max(100_000).optional(),
});

const FieldErrorOut = z.object({
  field: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

/** What one row would give: its errors, or the finding codes it would get. */
export const ImportRowPreview = z.object({
  row: z.number().int(),
  errors: z.array(FieldErrorOut),
  findings: z.array(z.enum(FINDING_CODES)),
});

/** The outcome of an import (SPEC §6). */
export const ImportSummaryOut = z.object({ imported: z.number().int(), unchanged: z.number().int() });
