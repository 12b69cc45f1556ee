import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RegisterPage } from '../../../renderer/features/register/RegisterPage';
import { ROW_HEIGHT } from '../../../renderer/features/register/RegisterTable';
import { makeCard, startTestBackend, type TestBackend } from '../support/backend';
import { renderWithApp } from '../support/render';
import { startupCalls } from '../../../renderer/startup-calls';
import { sendEarlyCalls, withEarlyCalls } from '../../../renderer/ipc/early-calls';

let t: TestBackend;
beforeEach(() => {
  t = startTestBackend();
});
afterEach(() => t.dispose());

/** The register page with its drawer wired to local state, as App wires it to the address. */
function Harness({ onRegisterCard = () => {} }: { onRegisterCard?: () => void }) {
  const [cardId, setCardId] = useState<string | null>(null);
  return <RegisterPage cardId={cardId} onOpenCard={setCardId} onRegisterCard={onRegisterCard} />;
}

const listCalls = () =>
  t.calls.filter((c) => c.channel === 'cards:list').map((c) => c.input as Record<string, unknown>);

function bodyRows(): HTMLElement[] {
  return screen.getAllByRole('row').filter((row) => row.hasAttribute('data-index'));
}

const threeCards = [
  makeCard({
    cardNumber: '9752200000000000003',
    holderName: 'Cecilia Öhman',
    holderHsaId: 'SE2321000016-H3',
  }),
  makeCard({
    cardNumber: '9752200000000000001',
    holderName: 'Anna Lindqvist',
    holderHsaId: 'SE2321000016-H1',
    issuedAt: '2026-02-12T20:00:00+01:00',
    expiresAt: '2026-02-20T20:00:00+01:00',
    reasonCode: 'lost-or-stolen',
  }),
  makeCard({
    cardNumber: '9752200000000000002',
    holderName: 'Björn Åberg',
    holderHsaId: 'SE2321000016-H2',
    assuranceLevel: 3,
    unplannedPersonnel: null,
    issuedAt: '2026-01-05T09:00:00+01:00',
    expiresAt: '2026-02-04T09:00:00+01:00',
    issuedBy: ['Kim Svensson', 'Maria Lund'],
  }),
];

