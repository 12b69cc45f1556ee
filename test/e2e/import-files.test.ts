import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

// The files desks really have, through the wizard in Chromium: Swedish Excel's semicolon
// CSV (Windows-1252), a workbook whose card numbers are number cells, and a workbook with
// a title above its headers. Every file is written here, byte for byte.

let h: Harness;
const dir = mkdtempSync(join(tmpdir(), 'kortliggaren-import-files-e2e-'));
beforeAll(async () => {
  h = await startHarness();
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await h.screenshot(`failure-${ctx.task.name.replace(/\W+/g, '-')}`);
});
afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

const HEADER = [
  'Kortnummer',
  'Korthållarens namn',
  'Korthållarens HSA-id',
  'Organisation HSA-id',
  'Organisation',
  'Tillitsnivå',
  'Identitetsnummer',
  'Utfärdat',
  'Giltigt till',
  'Anledning',
  'Utfärdat av',
];
const row = (n: string, name: string, org = 'SE2321000016-A1B2', orgName = 'Region Västra Götaland') => [
  `9752 2100 0000 0000 ${n}`,
  name,
  `SE2321000016-H${n}`,
  org,
  orgName,
  '3',
  'Personnummer',
  '2026-02-11 19:40',
  '2026-02-25 19:40',
  'Glömt kort',
  'Kim Svensson|Lena Holm',
];

async function openWizard(file: string): Promise<void> {
  const { page } = h;
  await page.goto(`${h.url}/#/register`);
  await page.getByRole('link', { name: 'Importera' }).click();
  await page.getByRole('heading', { name: 'Importera gamla loggar' }).waitFor();
  await page.locator('input[type=file]').setInputFiles(file);
}

async function writeWorkbook(name: string, rows: unknown[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Reservkort');
  for (const cells of rows) sheet.addRow(cells);
  const file = join(dir, name);
  await book.xlsx.writeFile(file);
  return file;
}

describe('importing the files desks have, in the browser', () => {
  it('reads a Windows-1252 CSV from Swedish Excel: names the encoding, stores "Åsa Öberg"; the organisation can be renamed', async () => {
    const { page } = h;
    const text = [HEADER, row('501', 'Åsa Öberg', 'SE2321000016-C3D4', 'Region Jönköpings län')]
      .map((cells) => cells.join(';'))
      .join('\r\n');
    const file = join(dir, 'excel-semikolon.csv');
    // Latin-1 bytes are Windows-1252 bytes for every letter here: å, ä, ö, Å, Ö.
    writeFileSync(file, Buffer.from(`${text}\r\n`, 'latin1'));
    expect(Buffer.from(`${text}\r\n`, 'latin1').includes(Buffer.from('Åsa', 'utf8'))).toBe(false);
    const before = h.count('cards');

    await openWizard(file);
    await page.getByText('excel-semikolon.csv: 1 rader, 11 kolumner').waitFor();
    await page.getByText('Teckenkodning: Windows-1252 (Excel "CSV semikolonavgränsad")').waitFor();
    await h.screenshot('import-files-1252-mapping');
    await page.getByRole('button', { name: 'Granska rader' }).click();
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('1 rader, 0 med fel');
    await page.getByRole('button', { name: 'Importera 1 rader' }).click();
    await page.getByText('1 importerade, 0 oförändrade').waitFor();
    expect(h.count('cards')).toBe(before + 1);

    await page.getByRole('link', { name: 'Öppna registret' }).click();
    const stored = page.getByRole('row', { name: /9752 2100 0000 0000 501/ });
    await stored.waitFor();
    expect(await stored.textContent()).toContain('Åsa Öberg');
    expect(await stored.textContent()).not.toContain('\uFFFD');
    await h.screenshot('import-files-1252-register');

    // A name that came out wrong is corrected in Inställningar, and the register shows it.
    await page.getByRole('link', { name: 'Inställningar' }).click();
    const organisations = page.getByRole('table', { name: 'Organisationer' });
    await organisations.getByRole('button', { name: 'Ändra namn på Region Jönköpings län' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ändra organisationens namn' });
    await dialog.getByRole('textbox', { name: 'Nytt namn' }).fill('Region Jönköpings län, kortdisken');
    await page.keyboard.press('Enter');
    await page
      .getByText('Namnet på SE2321000016-C3D4 är ändrat till Region Jönköpings län, kortdisken.')
      .waitFor();
    await h.screenshot('import-files-organisation-renamed');
    await page.goto(`${h.url}/#/register`);
    await expect
      .poll(() => page.getByRole('row', { name: /9752 2100 0000 0000 501/ }).textContent())
      .toContain('Region Jönköpings län, kortdisken');
  });

  it('refuses 19-digit card numbers held as numbers in an XLSX, row by row, and imports nothing', async () => {
    const { page } = h;
    const numbered = (n: string, name: string) => {
      const cells: unknown[] = row(n, name);
      cells[0] = Number(`9752210000000000${n}`);
      return cells;
    };
    const file = await writeWorkbook('kortnummer-som-tal.xlsx', [
      HEADER,
      numbered('601', 'Gun Ek'),
      numbered('602', 'Hans Ek'),
    ]);
    const before = h.count('cards');

    await openWizard(file);
    await page.getByText('kortnummer-som-tal.xlsx: 2 rader, 11 kolumner').waitFor();
    await page.getByRole('button', { name: 'Granska rader' }).click();
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('2 rader, 2 med fel');
    const errors = page.getByRole('alert', { name: 'Fel som stoppar importen' });
    for (const n of [1, 2]) {
      await errors
        .getByText(
          `rad ${n}: Kortnummer: Kortnumret är sparat som ett tal (9.75221e+18) och har tappat sina sista siffror. Formatera kolumnen som Text i Excel och skriv in kortnumren igen.`,
        )
        .waitFor();
    }
    expect(await page.getByRole('button', { name: 'Importera 2 rader' }).isDisabled()).toBe(true);
    await h.screenshot('import-files-number-cells');
    expect(h.count('cards')).toBe(before);
  });

  it('finds the header row under a title in an XLSX and imports the rows below it', async () => {
    const { page } = h;
    const file = await writeWorkbook('logg-med-titel.xlsx', [
      ['Reservkort utlämnade februari 2026 – Region Västra Götaland'],
      ['Sammanställd av kortdisken'],
      HEADER,
      row('701', 'Ida Öst'),
      row('702', 'Jan Väst'),
    ]);
    const before = h.count('cards');

    await openWizard(file);
    await page.getByText('logg-med-titel.xlsx: 2 rader, 11 kolumner').waitFor();
    await page.getByText('Rubrikrad: rad 3 i filen').waitFor();
    expect(await page.getByRole('combobox', { name: 'Rubrikrad' }).inputValue()).toMatch(
      /^Rad 3: Kortnummer · Korthållarens namn/,
    );
    expect(await page.getByRole('combobox', { name: 'Fält för kolumnen Kortnummer' }).inputValue()).toBe(
      'Kortnummer (cardNumber)',
    );
    await h.screenshot('import-files-title-row');
    await page.getByRole('button', { name: 'Granska rader' }).click();
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('2 rader, 0 med fel');
    await page.getByRole('button', { name: 'Importera 2 rader' }).click();
    await page.getByText('2 importerade, 0 oförändrade').waitFor();
    expect(h.count('cards')).toBe(before + 2);
    await page.getByRole('link', { name: 'Öppna registret' }).click();
    expect(await page.getByRole('row', { name: /9752 2100 0000 0000 701/ }).textContent()).toContain(
      'Ida Öst',
    );
  });
});
