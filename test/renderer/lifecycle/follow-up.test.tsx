import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CardDrawer } from '../../../renderer/features/register/CardDrawer';
import { ReportPage } from '../../../renderer/features/report/ReportPage';
import { ReviewPage } from '../../../renderer/features/review/ReviewPage';
import { ExtendCardModal } from '../../../renderer/features/lifecycle/ExtendCardModal';
import { makeCard, startTestBackend, type TestBackend } from '../support/backend';
import { renderWithApp } from '../support/render';

let t: TestBackend;
beforeEach(() => {
  t = startTestBackend();
});
afterEach(() => t.dispose());

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const level3 = (cardNumber: string, holder: string, issuedAt: number, expiresAt: number) =>
  makeCard({
    cardNumber,
    holderHsaId: `SE2321000016-${holder}`,
    holderName: `Person ${holder}`,
    assuranceLevel: 3,
    unplannedPersonnel: null,
    issuedBy: ['Kim Svensson', 'Maria Lund'],
    issuedAt: iso(issuedAt),
    expiresAt: iso(expiresAt),
  });

describe('Månadsrapport', () => {
  it('shows the month’s figures per organisation with totals and the level-2 reasons', async () => {
    await t.seed([
      makeCard(),
      makeCard({
        cardNumber: '9752200000000000009',
        holderHsaId: 'SE2321000016-H009',
        assuranceLevel: 3,
        unplannedPersonnel: null,
        issuedBy: ['Kim Svensson', 'Maria Lund'],
        issuedAt: '2026-02-02T10:00:00+01:00',
        expiresAt: '2026-04-02T10:00:00+01:00',
      }),
    ]);
    renderWithApp(<ReportPage now={Date.parse('2026-03-10T12:00:00+01:00')} />, t.api);

    const table = await screen.findByRole('table', { name: 'Per organisation' });
    const cell = (org: string, key: string) =>
      table.querySelector(`tr[data-organisation="${org}"] td[data-figure="${key}"]`)?.textContent;
    expect(cell('SE2321000016-A1B2', 'newlyIssued.level2')).toBe('1');
    expect(cell('SE2321000016-A1B2', 'newlyIssued.level3')).toBe('1');
    // The level-2 card expired on 25 February; the level-3 card is still active on 1 March.
    expect(cell('SE2321000016-A1B2', 'activeAtEnd.level2')).toBe('0');
    expect(cell('totals', 'activeAtEnd.level3')).toBe('1');
    const reasons = screen.getByRole('table', { name: 'Anledningar nivå 2' });
    expect(within(reasons).getByText('Glömt kort')).toBeInTheDocument();
    expect(within(reasons).getByText('2026-02-11 19:40')).toBeInTheDocument();
    expect(screen.getByText('Inte exporterad')).toBeInTheDocument();
    expect(t.calls.find((c) => c.channel === 'report:monthly')?.input).toEqual({ month: '2026-02' });
  });
});

