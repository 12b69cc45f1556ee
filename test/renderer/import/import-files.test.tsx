import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportPage } from '../../../renderer/features/import/ImportPage';
import { startTestBackend, type TestBackend } from '../support/backend';
import { renderWithApp } from '../support/render';

// The files desks really have: Swedish Excel's semicolon CSV (Windows-1252), a workbook
// whose card numbers are number cells, and a log with a title above its headers.

// Reading a workbook (exceljs) and checking rows take longer than Testing Library's
// default second on a busy machine.
const SLOW = { timeout: 15_000 };

let t: TestBackend;
beforeEach(() => {
  t = startTestBackend();
});
afterEach(() => t.dispose());

const HEADER = [
  'Kortnummer',
  'Korthållare',
  'HSA-id',
  'Org HSA-id',
  'Organisation',
  'Nivå',
  'ID-typ',
  'Utfärdat',
  'Giltigt till',
  'Orsak',
  'Handläggare',
];
const row = (n: string, name: string, hsa: string) => [
  `9752 2100 0000 0000 ${n}`,
  name,
  hsa,
  'SE2321000016-A1B2',
  'Region Västra Götaland',
  'Nivå 3',
  'Personnummer',
  '2026-02-11 19:40',
  '2026-02-25 19:40:00',
  'Glömt kort',
  'Kim Svensson|Lena Holm',
];

// Latin-1 is Windows-1252 for every character used here.
const cp1252 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

async function upload(file: File) {
  const user = userEvent.setup({ delay: null });
  renderWithApp(<ImportPage />, t.api);
  await user.upload(document.querySelector<HTMLInputElement>('input[type=file]')!, file);
  return user;
}

