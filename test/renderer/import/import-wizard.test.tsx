import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportPage } from '../../../renderer/features/import/ImportPage';
import { startTestBackend, type TestBackend } from '../support/backend';
import { renderWithApp } from '../support/render';

let t: TestBackend;
beforeEach(() => {
  t = startTestBackend();
});
afterEach(() => t.dispose());

const HEADER =
  'Kortnummer;Korthållare;HSA-id;Org HSA-id;Organisation;Nivå;ID-typ;Utfärdat;Giltigt till;Orsak;Handläggare;Löpnummer';
const row = (n: string, name: string, hsa: string, issued = '2026-02-11 19:40') =>
  `9752 2100 0000 0000 ${n};${name};${hsa};SE2321000016-A1B2;Region Exempel;Nivå 3;Personnummer;${issued};2026-02-25 19:40;Glömt kort;Kim Svensson|Lena Holm;${n}`;

function csvFile(lines: string[]): File {
  return new File([`\uFEFF${lines.join('\r\n')}\r\n`], 'logg.csv', { type: 'text/csv' });
}

const bodyRows = () =>
  within(screen.getByRole('table', { name: 'Rader att importera' }))
    .getAllByRole('row')
    .slice(1);

describe('import wizard', () => {
  it('maps Swedish headers, previews every row with its errors, and imports after a bad row is removed', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithApp(<ImportPage />, t.api);

    const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
    await user.upload(
      input,
      csvFile([
        HEADER,
        row('101', 'Anna Lindqvist', 'SE2321000016-H101'),
        row('102', 'Bo Ek', 'SE2321000017-A1B2'),
        row('103', 'Cecilia Öhman', 'SE2321000016-H103', '2026-03-29 02:30'),
        row('104', 'Dan Berg', 'SE2321000016-H104', '2026-02-12 21:00'),
      ]),
    );

    // Step 2: every known header is mapped; the running number is ignored.
    expect(await screen.findByText('logg.csv: 4 rader, 12 kolumner')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Fält för kolumnen Korthållare' })).toHaveValue(
      'Korthållarens namn (holderName)',
    );
    expect(screen.getByRole('combobox', { name: 'Fält för kolumnen Orsak' })).toHaveValue(
      'Anledning (reasonCode)',
    );
    expect(screen.getByRole('combobox', { name: 'Fält för kolumnen Löpnummer' })).toHaveValue('Ignorera');
    await user.click(screen.getByRole('button', { name: 'Granska rader' }));

    // Step 3: two rows fail with Swedish messages naming row and field; import is locked.
    await waitFor(() => expect(screen.getByTestId('import-summary')).toHaveTextContent('4 rader, 2 med fel'));
    const errors = within(screen.getByRole('alert', { name: 'Fel som stoppar importen' }));
    expect(
      errors.getByText('rad 2: Korthållarens HSA-id: HSA-id:t har fel kontrollsiffra.'),
    ).toBeInTheDocument();
    expect(errors.getByText('rad 3: Utfärdat: Den tiden finns inte (sommartid börjar).')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Importera 4 rader' })).toBeDisabled();
    expect(t.calls.filter((c) => c.channel === 'import:preview')).toHaveLength(1);
    expect((t.calls[0]!.input as { rows: Record<string, string>[] }).rows[0]).toMatchObject({
      cardNumber: '9752 2100 0000 0000 101',
      reasonCode: 'forgotten-card',
      holderIdType: 'personnummer',
      assuranceLevel: '3',
      issuedAt: '2026-02-11 19:40',
    });
    expect(bodyRows()).toHaveLength(4);

    // Remove one bad row by hand and the other with the bulk action, then check again.
    await user.click(screen.getByRole('button', { name: 'Ta bort rad 2' }));
    expect(await screen.findByText(/Kontrollera igen innan du importerar/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Importera 3 rader' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Ta bort alla rader med fel' }));
    await user.click(screen.getByRole('button', { name: 'Kontrollera igen' }));
    await waitFor(() => expect(screen.getByTestId('import-summary')).toHaveTextContent('2 rader, 0 med fel'));
    expect(screen.getByText('2 borttagna')).toBeInTheDocument();
    expect(t.calls.filter((c) => c.channel === 'import:preview')).toHaveLength(2);
    expect((await t.listAll()).total).toBe(0);

    // Step 4: all or nothing.
    const importButton = screen.getByRole('button', { name: 'Importera 2 rader' });
    await waitFor(() => expect(importButton).toBeEnabled());
    await user.click(importButton);
    expect(await screen.findByText('2 importerade, 0 oförändrade')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Öppna registret' })).toHaveAttribute('href', '#/register');
    const stored = await t.listAll();
    expect(stored.total).toBe(2);
    expect(stored.rows.map((r) => r.holderName).sort()).toEqual(['Anna Lindqvist', 'Dan Berg']);
    expect(stored.rows.find((r) => r.holderName === 'Anna Lindqvist')?.issuedAt).toBe(
      '2026-02-11T19:40:00+01:00',
    );
  });

  it('shows a file that cannot be read with the row at fault and stays on the first step', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithApp(<ImportPage />, t.api);
    const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
    await user.upload(input, csvFile([HEADER, 'bara;tre;fält']));
    expect(await screen.findByText('Rad 1: Raden har 3 fält men rubrikraden har 12.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Välj fil' })).toBeInTheDocument();
  });

  it('asks for the required fields no column is mapped to', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithApp(<ImportPage />, t.api);
    const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
    await user.upload(input, csvFile(['Kortnummer;Namn', '9752210000000000101;Anna']));
    expect(await screen.findByText(/Fält som saknar kolumn: Organisationens HSA-id/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Granska rader' })).toBeDisabled();
  });
});
