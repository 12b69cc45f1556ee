import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsPage } from '../../../renderer/features/settings/SettingsPage';
import { ORG, validCard } from '../../fixtures/cards';
import { startTestBackend, type TestBackend } from '../support/backend';
import { renderWithApp } from '../support/render';

// The page reads settings, desk and organisations before it shows the list: on a busy
// machine that takes longer than Testing Library's default second.
const SLOW = { timeout: 10_000 };

let t: TestBackend;
beforeEach(async () => {
  t = startTestBackend();
  await t.seed([validCard({ organisationName: 'Region V?stra G?taland' })]);
});
afterEach(() => t.dispose());

describe('Organisationer in Inställningar', () => {
  it('corrects an organisation name from the keyboard, audited, and lists the new name', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithApp(<SettingsPage />, t.api);
    const table = await screen.findByRole('table', { name: 'Organisationer' }, SLOW);
    expect(within(table).getByText('Region V?stra G?taland')).toBeInTheDocument();

    await user.click(within(table).getByRole('button', { name: 'Ändra namn på Region V?stra G?taland' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ändra organisationens namn' }, SLOW);
    const field = within(dialog).getByRole('textbox', { name: 'Nytt namn' });
    await waitFor(() => expect(field).toHaveFocus(), SLOW);
    await user.clear(field);
    await user.type(field, '   {Enter}');
    expect(await within(dialog).findByText('Måste fyllas i.', {}, SLOW)).toBeInTheDocument();

    await user.type(field, 'Region Västra Götaland{Enter}');
    expect(
      await screen.findByText(`Namnet på ${ORG} är ändrat till Region Västra Götaland.`, {}, SLOW),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument(), SLOW);
    expect(await within(table).findByText('Region Västra Götaland', {}, SLOW)).toBeInTheDocument();
    expect(t.backend.services.organisations.get(ORG)?.name).toBe('Region Västra Götaland');
    expect(t.backend.services.audit.listFor('organisation', ORG).at(-1)?.action).toBe('organisation.rename');
  });

  it('closes with Escape and changes nothing', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithApp(<SettingsPage />, t.api);
    const table = await screen.findByRole('table', { name: 'Organisationer' }, SLOW);
    await user.click(within(table).getByRole('button', { name: /^Ändra namn på/ }));
    const field = await screen.findByRole('textbox', { name: 'Nytt namn' }, SLOW);
    await user.type(field, 'X');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument(), SLOW);
    expect(t.calls.some((c) => c.channel === 'organisations:rename')).toBe(false);
  });
});