async function workbook(rows: unknown[][], numberColumn?: number): Promise<File> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Logg');
  for (const cells of rows) sheet.addRow(cells);
  if (numberColumn !== undefined) sheet.getColumn(numberColumn).numFmt = '0';
  const buffer = await book.xlsx.writeBuffer();
  return new File([buffer], 'logg.xlsx', {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}

describe('import wizard with real files', () => {
  it('reads a Windows-1252 CSV with its Swedish letters, says so, and stores "Åsa Öberg"', async () => {
    const text = [HEADER, row('201', 'Åsa Öberg', 'SE2321000016-H201')].map((r) => r.join(';')).join('\r\n');
    const user = await upload(new File([cp1252(`${text}\r\n`)], 'ansi.csv', { type: 'text/csv' }));

    expect(await screen.findByText('ansi.csv: 1 rader, 11 kolumner', {}, SLOW)).toBeInTheDocument();
    expect(
      screen.getByText('Teckenkodning: Windows-1252 (Excel "CSV semikolonavgränsad")'),
    ).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Fält för kolumnen Korthållare' })).toHaveValue(
      'Korthållarens namn (holderName)',
    );
    await user.click(screen.getByRole('button', { name: 'Granska rader' }));
    await waitFor(
      () => expect(screen.getByTestId('import-summary')).toHaveTextContent('1 rader, 0 med fel'),
      SLOW,
    );
    await user.click(screen.getByRole('button', { name: 'Importera 1 rader' }));
    expect(await screen.findByText('1 importerade, 0 oförändrade', {}, SLOW)).toBeInTheDocument();
    const stored = await t.listAll();
    expect(stored.rows.map((r) => [r.holderName, r.organisationName])).toEqual([
      ['Åsa Öberg', 'Region Västra Götaland'],
    ]);
  });

  it('refuses 19-digit card numbers held as numbers in an XLSX, telling the desk to format the column as text', async () => {
    const numbered = (n: string, name: string, hsa: string) => {
      const cells: unknown[] = row(n, name, hsa);
      cells[0] = Number(`975221000000000${n}`);
      return cells;
    };
    const file = await workbook(
      [
        HEADER,
        numbered('0201', 'Anna Lind', 'SE2321000016-H201'),
        numbered('0202', 'Bo Ek', 'SE2321000016-H202'),
        row('203', 'Cecilia Öhman', 'SE2321000016-H203'),
      ],
      1,
    );
    const user = await upload(file);
    expect(await screen.findByText('logg.xlsx: 3 rader, 11 kolumner', {}, SLOW)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Granska rader' }));

    await waitFor(
      () => expect(screen.getByTestId('import-summary')).toHaveTextContent('3 rader, 2 med fel'),
      SLOW,
    );
    const errors = within(screen.getByRole('alert', { name: 'Fel som stoppar importen' }));
    for (const n of [1, 2]) {
      expect(
        errors.getByText(
          `rad ${n}: Kortnummer: Kortnumret är sparat som ett tal (9.75221e+18) och har tappat sina sista siffror. Formatera kolumnen som Text i Excel och skriv in kortnumren igen.`,
        ),
      ).toBeInTheDocument();
    }
    expect(screen.getByRole('button', { name: 'Importera 3 rader' })).toBeDisabled();
    expect((await t.listAll()).total).toBe(0);
  });

  it('finds the header row under a title in an XLSX, shows it, and imports', async () => {
    const file = await workbook([
      ['Reservkortslogg Region Västra Götaland 2026'],
      [],
      HEADER,
      row('301', 'Dan Berg', 'SE2321000016-H301'),
      row('302', 'Eva Ek', 'SE2321000016-H302'),
    ]);
    const user = await upload(file);
    expect(await screen.findByText('logg.xlsx: 2 rader, 11 kolumner', {}, SLOW)).toBeInTheDocument();
    expect(screen.getByText('Rubrikrad: rad 3 i filen')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Fält för kolumnen Kortnummer' })).toHaveValue(
      'Kortnummer (cardNumber)',
    );
    await user.click(screen.getByRole('button', { name: 'Granska rader' }));
    await waitFor(
      () => expect(screen.getByTestId('import-summary')).toHaveTextContent('2 rader, 0 med fel'),
      SLOW,
    );
    await user.click(screen.getByRole('button', { name: 'Importera 2 rader' }));
    expect(await screen.findByText('2 importerade, 0 oförändrade', {}, SLOW)).toBeInTheDocument();
  });

  it('finds the header row under a title in a CSV too, and lets the desk choose another', async () => {
    const lines = [
      ['Reservkortslogg;;;;;;;;;;'],
      ['Exporterad 2026-03-01'],
      [HEADER.join(';')],
      [row('401', 'Frida Ek', 'SE2321000016-H401').join(';')],
    ].map((l) => l[0]);
    const user = await upload(
      new File([`\uFEFF${lines.join('\r\n')}\r\n`], 'logg.csv', { type: 'text/csv' }),
    );
    expect(await screen.findByText('logg.csv: 1 rader, 11 kolumner', {}, SLOW)).toBeInTheDocument();
    expect(screen.getByText('Rubrikrad: rad 3 i filen')).toBeInTheDocument();
    expect(screen.getByText('Teckenkodning: UTF-8 med BOM (Excel "CSV UTF-8")')).toBeInTheDocument();
    const select = screen.getByRole('combobox', { name: 'Rubrikrad' });
    expect(select).toHaveValue('Rad 3: Kortnummer · Korthållare · HSA-id · Org HSA-id · Organisation · Nivå');

    // The title row as header: every field is missing, and its width does not fit the rows.
    await user.click(select);
    await user.click(await screen.findByRole('option', { name: 'Rad 1: Reservkortslogg' }, SLOW));
    expect(await screen.findByText('Filen kan inte läsas med den rubrikraden', {}, SLOW)).toBeInTheDocument();
    expect(screen.getByText(/Fält som saknar kolumn: Organisationens HSA-id/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Granska rader' })).toBeDisabled();

    await user.click(screen.getByRole('combobox', { name: 'Rubrikrad' }));
    await user.click(await screen.findByRole('option', { name: /^Rad 3:/ }, SLOW));
    expect(await screen.findByText('logg.csv: 1 rader, 11 kolumner', {}, SLOW)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Granska rader' })).toBeEnabled();
  });
});
