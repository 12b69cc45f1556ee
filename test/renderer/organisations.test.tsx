import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsPage } from '../../renderer/features/settings/SettingsPage';
import { ORG, validCard } from '../fixtures/cards';
import { startTestBackend, type TestBackend } from './support/backend';
import { renderWithApp } from './support/render';

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
    const table = await screen.findByRole('table', { name: 'Organisationer' });
    expect(within(table).getByText('Region V?stra G?taland')).toBeInTheDocument();

    await user.click(within(table).getByRole('button', { name: 'Ändra namnet på Region V?stra G?taland' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ändra organisationens namn' });
    const field = within(dialog).getByRole('textbox', { name: 'Nytt namn' });
    await waitFor(() => expect(field).toHaveFocus());
    await user.clear(field);
    await user.type(field, '   {Enter}');
    expect(await within(dialog).findByText('Måste fyllas i.')).toBeInTheDocument();

    await user.type(field, 'Region Västra Götaland{Enter}');
    expect(
      await screen.findByText(`Namnet på ${ORG} är ändrat till Region Västra Götaland.`),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await within(table).findByText('Region Västra Götaland')).toBeInTheDocument();
    expect(t.backend.services.organisations.get(ORG)?.name).toBe('Region Västra Götaland');
    expect(t.backend.services.audit.listFor('organisation', ORG).at(-1)?.action).toBe('organisation.rename');
  });

  it('closes with Escape and changes nothing', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithApp(<SettingsPage />, t.api);
    const table = await screen.findByRole('table', { name: 'Organisationer' });
    await user.click(within(table).getByRole('button', { name: /^Ändra namnet på/ }));
    const field = await screen.findByRole('textbox', { name: 'Nytt namn' });
    await user.type(field, 'X');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(t.calls.some((c) => c.channel === 'organisations:rename')).toBe(false);
  });
});
