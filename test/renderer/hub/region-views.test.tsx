import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HubStatusBar } from '../../../renderer/features/hub/HubStatusBar';
import { RegisterPage } from '../../../renderer/features/register/RegisterPage';
import { ReportPage } from '../../../renderer/features/report/ReportPage';
import { useHubServer as startHubServerForFile } from '../../electron/hub/support';
import { openDesk, type TestDesk } from '../../electron/sync/support';
import { makeCard, startTestBackend, type TestBackend } from '../support/backend';
import { renderWithApp } from '../support/render';

// The scope switch of the register and the report, and the shell's sync state, on the real
// back end joined to a real PostgreSQL hub where another station has pushed a card.

const SLOW = { timeout: 15_000 };
// Not a React hook: one PostgreSQL server for the file (started in beforeAll).
const hubs = startHubServerForFile();
const HOLDER = 'SE2321000016-H001';
const OTHER_NAME = 'Sven Skövdesson';

let t: TestBackend;
let other: TestDesk;
let url: string;

beforeAll(async () => {
  const hub = await hubs.newHub();
  other = await openDesk(hub, 'skovde', 'Skövde');
  await other.join();
  // Skövde's card for the same holder, valid when this station issues its own.
  await other.backend.router.invoke(
    'cards:register',
    makeCard({
      cardNumber: '9752200000000000009',
      holderName: OTHER_NAME,
      issuedAt: '2026-02-10T19:00:00+01:00',
      expiresAt: '2026-02-20T19:00:00+01:00',
    }),
    { trustedSender: true },
  );
  await other.sync();
  const login = await hub.addDesk('boras', 'Borås');
  url = login.url;
  t = startTestBackend();
  await t.seed([makeCard({ holderHsaId: HOLDER })]);
}, 60_000);

afterAll(() => {
  t?.dispose();
  other?.close();
});

afterEach(() => {
  window.location.hash = '';
});

function Page({ which }: { which: 'register' | 'report' }) {
  return (
    <>
      <HubStatusBar />
      {which === 'register' ? (
        <RegisterPage cardId={null} onOpenCard={() => {}} onRegisterCard={() => {}} />
      ) : (
        <ReportPage now={Date.parse('2026-03-10T12:00:00+01:00')} />
      )}
    </>
  );
}

describe('before the register joins a hub', () => {
  it('offers no scope switch and no sync state', async () => {
    renderWithApp(<Page which="register" />, t.api);
    await screen.findByRole('heading', { name: 'Register' }, SLOW);
    await screen.findByText('Anna Lindqvist', {}, SLOW);
    expect(screen.queryByRole('radiogroup', { name: 'Visa' })).toBeNull();
    expect(screen.queryByText('Hela regionen')).toBeNull();
    expect(screen.queryByRole('status', { name: 'Synkning med den regionala hubben' })).toBeNull();
  });
});

