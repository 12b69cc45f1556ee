import type { FieldError } from '../../shared/domain/errors';
import { mapCardRows } from '../../shared/import/card-rows';
import type { FindingCode } from '../../shared/rules/types';
import { AppError, invalidInput } from './app-error';
import { storeCard } from './cards';
import type { ServiceContext } from './context';
import { evaluate, loadRuleData } from './findings';
import {
  ImportRejected,
  orderForStore,
  ROWS_PER_STEP,
  storeImport,
  storeImportRows,
  type ImportSummary,
} from './import';
import { openImportCsv, withStableId } from './import-csv';
import { openImportCsvInWorker } from './import-worker-host';

/** What the import wizard shows for one row before anything is written. */
export interface RowPreview {
  /** Data-row number, the first row being 1. */
  row: number;
  errors: FieldError[];
  /** Finding codes the row would get, computed against the register plus the file's other rows. */
  findings: FindingCode[];
}

// From this size a file is validated in a worker thread while this one stores the rows
// already checked (about 4 000 rows; smaller files are done before a worker has started).
const WORKER_MIN_BYTES = 1_000_000;

/**
 * Imports a card CSV (SPEC §6) all or nothing. Throws ImportRejected with every error,
 * each naming its data row (or `header`), when anything in the file is wrong. A large
 * file is read and validated in a worker thread, a few steps ahead of the rows stored:
 * the second core does the validation instead of waiting.
 */
export function importCsv(ctx: ServiceContext, text: string): ImportSummary {
  const worker = text.length >= WORKER_MIN_BYTES ? openImportCsvInWorker(text, ROWS_PER_STEP) : null;
  try {
    const opened = worker?.opened ?? openImportCsv(text);
    if (!opened.ok) throw new ImportRejected(opened.errors);
    // Validated and stored a step at a time: a file of 100 000 rows is never held parsed.
    return storeImportRows(ctx, opened.rows);
  } finally {
    worker?.close();
  }
}

// Thrown to roll a dry run back; never leaves this module.
class DryRun extends Error {}

/**
 * Validates rows from the UI's import wizard (already keyed by field name) and computes
 * what each would get — errors, or findings — by storing them in a transaction that is
 * always rolled back. Nothing is written. `fileIds` names rows of the file checked in other
 * parts, which these rows may extend.
 */
export function previewImportRows(
  ctx: ServiceContext,
  rows: readonly Record<string, string>[],
  fileIds: readonly string[] = [],
): RowPreview[] {
  // Ids of rows in the file's other parts: extending one is fine, the import stores them all.
  const elsewhere = new Set(fileIds.map((id) => id.trim().toLowerCase()));
  const previews: RowPreview[] = rows.map((_, i) => ({ row: i + 1, errors: [], findings: [] }));
  const mapped = mapCardRows(rows);
  const cards = mapped.cards.map(withStableId);
  for (const { row, ...e } of mapped.errors) previews[row - 1]?.errors.push(e);
  try {
    ctx.transaction(() => {
      const stored: { row: number; id: string }[] = [];
      for (const { row, values } of orderForStore(cards)) {
        const extended = values.extendsCardId;
        // Checked without the link: its target is in another part, not stored in this preview.
        const checked =
          extended && elsewhere.has(extended) && !ctx.cards.exists(extended)
            ? { ...values, extendsCardId: null }
            : values;
        try {
          stored.push({ row, id: storeCard(ctx, checked, 'card.import').id });
        } catch (error) {
          if (!(error instanceof AppError) || !error.fields) throw error;
          previews[row - 1]?.errors.push(...error.fields);
        }
      }
      const data = loadRuleData(ctx);
      for (const { row, id } of stored) {
        const card = ctx.findings.ruleCard(id);
        const preview = previews[row - 1];
        if (card && preview) preview.findings = evaluate(ctx, card, data).map((f) => f.code);
      }
      throw new DryRun('rolled back on purpose');
    });
  } catch (error) {
    if (!(error instanceof DryRun)) throw error;
  }
  return previews;
}

/**
 * Imports rows from the UI's import wizard all or nothing. Refused rows become invalid
 * input whose field errors carry the data-row number as `params.row`.
 */
export function commitImportRows(
  ctx: ServiceContext,
  rows: readonly Record<string, string>[],
): ImportSummary {
  const { cards, errors } = mapCardRows(rows);
  if (errors.length > 0) throw invalidInput(errors.map(withRowParam));
  try {
    return storeImport(
      ctx,
      [],
      cards.map((c) => withStableId({ row: String(c.row), values: c.values })),
    );
  } catch (error) {
    if (!(error instanceof ImportRejected)) throw error;
    throw invalidInput(error.errors.map((e) => withRowParam({ ...e, row: Number(e.row) })));
  }
}

function withRowParam({ row, ...e }: FieldError & { row: number }): FieldError {
  return { ...e, params: { ...e.params, row } };
}
