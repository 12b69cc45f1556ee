// Renders a workbook description (built by xlsx.ts) to XLSX bytes with exceljs, in a worker
// thread started through electron/platform/worker-thread.ts. exceljs only writes
// asynchronously; running it here lets the synchronous CLI block until it is done and keeps
// the desktop main process responsive.
import ExcelJS from 'exceljs';
import { postToReader, workerInput } from '../platform/worker-link';
import type { WorkbookSpec, XlsxWorkerReply } from './xlsx';

async function render(spec: WorkbookSpec): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = spec.creator;
  workbook.lastModifiedBy = spec.creator;
  // The file's own dates are the report's generation time, not the moment of rendering.
  workbook.created = new Date(spec.createdAtMs);
  workbook.modified = new Date(spec.createdAtMs);
  for (const sheet of spec.sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    });
    worksheet.columns = sheet.columns.map((column) => ({ header: column.header, width: column.width }));
    worksheet.getRow(1).font = { bold: true };
    for (const row of sheet.rows) {
      const added = worksheet.addRow(row);
      // A reason text or note may hold line breaks (SPEC §3): wrapped, Excel shows them as
      // lines in the cell instead of one run-on line.
      added.eachCell((cell) => {
        if (typeof cell.value === 'string' && cell.value.includes('\n')) {
          cell.alignment = { wrapText: true, vertical: 'top' };
        }
      });
    }
    if (sheet.boldLastRow && sheet.rows.length > 0) worksheet.lastRow!.font = { bold: true };
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function reply(message: XlsxWorkerReply, transfer: ArrayBuffer[] = []): void {
  postToReader(message, transfer);
}

try {
  const bytes = await render(workerInput<WorkbookSpec>());
  reply({ kind: 'done', bytes }, [bytes.buffer as ArrayBuffer]);
} catch (error) {
  reply({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
