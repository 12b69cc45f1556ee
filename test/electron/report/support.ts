import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../../electron/app/backend';
import type { ServiceContext } from '../../../electron/services/context';
import type { ReportCardFacts } from '../../../shared/report/monthly';

/** Holder data that must never reach a report. */
export const HOLDER_NAME = 'Zacharias Holdersson';
export const HOLDER_HSA_ID = 'SE2321000016-HX99';

/** A backend on a real SQLite file in `dir`, with a fixed clock the test can move. */
export function openBackend(dir: string, clock: { now: number }): Backend {
  return createBackend({
    databasePath: join(dir, 'k.db'),
    mode: 'web',
    version: '1.2.3-test',
    actor: 'desk-test',
    now: () => clock.now,
  });
}

/**
 * Stores report facts as cards straight through the repositories (no rules engine: these
 * tests are about counting), creating organisations on the way; voided cards are marked
 * with SQL as the void service would.
 */
export function storeFacts(
  ctx: ServiceContext,
  facts: readonly ReportCardFacts[],
  organisations: readonly { hsaId: string; name: string }[],
): void {
  ctx.db.transaction(() => {
    for (const o of organisations) if (!ctx.organisations.get(o.hsaId)) ctx.organisations.insert(o, 0);
    const voidStmt = ctx.db.prepare("UPDATE cards SET voided_at = ?, void_reason = 'fel' WHERE id = ?");
    for (const f of facts) {
      ctx.cards.insert(
        {
          id: f.id,
          organisationHsaId: f.organisationHsaId,
          organisationName: undefined,
          assuranceLevel: f.assuranceLevel,
          cardNumber: f.cardNumber,
          holderHsaId: HOLDER_HSA_ID,
          holderName: HOLDER_NAME,
          holderIdType: 'personnummer',
          unplannedPersonnel: f.assuranceLevel === 2 ? true : null,
          issuedAt: f.issuedAt,
          expiresAt: f.expiresAt,
          reasonCode: f.reasonCode,
          reasonText: f.reasonText,
          issuedBy: ['Kim Karlsson'],
          extendsCardId: f.extendsCardId,
          endedAt: f.endedAt,
          endReason: f.endedAt === null ? null : 'returned',
          note: `Anteckning om ${HOLDER_NAME}`,
          violationJustification: null,
        },
        0,
      );
      if (f.voided) voidStmt.run(f.issuedAt, f.id);
    }
  })();
}

/** Reads XLSX bytes back with exceljs (whose types want an ArrayBuffer of exactly the file). */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}
