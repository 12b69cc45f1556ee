import { createHash } from 'node:crypto';
import type { CardValues } from '../../shared/domain/card';
import type { FieldError } from '../../shared/domain/errors';
import { mapCardRows, openCardCsv } from '../../shared/import/card-rows';
import type { FindingCode } from '../../shared/rules/types';
import { AppError, invalidInput } from '../ipc/app-error';
import { storeCard } from './cards';
import type { ServiceContext } from './context';
import { evaluate, loadRuleData } from './findings';
import { ImportRejected, orderForStore, storeImport, storeImportRows, type ImportSummary } from './import';

/** What the import wizard shows for one row before anything is written. */
export interface RowPreview {
  /** Data-row number, the first row being 1. */
  row: number;
  errors: FieldError[];
  /** Finding codes the row would get, computed against the register plus the file's other rows. */
  findings: FindingCode[];
}

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
 * Imports a card CSV (SPEC §6) all or nothing. Throws ImportRejected with every error,
 * each naming its data row (or `header`), when anything in the file is wrong.
 */
export function importCsv(ctx: ServiceContext, text: string): ImportSummary {
  const opened = openCardCsv(text);
  if (!opened.ok) throw new ImportRejected(opened.errors.map((e) => ({ ...e, row: String(e.row) })));
  // Validated and stored a step at a time: a file of 100 000 rows is never held parsed.
  const { rows } = opened;
  return storeImportRows(ctx, {
    size: rows.size,
    read(start, end) {
      const { cards, errors } = rows.map(start, end);
      return {
        cards: cards.map((c) => withStableId({ row: String(c.row), values: c.values })),
        errors: errors.map((e) => ({ ...e, row: String(e.row) })),
      };
    },
  });
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
    ctx.db.transaction(() => {
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
    })();
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
