import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HubSettingsSection } from '../../../renderer/features/hub/HubSettingsSection';
import { HubStatusBar } from '../../../renderer/features/hub/HubStatusBar';
import { useHubServer as startHubServerForFile } from '../../electron/hub/support';
import { startTestBackend, type TestBackend } from '../support/backend';
import { renderWithApp } from '../support/render';

// Settings › Regional hubb and the shell's sync state on the real back end, against a real
// PostgreSQL hub started for this file.

const SLOW = { timeout: 15_000 };
// Not a React hook: one PostgreSQL server for the file (started in beforeAll).
const hubs = startHubServerForFile();

let t: TestBackend;
beforeEach(() => {
  t = startTestBackend();
});
afterEach(() => t.dispose());

/** A station's login split as the form takes it. */
async function newStation(id: string, name: string): Promise<{ url: string; password: string }> {
  const hub = await hubs.newHub();
  const login = await hub.addDesk(id, name);
  const parsed = new URL(login.url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { url: parsed.toString(), password };
}

function Shell() {
  return (
    <>
      <HubStatusBar />
      <HubSettingsSection />
    </>
  );
}

describe('Inställningar › Regional hubb', () => {
  it('refuses in Swedish under the field it is about, then connects and shows the station', async () => {
    const user = userEvent.setup({ delay: null });
    const station = await newStation('boras', 'Borås');
    renderWithApp(<Shell />, t.api);
    const section = await screen.findByRole('region', { name: 'Regional hubb' }, SLOW);
    // No hub yet: the shell shows nothing about syncing.
    expect(screen.queryByRole('status', { name: 'Synkning med den regionala hubben' })).toBeNull();
    const url = within(section).getByLabelText('Hubbens adress (URL)');
    const password = within(section).getByLabelText('Lösenord');

    await user.type(url, 'postgres://kortstation@hubb.regionen.se/kortliggaren');
    await user.type(password, 'x');
    await user.click(within(section).getByRole('button', { name: 'Anslut' }));
    expect(
      await within(section).findByText(/måste krypteras och serverns certifikat kontrolleras/, {}, SLOW),
    ).toBeInTheDocument();
    expect(url).toHaveAttribute('aria-invalid', 'true');

    await user.clear(url);
    await user.type(url, station.url);
    await user.clear(password);
    await user.type(password, 'fel');
    await user.click(within(section).getByRole('button', { name: 'Anslut' }));
    expect(await within(section).findByText(/godtog inte inloggningen/, {}, SLOW)).toBeInTheDocument();
    expect(await t.api['hub:settings']({})).toMatchObject({ ok: true, value: { joined: false } });

    await user.clear(password);
    await user.type(password, station.password);
    await user.click(within(section).getByRole('button', { name: 'Anslut' }));
    expect(
      await within(section).findByText(
        /Ansluten som kortstationen Borås \(boras\) på hubben 127\.0\.0\.1:\d+\/hub_\d+/,
        {},
        SLOW,
      ),
    ).toBeInTheDocument();
    expect(password).toHaveValue('');
    expect(t.calls.filter((c) => c.channel === 'hub:connect')).toHaveLength(3);

    await user.click(within(section).getByRole('button', { name: 'Synka nu' }));
    expect(
      await within(section).findByText(/Senaste synkning \d{4}-\d\d-\d\d \d\d:\d\d: 0 skickade/, {}, SLOW),
    ).toBeInTheDocument();
    const state = await screen.findByRole('status', { name: 'Synkning med den regionala hubben' }, SLOW);
    expect(within(state).getByText(/^Regionens data från \d{4}-\d\d-\d\d \d\d:\d\d$/)).toBeInTheDocument();
  });

  it('shows the English message when the UI is in English', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithApp(<HubSettingsSection />, t.api, 'en');
    const section = await screen.findByRole('region', { name: 'Regional hub' }, SLOW);
    await user.type(
      within(section).getByLabelText("The hub's address (URL)"),
      'postgres://kortstation@hubb.regionen.se/kortliggaren?sslmode=require',
    );
    await user.type(within(section).getByLabelText('Password'), 'x');
    await user.click(within(section).getByRole('button', { name: 'Connect' }));
    expect(await within(section).findByText(/The hub's address is not valid/, {}, SLOW)).toBeInTheDocument();
  });

  it('forgets the password: the shell then says it is missing and links to Settings', async () => {
    const user = userEvent.setup({ delay: null });
    const station = await newStation('skovde', 'Skövde');
    const connected = await t.api['hub:connect'](station);
    expect(connected.ok).toBe(true);
    renderWithApp(<Shell />, t.api);
    const section = await screen.findByRole('region', { name: 'Regional hubb' }, SLOW);
    await user.click(await within(section).findByRole('button', { name: 'Glöm lösenordet' }, SLOW));
    expect(
      await within(section).findByText(
        /Registret hör till kortstationen Skövde men inget lösenord är sparat/,
        {},
        SLOW,
      ),
    ).toBeInTheDocument();
    const state = await screen.findByRole('status', { name: 'Synkning med den regionala hubben' }, SLOW);
    const link = await within(state).findByRole('link', { name: /Lösenord saknas/ }, SLOW);
    expect(link).toHaveAttribute('href', '#/installningar');
    await waitFor(() => expect(within(section).queryByRole('button', { name: 'Synka nu' })).toBeNull());
  });

  it('asks before moving the register to the login’s other hub, and moves it only when confirmed', async () => {
    const user = userEvent.setup({ delay: null });
    const first = await newStation('boras', 'Borås');
    const joined = await t.api['hub:connect'](first);
    expect(joined).toMatchObject({ ok: true });
    const before = await t.api['hub:settings']({});
    if (!before.ok) throw new Error('no settings');
    // The hub restored from a backup under a new id, or a new hub: the same station's login there.
    const second = await newStation('boras', 'Borås');
    renderWithApp(<Shell />, t.api);
    const section = await screen.findByRole('region', { name: 'Regional hubb' }, SLOW);
    const url = within(section).getByLabelText('Hubbens adress (URL)');
    const password = within(section).getByLabelText('Lösenord');
    await waitFor(() => expect(url).toHaveValue(first.url), SLOW);
    await user.clear(url);
    await user.type(url, second.url);
    await user.type(password, second.password);
    await user.click(within(section).getByRole('button', { name: 'Anslut igen' }));

    const ask = await screen.findByRole('dialog', { name: 'Ansluta registret till en ny hubb?' }, SLOW);
    expect(
      within(ask).getByText(/men inloggningen hör till kortstationen boras på en annan hubb/),
    ).toBeInTheDocument();
    await user.click(within(ask).getByRole('button', { name: 'Avbryt' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), SLOW);
    expect(await t.api['hub:settings']({})).toMatchObject({ ok: true, value: { hubId: before.value.hubId } });

    await user.click(within(section).getByRole('button', { name: 'Anslut igen' }));
    const again = await screen.findByRole('dialog', { name: 'Ansluta registret till en ny hubb?' }, SLOW);
    await user.click(within(again).getByRole('button', { name: 'Anslut till den nya hubben' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), SLOW);
    expect(
      await within(section).findByText(
        new RegExp(
          `Ansluten som kortstationen Borås \\(boras\\) på hubben 127\\.0\\.0\\.1:\\d+${new URL(second.url).pathname}`,
        ),
        {},
        SLOW,
      ),
    ).toBeInTheDocument();
    const after = await t.api['hub:settings']({});
    expect(after.ok && after.value.hubId).not.toBe(before.value.hubId);
    expect(after).toMatchObject({ ok: true, value: { joined: true, deskId: 'boras' } });
    const connects = t.calls
      .filter((c) => c.channel === 'hub:connect')
      .map((c) => c.input as { newHub?: boolean });
    expect(connects.map((c) => c.newHub === true)).toEqual([false, false, false, true]);
  });
});