const exportDirs: string[] = [];
afterEach(() => {
  for (const dir of exportDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function exportPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kortliggaren-export-'));
  exportDirs.push(dir);
  return join(dir, 'rapport.json');
}

describe('Månadsrapport after an export', () => {
  it('warns that the data changed since the export and says what changed', async () => {
    await t.seed([makeCard()]);
    const exported = await t.api['report:export']({ month: '2026-02', format: 'json', path: exportPath() });
    expect(exported.ok).toBe(true);
    // A card registered afterwards for the same month changes the exported figures.
    await t.seed([
      makeCard({
        cardNumber: '9752200000000000012',
        holderHsaId: 'SE2321000016-H012',
        issuedAt: '2026-02-12T21:00:00+01:00',
        expiresAt: '2026-02-20T21:00:00+01:00',
      }),
    ]);
    renderWithApp(<ReportPage now={Date.parse('2026-03-10T12:00:00+01:00')} />, t.api);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Underlaget har ändrats sedan exporten');
    expect(alert).toHaveTextContent('Region Exempel (SE2321000016-A1B2)');
    expect(alert).toHaveTextContent(/1 → 2/);
    expect(screen.getByText(/^Exporterad 2026-/)).toBeInTheDocument();
  });

  it('shows no warning while the register still matches the export', async () => {
    await t.seed([makeCard()]);
    expect((await t.api['report:export']({ month: '2026-02', format: 'json', path: exportPath() })).ok).toBe(
      true,
    );
    renderWithApp(<ReportPage now={Date.parse('2026-03-10T12:00:00+01:00')} />, t.api);
    expect(await screen.findByText(/^Exporterad 2026-/)).toBeInTheDocument();
    expect(screen.queryByText('Underlaget har ändrats sedan exporten')).not.toBeInTheDocument();
  });
});

describe('Att följa upp', () => {
  it('lists expiring and overdue cards and ends them with one click', async () => {
    const user = userEvent.setup({ delay: null });
    const now = Date.now();
    await t.seed([
      level3('9752200000000000301', 'H301', now - 5 * 24 * HOUR, now + 10 * HOUR),
      level3('9752200000000000302', 'H302', now - 20 * 24 * HOUR, now - 24 * HOUR),
    ]);
    renderWithApp(<ReviewPage />, t.api);

    await waitFor(() => expect(screen.getByTestId('count-expiring')).toHaveTextContent('1'));
    expect(screen.getByTestId('count-overdue')).toHaveTextContent('1');

    await user.click(screen.getByRole('button', { name: 'Markera 9752200000000000302 som spärrat' }));
    expect(await screen.findByText('Kort 9752200000000000302 är markerat som spärrat.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('count-overdue')).toHaveTextContent('0'));
    const ended = t.calls.find((c) => c.channel === 'cards:end')?.input as Record<string, unknown>;
    expect(ended.endReason).toBe('revoked');

    await user.click(screen.getByRole('button', { name: 'Förläng 9752200000000000301' }));
    const dialog = await screen.findByRole('dialog', { name: /Förläng kortet/ });
    await waitFor(() => expect(within(dialog).getByLabelText('Utfärdat av')).toHaveValue('Kim Svensson'));
    expect(within(dialog).getByLabelText('Andra ID-administratör')).toHaveValue('Maria Lund');
    await user.click(within(dialog).getByRole('button', { name: 'Förläng' }));
    expect(await screen.findByText(/Kort 9752200000000000301 är förlängt till/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('count-expiring')).toHaveTextContent('0'));
  });
});

describe('Att följa upp with many overdue cards', () => {
  it('shows the first page with the full count, and more on request', async () => {
    const user = userEvent.setup({ delay: null });
    const now = Date.now();
    await t.seed(
      Array.from({ length: 103 }, (_, i) =>
        level3(`97522000000000${String(10_000 + i)}`, `M${i}`, now - 40 * 24 * HOUR, now - (200 - i) * HOUR),
      ),
    );
    renderWithApp(<ReviewPage />, t.api);

    await waitFor(() => expect(screen.getByTestId('count-overdue')).toHaveTextContent('103'));
    const table = screen.getByRole('table', { name: 'Förfallna, ej återlämnade' });
    // The header row plus one page; the oldest expiry first.
    expect(within(table).getAllByRole('row')).toHaveLength(101);
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('9752200000000010000');
    expect(screen.getByText('Visar de 100 första av 103, sorterade på giltighetstid.')).toBeInTheDocument();
    expect(t.calls.find((c) => c.channel === 'review:lists')?.input).toEqual({ limit: 100 });

    await user.click(screen.getByRole('button', { name: 'Visa fler' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(104));
    expect(screen.queryByTestId('more-overdue')).not.toBeInTheDocument();
  });
});

describe('card drawer lifecycle', () => {
  it('returns a card at a chosen time, shows the event, and refuses a time before the issue', async () => {
    const user = userEvent.setup({ delay: null });
    await t.seed([makeCard()]);
    const id = ((await t.listAll()).rows[0] as { id: string }).id;
    let changed = 0;
    renderWithApp(<CardDrawer cardId={id} onClose={() => {}} onChanged={() => changed++} />, t.api);

    const drawer = await screen.findByRole('dialog', { name: 'Kort 9752 2000 0000 0000 001' });
    await user.click(await within(drawer).findByRole('button', { name: 'Återlämna' }));
    const modal = await screen.findByRole('dialog', { name: 'Återlämna kortet' });
    const time = within(modal).getByLabelText('Återlämnat');
    await user.clear(time);
    await user.type(time, '2026-02-01 10:00');
    await user.click(within(modal).getByRole('button', { name: 'Markera som återlämnat' }));
    expect(await within(modal).findByText(/före|before/i)).toBeInTheDocument();

    await user.clear(time);
    await user.type(time, '2026-02-13 10:00');
    await user.click(within(modal).getByRole('button', { name: 'Markera som återlämnat' }));
    await waitFor(() => expect(changed).toBe(1));
    expect(
      await within(drawer).findByText('Registreringen är avslutad; den kan inte längre ändras.'),
    ).toBeInTheDocument();
    expect(await within(drawer).findByText('återlämnat 2026-02-13 10:00')).toBeInTheDocument();
    expect(
      within(within(drawer).getByRole('table', { name: 'Händelser' })).getByText('Registrerat'),
    ).toBeInTheDocument();
  });

  it('voids a card only after the confirmation, with a reason', async () => {
    const user = userEvent.setup({ delay: null });
    await t.seed([makeCard()]);
    const id = ((await t.listAll()).rows[0] as { id: string }).id;
    renderWithApp(<CardDrawer cardId={id} onClose={() => {}} />, t.api);

    const drawer = await screen.findByRole('dialog', { name: 'Kort 9752 2000 0000 0000 001' });
    await user.click(await within(drawer).findByRole('button', { name: 'Makulera' }));
    const modal = await screen.findByRole('dialog', { name: 'Makulera registreringen' });
    const confirm = within(modal).getByRole('button', { name: 'Makulera' });
    expect(confirm).toBeDisabled();
    await user.type(within(modal).getByLabelText('Varför makuleras registreringen?'), 'Fel kort');
    await user.click(within(modal).getByLabelText('Jag förstår att makuleringen inte kan ångras'));
    await user.click(confirm);
    expect(await within(drawer).findByText('Makulerad: Fel kort')).toBeInTheDocument();
    expect(await within(drawer).findByText('Motivering: Fel kort')).toBeInTheDocument();
  });
});

describe('extending a card that breaks a rule', () => {
  it('shows the violation, asks for a justification, and saves the extension with it', async () => {
    const user = userEvent.setup({ delay: null });
    await t.seed([makeCard()]);
    const id = ((await t.listAll()).rows[0] as { id: string }).id;
    const done: { id: string }[] = [];
    renderWithApp(
      <ExtendCardModal cardId={id} onClose={() => {}} onDone={(card) => done.push(card)} />,
      t.api,
    );

    const dialog = await screen.findByRole('dialog', { name: /Förläng kortet/ });
    const field = (label: string) => within(dialog).getByLabelText(label, { selector: 'input, textarea' });
    await waitFor(() => expect(within(dialog).getByLabelText('Utfärdat av')).toHaveValue('Kim Svensson'));
    // A Friday evening, but 25 days: longer than the two weeks a level-2 card may last.
    await user.clear(field('Ny giltighet från'));
    await user.type(field('Ny giltighet från'), '2026-02-13 19:00');
    await user.clear(field('Ny giltighet till'));
    await user.type(field('Ny giltighet till'), '2026-03-10 19:00');
    await user.click(within(dialog).getByRole('button', { name: 'Förläng' }));

    expect(await within(dialog).findByText('Förlängningen bryter mot en regel')).toBeInTheDocument();
    expect(done).toEqual([]);
    expect((await t.listAll()).total).toBe(1);

    await user.type(field('Motivering'), 'Ersättningskortet är försenat');
    await user.click(within(dialog).getByRole('button', { name: 'Förläng' }));
    await waitFor(() => expect(done).toHaveLength(1));
    const stored = await t.api['cards:get']({ id: done[0]!.id });
    expect(stored.ok && stored.value.violationJustification).toBe('Ersättningskortet är försenat');
    expect(stored.ok && stored.value.extendsCardId).toBe(id);
  });
});
