import ExcelJS from 'exceljs';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { completeSetup, level3Card, registerCard } from './seed';

let h: Harness;
const exportDir = mkdtempSync(join(tmpdir(), 'kortliggaren-export-'));
beforeAll(async () => {
  h = await startHarness({ KORTLIGGAREN_EXPORT_DIR: exportDir });
  await completeSetup(h, 'Kortdisken Test');
  const at = (iso: string) => Date.parse(iso);
  // January 2026: Region Exempel gets a level-2 card still active at the end and a level-3
  // card; Testbolaget a level-2 card that expired within the month.
  await registerCard(
    h,
    level3Card(
      '9752200000000000101',
      'H101',
      at('2026-01-20T20:00:00+01:00'),
      at('2026-02-03T20:00:00+01:00'),
      {
        assuranceLevel: 2,
        unplannedPersonnel: true,
        issuedBy: ['Kim Svensson'],
        reasonCode: 'lost-or-stolen',
      },
    ),
  );
  await registerCard(
    h,
    level3Card(
      '9752200000000000102',
      'H102',
      at('2026-01-05T09:00:00+01:00'),
      at('2026-03-05T09:00:00+01:00'),
    ),
  );
  await registerCard(
    h,
    level3Card(
      '9752200000000000103',
      'H103',
      at('2026-01-10T22:00:00+01:00'),
      at('2026-01-24T22:00:00+01:00'),
      {
        organisationHsaId: 'SE5565594230-B001',
        organisationName: 'Testbolaget AB',
        assuranceLevel: 2,
        unplannedPersonnel: true,
        issuedBy: ['Kim Svensson'],
        reasonCode: 'other',
        reasonText: 'Kortet låg hemma',
      },
    ),
  );
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await h.screenshot(`failure-${ctx.task.name.replace(/\W+/g, '-')}`);
});
afterAll(async () => {
  await h?.close();
  rmSync(exportDir, { recursive: true, force: true });
});

describe('Månadsrapport in the browser', () => {
  it('shows the figures of a seeded month and exports an XLSX that reads back', async () => {
    const { page } = h;
    await page.goto(`${h.url}/#/manadsrapport`);
    await page.getByRole('heading', { name: 'Månadsrapport', level: 1 }).waitFor();
    await page.getByRole('combobox', { name: 'Månad' }).click();
    await page.getByRole('option', { name: '2026-01', exact: true }).click();

    const figure = (org: string, key: string) =>
      page.locator(`tr[data-organisation="${org}"] td[data-figure="${key}"]`);
    await expect.poll(() => figure('SE2321000016-A1B2', 'newlyIssued.level2').textContent()).toBe('1');
    const expected: Record<string, Record<string, string>> = {
      'SE2321000016-A1B2': {
        'activeAtEnd.level2': '1',
        'activeAtEnd.level3': '1',
        'newlyIssued.level2': '1',
        'newlyIssued.level3': '1',
        'ofWhichExtensions.level2': '0',
      },
      'SE5565594230-B001': {
        'activeAtEnd.level2': '0',
        'activeAtEnd.level3': '0',
        'newlyIssued.level2': '1',
        'newlyIssued.level3': '0',
      },
      totals: {
        'activeAtEnd.level2': '1',
        'activeAtEnd.level3': '1',
        'newlyIssued.level2': '2',
        'newlyIssued.level3': '1',
        'ofWhichExtensions.level3': '0',
      },
    };
    for (const [org, figures] of Object.entries(expected)) {
      for (const [key, value] of Object.entries(figures)) {
        expect(await figure(org, key).textContent(), `${org} ${key}`).toBe(value);
      }
    }
    const reasons = page.getByRole('table', { name: 'Anledningar nivå 2' });
    await expect.poll(() => reasons.getByRole('row').count()).toBe(3);
    expect(await reasons.textContent()).toContain('Förlorat eller stulet kort');
    expect(await reasons.textContent()).toContain('Kortet låg hemma');
    await page
      .getByRole('region', { name: 'Nyutfärdade per månad' })
      .locator('.recharts-surface')
      .first()
      .waitFor();
    await h.screenshot('report-preview');

    await page.getByRole('button', { name: 'Exportera' }).click();
    await page.getByRole('menuitem', { name: 'Excel (XLSX)' }).click();
    await page.getByText('Rapporten är sparad').waitFor();
    expect(readdirSync(exportDir)).toContain('reservkort-statistik-2026-01-kortdisken-test.xlsx');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(exportDir, 'reservkort-statistik-2026-01-kortdisken-test.xlsx'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Statistik',
      'Anledningar nivå 2',
      'Om rapporten',
    ]);
    const rows: unknown[][] = [];
    workbook.getWorksheet('Statistik')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const orgRow = rows.find((r) => r.includes('SE2321000016-A1B2'));
    expect(orgRow?.filter((v) => typeof v === 'number')).toEqual([1, 1, 1, 1, 0, 0]);
    expect(await page.getByText(/^Exporterad /).count()).toBeGreaterThan(0);
  });
});
