import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvPaths, toCsv } from '../../../electron/export/csv';
import { neutraliseCell } from '../../../electron/export/neutralise';
import { buildWorkbookSpec, renderXlsx, renderXlsxSync } from '../../../electron/export/xlsx';
import { REASON_CODES } from '../../../shared/domain/reason-codes';
import { computeMonthlyReport, formatReportJson, type MonthlyReport } from '../../../shared/report/monthly';
import { reasonsTable, statisticsTable } from '../../../shared/report/tables';
import { at, fact, GENERATED, ORGANISATIONS } from '../../shared/report/fixtures';
import { parseCsv } from './csv-parse';
import { loadWorkbook } from './support';

const TRIGGER = /^[=+\-@\t\r]/;
const ABOUT = { deskName: 'Kortdesken', decisions: [], appVersion: '1', contentHash: 'h' };

/** A report whose organisation names and reason texts are the given texts. */
function reportWithTexts(texts: string[]): MonthlyReport {
  const base = computeMonthlyReport('2026-02', [], ORGANISATIONS, GENERATED);
  return {
    ...base,
    organisations: texts.map((text, i) => ({
      organisationHsaId: `SE2321000016-X${i}`,
      organisationName: text,
      activeAtEnd: { level2: i, level3: 0 },
      newlyIssued: { level2: 1, level3: 0 },
      ofWhichExtensions: { level2: 0, level3: 0 },
    })),
    level2Reasons: texts.map((text, i) => ({
      cardId: `card-${i}`,
      cardNumber: '9752000000000000001',
      organisationHsaId: 'SE2321000016-A1B2',
      issuedAt: '2026-02-11T19:40:00+01:00',
      reasonCode: 'other',
      reasonText: text,
    })),
  };
}

// Anything, but often starting with a trigger, a quote, a separator or a line break.
const nastyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .tuple(
      fc.constantFrom('=', '+', '-', '@', '\t', '\r', '"', ';', '\n', "'", ' ='),
      fc.string({ maxLength: 30 }),
    )
    .map(([a, b]) => a + b),
);

describe('neutraliseCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+46 70', "'+46 70"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['Glömt kort', 'Glömt kort'],
    ['', ''],
    ["'redan", "'redan"],
    ['a=b', 'a=b'],
  ])('%j → %j', (input, output) => expect(neutraliseCell(input)).toBe(output));
});