describe('after joining', () => {
  beforeAll(async () => {
    const parsed = new URL(url);
    const password = decodeURIComponent(parsed.password);
    parsed.password = '';
    const connected = await t.api['hub:connect']({ url: parsed.toString(), password });
    if (!connected.ok) throw new Error(JSON.stringify(connected.error));
    const synced = await t.api['hub:sync']({});
    if (!synced.ok || synced.value.state !== 'idle') throw new Error(JSON.stringify(synced));
  }, 60_000);

  it("switches the register to the whole region: the other station's card read-only, no name, the warning naming it", async () => {
    const user = userEvent.setup({ delay: null });
    renderWithApp(<Page which="register" />, t.api);
    await screen.findByText('Anna Lindqvist', {}, SLOW);
    await user.click(await screen.findByText('Hela regionen', {}, SLOW));
    await screen.findByRole('heading', { name: 'Register — hela regionen' }, SLOW);
    const table = await screen.findByRole('table', { name: 'Regionens reservkort' }, SLOW);
    const theirs = await within(table).findByRole(
      'row',
      { name: 'Visa kortet 9752 2000 0000 0000 009' },
      SLOW,
    );
    const mine = within(table).getByRole('row', { name: 'Visa kortet 9752 2000 0000 0000 001' });
    expect(within(theirs).getByText('Skövde')).toBeInTheDocument();
    expect(within(theirs).getByLabelText('Bara läsning')).toBeInTheDocument();
    expect(within(theirs).getByText(HOLDER)).toBeInTheDocument();
    expect(within(mine).getByText('Borås')).toBeInTheDocument();
    expect(within(mine).getByText('Anna Lindqvist')).toBeInTheDocument();
    expect(screen.queryByText(OTHER_NAME)).toBeNull();
    const warning = within(mine).getByLabelText(/^Har en varning:/);
    expect(warning.getAttribute('aria-label')).toContain('Gäller ett kort på Skövde');

    await user.click(theirs);
    const drawer = await screen.findByRole('dialog', { name: 'Kort 9752 2000 0000 0000 009 — Skövde' }, SLOW);
    expect(
      await within(drawer).findByText(
        /Kortet registrerades på kortstationen Skövde och kan bara ändras där/,
        {},
        SLOW,
      ),
    ).toBeInTheDocument();
    // Only the station that registered it changes it; this desk may only extend it here.
    expect(
      within(drawer).queryByRole('button', { name: /Avsluta|Återlämna|Spärra|Makulera|Rätta/ }),
    ).toBeNull();
    expect(within(drawer).getByRole('button', { name: 'Förläng här' })).toBeInTheDocument();
    expect(within(drawer).queryByText(OTHER_NAME)).toBeNull();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), SLOW);

    // Filter by station.
    await user.click(screen.getByRole('combobox', { name: 'Kortstation' }));
    await user.click(await screen.findByRole('option', { name: 'Skövde' }, SLOW));
    await waitFor(
      () =>
        expect(within(table).queryByRole('row', { name: 'Visa kortet 9752 2000 0000 0000 001' })).toBeNull(),
      SLOW,
    );
    expect(
      t.calls.some(
        (c) => c.channel === 'region:cards' && (c.input as { station?: string }).station === 'skovde',
      ),
    ).toBe(true);

    // And back: this station's register as before.
    await user.click(screen.getByText('Den här kortstationen'));
    await screen.findByRole('heading', { name: 'Register' }, SLOW);
  });

  it('switches the report to the whole region with each station and its last push', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithApp(<Page which="report" />, t.api);
    await screen.findByRole('heading', { name: 'Månadsrapport' }, SLOW);
    await user.click(await screen.findByText('Hela regionen', {}, SLOW));
    await screen.findByRole('heading', { name: 'Månadsrapport — hela regionen' }, SLOW);
    const coverage = await screen.findByRole('table', { name: 'Kortstationer' }, SLOW);
    const rows = within(coverage).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-station'))).toEqual(['boras', 'skovde']);
    // February has ended; both stations pushed after it (now).
    expect(within(coverage).getAllByText('Med efter månadens slut')).toHaveLength(2);
    await user.click(screen.getByText('Den här kortstationen'));
    await screen.findByRole('heading', { name: 'Månadsrapport' }, SLOW);
  });

  it('shows the events waiting, then the error and the retry when the hub is gone', async () => {
    renderWithApp(<Page which="register" />, t.api);
    await t.seed([makeCard({ cardNumber: '9752200000000000077', holderHsaId: 'SE2321000016-H077' })]);
    const state = await screen.findByRole('status', { name: 'Synkning med den regionala hubben' }, SLOW);
    expect(await within(state).findByText('1 händelse väntar', {}, SLOW)).toBeInTheDocument();
    expect(within(state).getByText(/^Regionens data från/)).toBeInTheDocument();

    await hubs.server.kill();
    const failed = await t.api['hub:sync']({});
    expect(failed).toMatchObject({ ok: true, value: { state: 'retrying' } });
    // Without the background sync (as here) no retry is planned: the error alone.
    const link = await within(state).findByRole('link', { name: /^Synkfel\./ }, SLOW);
    expect(link).toHaveAttribute('href', '#/installningar');
    expect(link.getAttribute('aria-label')).toContain('går inte att nå just nu');
    expect(state).toHaveAttribute('data-sync-state', 'retrying');
    await hubs.server.restart();
  });

  it("extends the other station's card here: the holder's name asked for, then a card of this station", async () => {
    const user = userEvent.setup({ delay: null });
    renderWithApp(<Page which="register" />, t.api);
    await user.click(await screen.findByText('Hela regionen', {}, SLOW));
    const table = await screen.findByRole('table', { name: 'Regionens reservkort' }, SLOW);
    const number = 'Visa kortet 9752 2000 0000 0000 009';
    await user.click(await within(table).findByRole('row', { name: number }, SLOW));
    const drawer = await screen.findByRole('dialog', { name: 'Kort 9752 2000 0000 0000 009 — Skövde' }, SLOW);
    await user.click(await within(drawer).findByRole('button', { name: 'Förläng här' }, SLOW));

    const dialog = await screen.findByRole('dialog', { name: /^Förläng kortet/ }, SLOW);
    const field = (label: string) => within(dialog).getByRole('textbox', { name: new RegExp(`^${label}`) });
    await waitFor(() => expect(field('Ny giltighet från')).not.toHaveValue(''), SLOW);
    expect(
      within(dialog).getByText(/det andra kortet avslutas bara av sin egen kortstation/),
    ).toBeInTheDocument();
    // The other station's ID administrators stayed there: none is prefilled.
    expect(field('Utfärdat av')).toHaveValue('');
    // Thursday evening, a week, while Skövde's card is still valid.
    await user.clear(field('Ny giltighet från'));
    await user.type(field('Ny giltighet från'), '2026-02-19 19:00');
    await user.clear(field('Ny giltighet till'));
    await user.type(field('Ny giltighet till'), '2026-02-26 19:00');
    await user.type(field('Utfärdat av'), 'Lo Lind');
    await user.click(within(dialog).getByRole('button', { name: 'Förläng' }));
    await waitFor(() => expect(field('Korthållarens namn')).toHaveAttribute('aria-invalid', 'true'), SLOW);
    expect(t.calls.some((c) => c.channel === 'cards:extend')).toBe(true);

    await user.type(field('Korthållarens namn'), 'Sven Skövdesson i Borås');
    await user.click(within(dialog).getByRole('button', { name: 'Förläng' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), SLOW);
    // Now the card number twice: Skövde's, and this station's extension with the name given here.
    await waitFor(() => expect(within(table).getAllByRole('row', { name: number })).toHaveLength(2), SLOW);
    const mine = within(table)
      .getAllByRole('row', { name: number })
      .find((row) => within(row).queryByText('Borås'));
    expect(mine && within(mine).getByText('Sven Skövdesson i Borås')).toBeInTheDocument();
  });
});