describe('register', () => {
  it('asks for its first page exactly as the start-up call does, so the early answer is used', async () => {
    await t.seed(threeCards);
    renderWithApp(<Harness />, t.api);
    await waitFor(() => expect(bodyRows()).toHaveLength(3));
    const early = startupCalls('#/register').find((c) => c.channel === 'cards:list');
    expect(listCalls()[0]).toEqual(early?.input);
  });

  it('shows a start-up answer that has arrived in its first render, without asking again', async () => {
    await t.seed(threeCards);
    const sent = sendEarlyCalls(t.api, startupCalls('#/register'));
    await Promise.all(sent.map((call) => call.reply));
    const asked = listCalls().length;
    const api = withEarlyCalls(t.api, sent);
    await Promise.resolve(); // lets it note the answers that have arrived
    renderWithApp(<Harness />, api);
    // No waiting: the rows are there at once, and no loader was shown instead.
    expect(bodyRows()).toHaveLength(3);
    expect(screen.getByText('3 kort')).toBeInTheDocument();
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(listCalls()).toHaveLength(asked);
  });

  it('renders the rows from the back end, newest first, with their count', async () => {
    await t.seed(threeCards);
    renderWithApp(<Harness />, t.api);

    await waitFor(() => expect(bodyRows()).toHaveLength(3));
    expect(screen.getByText('3 kort')).toBeInTheDocument();
    // Status first, then the card number, whole and in groups of four.
    const numbers = bodyRows().map((row) => within(row).getAllByRole('cell')[1]?.textContent);
    expect(numbers).toEqual([
      '9752 2000 0000 0000 001',
      '9752 2000 0000 0000 003',
      '9752 2000 0000 0000 002',
    ]);
    const first = bodyRows()[0]!;
    expect(within(first).getByText('Anna Lindqvist')).toBeInTheDocument();
    expect(within(first).getByText('2026-02-12 20:00')).toBeInTheDocument();
    expect(within(first).getByText('Förlorat eller stulet kort')).toBeInTheDocument();
    expect(within(first).getByText('Utgånget')).toBeInTheDocument();
    expect(listCalls()[0]).toEqual({ sort: { by: 'issuedAt', dir: 'desc' }, offset: 0, limit: 100 });
  });

  it('sorts on the server when a header is clicked, and reverses on a second click', async () => {
    const user = userEvent.setup({ delay: null });
    await t.seed(threeCards);
    renderWithApp(<Harness />, t.api);
    await waitFor(() => expect(bodyRows()).toHaveLength(3));

    await user.click(screen.getByRole('button', { name: 'Korthållare' }));
    await waitFor(() => expect(listCalls().at(-1)?.sort).toEqual({ by: 'holderName', dir: 'asc' }));
    await waitFor(() => expect(within(bodyRows()[0]!).queryByText('Anna Lindqvist')).toBeInTheDocument());
    expect(screen.getByRole('columnheader', { name: /Korthållare$/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );

    await user.click(screen.getByRole('button', { name: 'Korthållare' }));
    await waitFor(() => expect(listCalls().at(-1)?.sort).toEqual({ by: 'holderName', dir: 'desc' }));
    await waitFor(() => expect(within(bodyRows()[0]!).queryByText('Cecilia Öhman')).toBeInTheDocument());

    await user.click(screen.getByRole('button', { name: 'Kortnummer' }));
    await waitFor(() => expect(listCalls().at(-1)?.sort).toEqual({ by: 'cardNumber', dir: 'asc' }));
  });

  it('opens every field of a card in a drawer, by click or by Enter', async () => {
    const user = userEvent.setup({ delay: null });
    await t.seed(threeCards);
    renderWithApp(<Harness />, t.api);
    await waitFor(() => expect(bodyRows()).toHaveLength(3));

    await user.click(within(bodyRows()[2]!).getByText('Björn Åberg'));
    const drawer = await screen.findByRole('dialog', { name: 'Kort 9752 2000 0000 0000 002' });
    const d = within(drawer);
    expect(d.getByText('Korthållarens HSA-id').nextSibling).toHaveTextContent('SE2321000016-H2');
    expect(d.getByText('Utfärdat').nextSibling).toHaveTextContent('2026-01-05 09:00');
    expect(d.getByText('Giltigt till').nextSibling).toHaveTextContent('2026-02-04 09:00');
    expect(d.getByText('Utfärdat av').nextSibling).toHaveTextContent('Kim Svensson, Maria Lund');
    expect(d.getByText('Identitetsnummer').nextSibling).toHaveTextContent('Personnummer');
    expect(d.getByText('Organisationens namn').nextSibling).toHaveTextContent('Region Exempel');
    expect(d.getByText('Tillitsnivå').nextSibling).toHaveTextContent('3');
    await waitFor(() => expect(t.calls.some((c) => c.channel === 'cards:get')).toBe(true));

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    bodyRows()[0]!.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('dialog', { name: 'Kort 9752 2000 0000 0000 001' })).toBeInTheDocument();
  });

  it('marks a card that breaks a rule and explains the finding in the drawer', async () => {
    const user = userEvent.setup({ delay: null });
    await t.seed([
      makeCard({
        issuedAt: '2026-02-11T10:00:00+01:00', // a Wednesday, in office hours
        expiresAt: '2026-02-13T10:00:00+01:00',
        violationJustification: 'Akut behov',
      }),
    ]);
    renderWithApp(<Harness />, t.api);
    await waitFor(() => expect(bodyRows()).toHaveLength(1));

    const badge = within(bodyRows()[0]!).getByRole('img', { name: 'Bryter mot en regel' });
    // The tooltip naming the rule exists only while the badge is pointed at.
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
    // Pointed at through the badge's wrapper, which stays while the badge moves into the tooltip.
    const target = badge.parentElement!;
    await user.hover(target);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(/kontorstid/i);
    await user.unhover(target);
    await waitFor(() => expect(screen.queryByRole('tooltip')).not.toBeInTheDocument());
    await user.click(bodyRows()[0]!);
    const drawer = within(await screen.findByRole('dialog'));
    expect(await drawer.findByText(/en arbetsdag inom kontorstid \(08:00–17:00\)/)).toBeInTheDocument();
    expect(drawer.getByText('Motivering').nextSibling).toHaveTextContent('Akut behov');
  });

  it('tells an empty register to register the first card', async () => {
    const user = userEvent.setup({ delay: null });
    const onRegisterCard = vi.fn();
    renderWithApp(<Harness onRegisterCard={onRegisterCard} />, t.api);

    expect(
      await screen.findByText('Inga kort registrerade ännu — registrera det första kortet'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Registrera kort' }));
    expect(onRegisterCard).toHaveBeenCalledOnce();
  });

  it('searches after a pause in typing and says so when nothing matches', async () => {
    const user = userEvent.setup({ delay: null });
    await t.seed(threeCards);
    renderWithApp(<Harness />, t.api);
    await waitFor(() => expect(bodyRows()).toHaveLength(3));

    await user.type(screen.getByRole('searchbox', { name: 'Sök' }), 'Björn');
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    // Debounced: one request for the word, not one per keystroke.
    const searches = listCalls().flatMap((q) => (q.search === undefined ? [] : [q.search]));
    expect(searches.at(-1)).toBe('Björn');
    expect(searches.length).toBeLessThan('Björn'.length);

    await user.clear(screen.getByRole('searchbox', { name: 'Sök' }));
    await user.type(screen.getByRole('searchbox', { name: 'Sök' }), 'ingen sådan');
    expect(await screen.findByText('Inga kort matchar')).toBeInTheDocument();
    expect(screen.queryByText(/Inga kort registrerade ännu/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Rensa filter' }));
    await waitFor(() => expect(bodyRows()).toHaveLength(3));
  });

  it('filters by level on the server', async () => {
    const user = userEvent.setup({ delay: null });
    await t.seed(threeCards);
    renderWithApp(<Harness />, t.api);
    await waitFor(() => expect(bodyRows()).toHaveLength(3));

    await user.click(screen.getByRole('radio', { name: 'Nivå 3' }));
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    expect(listCalls().at(-1)).toMatchObject({ level: 3 });
    expect(screen.getByText('1 kort')).toBeInTheDocument();
  });

  it('filters by Stockholm month and by organisation on the server', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-15T12:00:00Z'));
    try {
      const user = userEvent.setup({ delay: null });
      await t.seed([
        ...threeCards,
        makeCard({
          organisationHsaId: 'SE2321000131-VGR1',
          organisationName: 'Västra Götalandsregionen',
          cardNumber: '9752200000000000009',
          holderHsaId: 'SE2321000016-H9',
          holderName: 'Hassan Ali',
        }),
      ]);
      renderWithApp(<Harness />, t.api);
      await waitFor(() => expect(bodyRows()).toHaveLength(4));

      await user.click(screen.getByRole('combobox', { name: 'Månad' }));
      await user.click(await screen.findByRole('option', { name: 'Januari 2026' }));
      await waitFor(() => expect(bodyRows()).toHaveLength(1));
      expect(listCalls().at(-1)).toMatchObject({ month: '2026-01' });
      expect(within(bodyRows()[0]!).getByText('Björn Åberg')).toBeInTheDocument();

      await user.click(screen.getByRole('combobox', { name: 'Månad' }));
      await user.click(await screen.findByRole('option', { name: 'Alla månader' }));
      await user.click(screen.getByRole('combobox', { name: 'Organisation' }));
      await user.click(await screen.findByRole('option', { name: 'Västra Götalandsregionen' }));
      await waitFor(() => expect(bodyRows()).toHaveLength(1));
      expect(listCalls().at(-1)).toMatchObject({ organisationHsaId: 'SE2321000131-VGR1' });
      expect(listCalls().at(-1)).not.toHaveProperty('month');
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps only the rows in view in the DOM and fetches further pages as the user scrolls', async () => {
    await t.seed(
      Array.from({ length: 230 }, (_, i) =>
        makeCard({
          cardNumber: `97522000000000${String(i).padStart(5, '0')}`,
          holderHsaId: `SE2321000016-H${i}`,
          holderName: `Korthållare ${i}`,
          issuedAt: new Date(Date.UTC(2026, 0, 1, 20) + i * 60_000).toISOString(),
          expiresAt: new Date(Date.UTC(2026, 0, 10, 20) + i * 60_000).toISOString(),
        }),
      ),
    );
    renderWithApp(<Harness />, t.api);
    await waitFor(() => expect(screen.getByText('230 kort')).toBeInTheDocument());
    await waitFor(() => expect(bodyRows().length).toBeGreaterThan(0));

    expect(bodyRows().length).toBeLessThan(40);
    expect(listCalls().map((q) => q.offset)).toEqual([0]);
    expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', '231');

    const scroller = screen.getByRole('table');
    act(() => {
      scroller.scrollTop = ROW_HEIGHT * 180;
      fireEvent.scroll(scroller);
    });
    await waitFor(() => expect(listCalls().map((q) => q.offset)).toContain(100));
    await waitFor(() => expect(screen.getByText('Korthållare 49')).toBeInTheDocument());
    expect(listCalls().every((q) => q.limit === 100)).toBe(true);
  });
});
