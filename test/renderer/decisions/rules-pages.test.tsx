import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DecisionsPage } from '../../../renderer/features/decisions/DecisionsPage';
import { SettingsPage } from '../../../renderer/features/settings/SettingsPage';
import { SetupModal } from '../../../renderer/features/setup/SetupModal';
import { makeCard, startTestBackend, type TestBackend } from '../support/backend';
import { renderWithApp } from '../support/render';

let t: TestBackend;
beforeEach(() => {
  t = startTestBackend({ setupDone: false });
});
afterEach(() => t.dispose());

const input = (text: string) => screen.getByLabelText(text, { selector: 'input, textarea' });
const type = (label: string, value: string) => fireEvent.change(input(label), { target: { value } });
const errorOf = (label: string) => {
  const ids = (input(label).getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
};

async function invoke(channel: string, payload: unknown) {
  const result = await t.backend.router.invoke(channel, payload, { trustedSender: true });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('Beslut', () => {
  it('lists the default decision, says none applies today, and adds an extension that recomputes findings', async () => {
    const user = userEvent.setup({ delay: null });
    // Issued 2026-07-10 19:40, after the default decision: a violation until a decision covers it.
    await t.seed([
      makeCard({
        issuedAt: '2026-07-10T19:40:00+02:00',
        expiresAt: '2026-07-20T19:40:00+02:00',
        violationJustification: 'Inget beslut ännu',
      }),
    ]);
    expect((await t.listAll()).rows[0]!.findings).toEqual([
      expect.objectContaining({ code: 'l2-outside-dispensation-period' }),
    ]);
    renderWithApp(<DecisionsPage />, t.api);
    const table = await screen.findByRole('table', { name: 'Beslut om dispens' });
    expect(within(table).getByText('ehm-2025-11-04')).toBeInTheDocument();
    expect(within(table).getByText('2025-12-01 – 2026-06-30')).toBeInTheDocument();
    expect(within(table).getByText('14 dagar')).toBeInTheDocument();
    expect(within(table).getByText('2026-03-31')).toBeInTheDocument();
    expect(screen.getByText('Inget beslut gäller i dag.')).toBeInTheDocument();

    type('Id', 'ehm-2026-07-01');
    type('Rubrik', 'Förlängning av dispensen');
    type('Första dag', '2026-07-01');
    type('Sista dag', '2026-12-31');
    await user.click(screen.getByRole('button', { name: 'Lägg till beslut' }));
    expect(await screen.findByText(/Beslutet ehm-2026-07-01 är sparat/)).toBeInTheDocument();
    expect(await within(table).findByText('ehm-2026-07-01')).toBeInTheDocument();
    expect(screen.getByText('I dag gäller Förlängning av dispensen.')).toBeInTheDocument();
    expect(screen.getByText('Gäller i dag')).toBeInTheDocument();
    expect((await t.listAll()).rows[0]!.findings).toEqual([]);
  });

  it('shows the back end’s errors under the fields and saves nothing', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithApp(<DecisionsPage />, t.api);
    await screen.findByRole('table', { name: 'Beslut om dispens' });
    type('Id', 'Fel Id');
    type('Rubrik', 'Något');
    type('Första dag', '2026-07-01');
    type('Sista dag', '2026-06-01');
    await user.click(screen.getByRole('button', { name: 'Lägg till beslut' }));
    await waitFor(() => expect(input('Id')).toHaveAttribute('aria-invalid', 'true'));
    expect(errorOf('Id')).toContain('Får bara innehålla a–z, 0–9 och bindestreck');
    expect(errorOf('Sista dag')).toContain('Sista dagen kan inte vara före första dagen.');
    expect(await invoke('decisions:list', {})).toHaveLength(1);
  });
});

describe('Inställningar', () => {
  it('saves office hours, a closed day, the window and the desk, then shows them saved', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithApp(<SettingsPage />, t.api);
    expect(await screen.findByText(/Ändringar loggas i granskningsloggen/)).toBeInTheDocument();
    expect(input('Kontorstid börjar')).toHaveValue('08:00');
    type('Kontorstid börjar', '09:00');
    type('Kontorstid slutar', '15:01');
    type('Ny stängd dag', '2026-12-23');
    await user.click(screen.getByRole('button', { name: 'Lägg till' }));
    expect(screen.getByText('2026-12-23')).toBeInTheDocument();
    type('Går snart ut inom (timmar)', '72');
    type('Region eller kortdisk', 'Västra Götalandsregionen');
    type('Användare vid kortdisken', 'Kim Svensson');
    await user.click(screen.getByRole('button', { name: 'Spara inställningar' }));
    expect(await screen.findByText('Inställningarna är sparade.')).toBeInTheDocument();
    expect(await invoke('settings:get', {})).toEqual({
      officeHours: { start: '09:00', end: '15:01' },
      closedDays: ['2026-12-23'],
      expiringSoonHours: 72,
    });
    expect(await invoke('setup:status', {})).toMatchObject({
      needed: false,
      deskName: 'Västra Götalandsregionen',
      deskUser: 'Kim Svensson',
    });

    await user.click(screen.getByRole('button', { name: 'Ta bort 2026-12-23' }));
    expect(screen.getByText('Inga egna stängda dagar.')).toBeInTheDocument();
  });

  it('shows errors under the fields and keeps the stored settings', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithApp(<SettingsPage />, t.api);
    await screen.findByText(/Ändringar loggas/);
    type('Kontorstid börjar', '9');
    await user.click(screen.getByRole('button', { name: 'Spara inställningar' }));
    await waitFor(() => expect(input('Kontorstid börjar')).toHaveAttribute('aria-invalid', 'true'));
    expect(errorOf('Kontorstid börjar')).toContain('Skriv tiden som TT:MM');
    type('Kontorstid börjar', '18:00');
    await user.click(screen.getByRole('button', { name: 'Spara inställningar' }));
    await waitFor(() => expect(errorOf('Kontorstid slutar')).toContain('måste sluta efter att den börjar'));
    expect(await invoke('settings:get', {})).toMatchObject({ officeHours: { start: '08:00', end: '17:00' } });
  });
});

describe('first-run setup', () => {
  it('cannot be dismissed, explains errors, and saves the desk, user and office hours', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithApp(<SetupModal />, t.api);
    const dialog = within(await screen.findByRole('dialog', { name: 'Välkommen till Kortliggaren' }));
    expect(input('Kontorstid börjar')).toHaveValue('08:00');
    expect(input('Kontorstid slutar')).toHaveValue('17:00');
    expect(dialog.queryByRole('button', { name: /Stäng|Close/ })).not.toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.getByRole('dialog')).toBeInTheDocument();

    await user.click(dialog.getByRole('button', { name: 'Spara och börja' }));
    await waitFor(() => expect(input('Region eller kortdisk')).toHaveAttribute('aria-invalid', 'true'));
    expect(input('Ditt namn')).toHaveAttribute('aria-invalid', 'true');

    type('Region eller kortdisk', 'Region Exempel, kortdisken');
    type('Ditt namn', 'Lena Holm');
    type('Kontorstid slutar', '16:00');
    await user.click(dialog.getByRole('button', { name: 'Spara och börja' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await invoke('setup:status', {})).toMatchObject({
      needed: false,
      deskName: 'Region Exempel, kortdisken',
      deskUser: 'Lena Holm',
      officeHours: { start: '08:00', end: '16:00' },
    });
  });
});
