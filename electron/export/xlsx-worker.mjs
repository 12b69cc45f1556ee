// Renders a workbook description (built by electron/export/xlsx.ts) to XLSX bytes with
// exceljs, in a worker thread. exceljs only writes asynchronously; running it here lets the
// synchronous CLI wait for it (Atomics.wait) and keeps the desktop main process responsive.
// Plain JavaScript on purpose: a worker cannot rely on a TypeScript loader being present.
import { workerData } from 'node:worker_threads';

/**
 * @param {import('./xlsx').WorkbookSpec} spec
 * @returns {Promise<Uint8Array>}
 */
async function render(spec) {
  const { default: ExcelJS } = await import('exceljs');
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
    if (sheet.boldLastRow && sheet.rows.length > 0) worksheet.lastRow.font = { bold: true };
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const { spec, port, signal } = workerData;
try {
  const bytes = await render(spec);
  port.postMessage({ ok: true, bytes }, [bytes.buffer]);
} catch (error) {
  port.postMessage({
    ok: false,
    message: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
} finally {
  // Wakes a synchronous caller blocked in Atomics.wait; the message is already queued.
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
  port.close();
}
