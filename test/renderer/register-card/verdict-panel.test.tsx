import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RegisterCardPage } from '../../../renderer/features/register-card/RegisterCardPage';
import { startTestBackend, type TestBackend } from '../support/backend';
import { renderWithApp } from '../support/render';

let t: TestBackend;
beforeEach(() => {
  t = startTestBackend();
});
afterEach(() => t.dispose());

const input = (text: string) => screen.getByLabelText(text, { selector: 'input, textarea' });
const type = (label: string, value: string) => fireEvent.change(input(label), { target: { value } });
const verdict = () => within(screen.getByRole('region', { name: 'Bedömning' }));

async function renderForm() {
  renderWithApp(<RegisterCardPage />, t.api);
  await waitFor(() => expect(t.calls.some((c) => c.channel === 'organisations:list')).toBe(true));
}

/** A level-2 card for non-planned personnel, issued Tuesday 2026-02-10 18:00 (covered, outside office hours). */
async function fillCleanCard(
  user: ReturnType<typeof userEvent.setup>,
  cardNumber = '9752 2000 0000 0000 042',
) {
  type('Organisationens HSA-id', 'SE2321000016-A1B2');
  type('Organisationens namn', 'Region Test');
  type('Kortnummer', cardNumber);
  type('Korthållarens HSA-id', 'SE2321000016-H042');
  type('Korthållarens namn', 'Björn Åberg');
  await user.click(screen.getByRole('radio', { name: 'Ja' }));
  type('Utfärdat', '2026-02-10 18:00');
  type('Giltigt till', '2026-02-17 18:00');
  await user.click(input('Anledning'));
  await user.click(await screen.findByRole('option', { name: 'Glömt kort' }));
  type('Utfärdat av', 'Kim Svensson');
}

describe('live verdict', () => {
  it('shows the office-hours violation while typing and asks for confirmation before saving', async () => {
    const user = userEvent.setup({ delay: null });
    await renderForm();
    await fillCleanCard(user);
    expect(await verdict().findByText('Inga avvikelser')).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: /Jag bekräftar/ })).not.toBeInTheDocument();

    type('Utfärdat', '2026-02-10 10:00');
    expect(await verdict().findByText(/en arbetsdag inom kontorstid \(08:00–17:00\)/)).toBeInTheDocument();
    expect(verdict().getByText('1 avvikelse')).toBeInTheDocument();
    const confirm = screen.getByRole('checkbox', {
      name: 'Jag bekräftar att kortet lämnas ut trots avvikelsen',
    });
    expect(input('Motivering')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Registrera kort' }));
    expect(await screen.findByText('Bekräfta att kortet lämnas ut trots avvikelsen.')).toBeInTheDocument();
    expect((await t.listAll()).total).toBe(0);

    await user.click(confirm);
    type('Motivering', 'Akut behov, ingen annan lösning.');
    await user.click(screen.getByRole('button', { name: 'Registrera kort' }));
    expect(await screen.findByText('Kortet är registrerat')).toBeInTheDocument();
    const { rows } = await t.listAll();
    expect(rows[0]).toMatchObject({ violationJustification: 'Akut behov, ingen annan lösning.' });
  });

  it('offers a fix that sets a valid expiry for a too-long level-2 card', async () => {
    const user = userEvent.setup({ delay: null });
    await renderForm();
    await fillCleanCard(user);
    type('Giltigt till', '2026-03-03 18:00');
    const fix = await verdict().findByRole('button', { name: 'Sätt giltig till 2026-02-24 18:00' });
    expect(verdict().getByText(/gäller längre än 14 dagar/)).toBeInTheDocument();
    await user.click(fix);
    expect(input('Giltigt till')).toHaveValue('2026-02-24 18:00');
    expect(await verdict().findByText('Inga avvikelser')).toBeInTheDocument();
  });

  it('shows a warning in amber but saves without any confirmation', async () => {
    const user = userEvent.setup({ delay: null });
    await renderForm();
    await fillCleanCard(user, '1234 5678 9012');
    expect(await verdict().findByText(/inte det vanliga formatet/)).toBeInTheDocument();
    expect(verdict().getByText('1 varning')).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: /Jag bekräftar/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Registrera kort' }));
    expect(await screen.findByText('Kortet är registrerat')).toBeInTheDocument();
    expect((await t.listAll()).total).toBe(1);
  });

  it('drops a stale answer: only the latest state of the form is judged', async () => {
    const user = userEvent.setup({ delay: null });
    await renderForm();
    await fillCleanCard(user);
    type('Utfärdat', '2026-02-10 10:00');
    type('Utfärdat', '2026-02-10 18:00');
    expect(await verdict().findByText('Inga avvikelser')).toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 300));
    expect(verdict().queryByText(/inom kontorstid/)).not.toBeInTheDocument();
  });

  it('tells that no decision covers today, with a link to Beslut', async () => {
    await renderForm();
    const banner = await screen.findByText(/Inget dispensbeslut gäller i dag: reservkort på tillitsnivå 2/);
    expect(within(banner).getByRole('link', { name: 'Gå till Beslut' })).toHaveAttribute('href', '#/beslut');
  });

  it('announces only what changed, and never a verdict on an older state of the form', async () => {
    const user = userEvent.setup({ delay: null });
    await renderForm();
    const announcement = () => screen.getByTestId('verdict-announcement');
    await fillCleanCard(user);
    await verdict().findByText('Inga avvikelser');
    // The heading is a real heading, and the panel's list is not read out whole.
    expect(screen.getByRole('heading', { level: 2, name: 'Bedömning' })).toBeInTheDocument();
    expect(verdict().queryByRole('status')).not.toBeInTheDocument();

    type('Utfärdat', '2026-02-10 10:00');
    await waitFor(() => expect(announcement()).toHaveTextContent('Ny avvikelse: Utfärdat inom kontorstid'));
    expect(announcement()).not.toHaveTextContent(/Inga avvikelser/);

    // Corrected: while the new verdict is on its way, the old violation is not in the region.
    type('Utfärdat', '2026-02-10 18:00');
    expect(announcement()).toHaveTextContent(/^$/);
    await waitFor(() =>
      expect(announcement()).toHaveTextContent('Åtgärdad: Utfärdat inom kontorstid. Inga avvikelser'),
    );

    // A change the rules do not read says nothing new.
    type('Korthållarens namn', 'Björn Åberg-Lind');
    await new Promise((r) => setTimeout(r, 400));
    expect(announcement()).toHaveTextContent('Åtgärdad: Utfärdat inom kontorstid. Inga avvikelser');
  });
});