describe('CSV', () => {
  const report = computeMonthlyReport(
    '2026-02',
    [
      fact({
        reasonCode: 'other',
        reasonText: 'Sa "hej"; gick\nsedan',
        issuedAt: at('2026-02-11T19:40:00+01:00'),
      }),
      fact({ reasonCode: 'other', reasonText: '=HYPERLINK("http://x")' }),
      fact({ assuranceLevel: 3 }),
    ],
    ORGANISATIONS,
    GENERATED,
  );

  it('is UTF-8 with BOM, `;`-separated, CRLF-ended and quoted per RFC 4180', () => {
    const text = toCsv(reasonsTable(report));
    expect(text.startsWith('\uFEFFKort-id;Kortnummer;Organisationens HSA-id;Utfärdat;')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toContain(';"Sa ""hej""; gick\nsedan"\r\n');
    expect(text).toContain(`;"'=HYPERLINK(""http://x"")"\r\n`);
  });

  it('parses back to the same rows, numbers as their digits', () => {
    for (const table of [statisticsTable(report), reasonsTable(report)]) {
      const expected = [table.headers, ...table.rows].map((row) =>
        row.map((cell) => (typeof cell === 'number' ? String(cell) : neutraliseCell(cell))),
      );
      expect(parseCsv(toCsv(table))).toEqual(expected);
    }
    expect(parseCsv(toCsv(statisticsTable(report))).at(-1)).toEqual([
      'Totalt',
      '',
      '0',
      '0',
      '2',
      '1',
      '0',
      '0',
    ]);
  });

  it('names the two files after the base path', () => {
    expect(csvPaths('/tmp/rapport')).toEqual({
      statistics: '/tmp/rapport-statistik.csv',
      reasons: '/tmp/rapport-anledningar.csv',
    });
    expect(csvPaths('/tmp/rapport.CSV').reasons).toBe('/tmp/rapport-anledningar.csv');
  });
});

describe('no exported cell starts with a formula trigger, whatever the text (property)', () => {
  it('in CSV, read back cell by cell', () => {
    fc.assert(
      fc.property(fc.array(nastyText, { minLength: 1, maxLength: 5 }), (texts) => {
        const report = reportWithTexts(texts);
        for (const table of [statisticsTable(report), reasonsTable(report)]) {
          const cells = parseCsv(toCsv(table)).flat();
          for (const cell of cells) expect(cell).not.toMatch(TRIGGER);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('in the workbook handed to exceljs', () => {
    fc.assert(
      fc.property(fc.array(nastyText, { minLength: 1, maxLength: 5 }), (texts) => {
        const spec = buildWorkbookSpec(reportWithTexts(texts), ABOUT, GENERATED);
        for (const sheet of spec.sheets) {
          for (const cell of sheet.rows.flat())
            if (typeof cell === 'string') expect(cell).not.toMatch(TRIGGER);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('in the XLSX file as read back (a sample of 300 texts rendered in one workbook)', async () => {
    const texts = fc.sample(nastyText, { numRuns: 300, seed: 42 });
    const workbook = await loadWorkbook(
      await renderXlsx(buildWorkbookSpec(reportWithTexts(texts), ABOUT, GENERATED)),
    );
    let strings = 0;
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string') {
            strings++;
            expect(cell.value).not.toMatch(TRIGGER);
          }
        }),
      ),
    );
    expect(strings).toBeGreaterThan(600);
  });
});

describe('XLSX', () => {
  const report = computeMonthlyReport(
    '2026-02',
    [
      fact(),
      fact({ assuranceLevel: 3 }),
      fact({ organisationHsaId: 'SE2321000016-B', reasonCode: REASON_CODES[1] }),
    ],
    ORGANISATIONS,
    GENERATED,
  );

  it('has the three sheets, bold frozen headers and number cells equal to the JSON', async () => {
    // Rendered through the blocking path the CLI uses; the async path is read back above.
    const workbook = await loadWorkbook(renderXlsxSync(buildWorkbookSpec(report, ABOUT, GENERATED)));
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Statistik',
      'Anledningar nivå 2',
      'Om rapporten',
    ]);
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
      for (let c = 1; c <= sheet.columnCount; c++)
        expect(sheet.getColumn(c).width).toBeGreaterThanOrEqual(10);
    }
    const stats = workbook.getWorksheet('Statistik')!;
    expect(stats.getRow(1).values).toEqual([undefined, ...statisticsTable(report).headers]);
    report.organisations.forEach((o, i) => {
      const row = stats.getRow(i + 2);
      expect(row.getCell(1).value).toBe(o.organisationHsaId);
      const figures = [o.activeAtEnd, o.newlyIssued, o.ofWhichExtensions].flatMap((f) => [
        f.level2,
        f.level3,
      ]);
      figures.forEach((n, k) => {
        const cell = row.getCell(k + 3);
        expect(cell.type).toBe(ExcelJS.ValueType.Number);
        expect(cell.value).toBe(n);
      });
    });
    const total = stats.getRow(report.organisations.length + 2);
    expect(total.getCell(1).value).toBe('Totalt');
    expect(total.getCell(5).value).toBe(report.totals.newlyIssued.level2);
    expect(total.font?.bold).toBe(true);
    const reasons = workbook.getWorksheet('Anledningar nivå 2')!;
    expect(reasons.rowCount).toBe(1 + report.level2Reasons.length);
    expect(reasons.getRow(2).getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(reasons.getRow(2).getCell(2).value).toBe(report.level2Reasons[0]!.cardNumber);
  });

  it('writes the worker failure as an error, not a broken file', async () => {
    const bad = buildWorkbookSpec(report, ABOUT, GENERATED);
    bad.sheets.push({ ...bad.sheets[0]!, name: 'Statistik' });
    await expect(renderXlsx(bad)).rejects.toThrow(/XLSX rendering failed/);
    expect(() => renderXlsxSync(bad)).toThrow(/XLSX rendering failed/);
  });
});

describe('JSON file text', () => {
  it('is the canonical report pretty-printed', () => {
    const report = computeMonthlyReport('2026-02', [fact()], ORGANISATIONS, GENERATED);
    const text = formatReportJson(report);
    expect(JSON.parse(text)).toEqual(report);
    expect(text).toContain('\n  "format": "kortliggaren/monthly-report@1",\n');
  });
});
