import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RegisterCardPage } from '../../../renderer/features/register-card/RegisterCardPage';
import { STORAGE_KEYS } from '../../../renderer/lib/storage';
import { makeCard, startTestBackend, type TestBackend } from '../support/backend';
import { renderWithApp } from '../support/render';

let t: TestBackend;
beforeEach(() => {
  t = startTestBackend();
});
afterEach(() => t.dispose());

const label = (text: string) => screen.getByLabelText(text, { selector: 'input, textarea' });

/** Selects all of a focused input's text and types over it, keyboard only. */
async function retype(user: ReturnType<typeof userEvent.setup>, text: string) {
  await user.keyboard('{Control>}a{/Control}{Backspace}');
  if (text) await user.keyboard(text);
}

async function renderForm() {
  renderWithApp(<RegisterCardPage />, t.api);
  // Organisations load on mount; wait so "new organisation" is decided on real data.
  await waitFor(() => expect(t.calls.some((c) => c.channel === 'organisations:list')).toBe(true));
}

describe('registration form', () => {
  it('is filled in with the keyboard alone, in natural tab order, and registers the card', async () => {
    const user = userEvent.setup({ delay: null });
    await renderForm();

    // No decision covers today (2026-11-28): the banner's link to Beslut comes first.
    await user.tab();
    expect(screen.getByRole('link', { name: 'Gå till Beslut' })).toHaveFocus();
    await user.tab();
    expect(label('Organisationens HSA-id')).toHaveFocus();
    await user.keyboard('SE2321000016-A1B2');
    await user.tab();
    expect(label('Organisationens namn')).toHaveFocus();
    await user.keyboard('Region Test');
    await user.tab();
    expect(screen.getByRole('radio', { name: 'Nivå 2' })).toHaveFocus();
    await user.tab();
    expect(label('Kortnummer')).toHaveFocus();
    await user.keyboard('9752 2000 0000 0000 042');
    await user.tab();
    expect(label('Korthållarens HSA-id')).toHaveFocus();
    await user.keyboard('SE2321000016-H042');
    await user.tab();
    expect(label('Korthållarens namn')).toHaveFocus();
    await user.keyboard('Björn Åberg');
    await user.tab();
    expect(screen.getByRole('radio', { name: 'Personnummer' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('radio', { name: 'Ja' })).toHaveFocus();
    await user.keyboard(' ');
    expect(screen.getByRole('radio', { name: 'Ja' })).toBeChecked();
    await user.tab();
    expect(label('Utfärdat')).toHaveFocus();
    await retype(user, '2026-02-11 19:40');
    await user.tab();
    expect(label('Giltigt till')).toHaveFocus();
    expect(label('Giltigt till')).toHaveValue('2026-02-25 19:40');
    await user.tab();
    expect(label('Anledning')).toHaveFocus();
    await user.keyboard('{ArrowDown}{Enter}');
    expect(label('Anledning')).toHaveValue('Glömt kort');
    await user.tab();
    expect(label('Beskrivning av anledning')).toHaveFocus();
    await user.tab();
    expect(label('Utfärdat av')).toHaveFocus();
    await user.keyboard('Kim Svensson{Enter}');

    expect(await screen.findByText('Kortet är registrerat')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Visa i registret' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^#\/register\/[0-9a-f-]{36}$/),
    );
    const { total, rows } = await t.listAll();
    expect(total).toBe(1);
    expect(rows[0]).toMatchObject({
      organisationHsaId: 'SE2321000016-A1B2',
      organisationName: 'Region Test',
      assuranceLevel: 2,
      cardNumber: '9752200000000000042',
      holderName: 'Björn Åberg',
      unplannedPersonnel: true,
      issuedAt: '2026-02-11T19:40:00+01:00',
      expiresAt: '2026-02-25T19:40:00+01:00',
      reasonCode: 'forgotten-card',
      issuedBy: ['Kim Svensson'],
    });
    // The form starts over but keeps the organisation and the administrator.
    expect(label('Organisationens HSA-id')).toHaveValue('SE2321000016-A1B2');
    expect(label('Utfärdat av')).toHaveValue('Kim Svensson');
    expect(label('Kortnummer')).toHaveValue('');
    expect(label('Kortnummer')).toHaveFocus();
    expect(window.localStorage.getItem(STORAGE_KEYS.firstAdministrator)).toBe('Kim Svensson');
  }, 60_000); // some forty keystrokes through the whole form: slow on a busy machine

  it('shows the back end’s check-digit message under the holder’s HSA-id and writes nothing', async () => {
    const user = userEvent.setup({ delay: null });
    await t.seed([makeCard()]);
    await renderForm();

    await user.type(label('Organisationens HSA-id'), 'SE2321000016-A1B2');
    await user.type(label('Kortnummer'), '9752200000000000099');
    await user.type(label('Korthållarens HSA-id'), 'SE2321000017-A1B2');
    await user.type(label('Korthållarens namn'), 'Cecilia Öhman');
    await user.click(screen.getByRole('radio', { name: 'Nej' }));
    await user.click(label('Anledning'));
    await user.click(await screen.findByRole('option', { name: 'Trasigt kort' }));
    await user.type(label('Utfärdat av'), 'Kim');
    await user.click(screen.getByRole('button', { name: 'Registrera kort' }));

    const holderHsaId = label('Korthållarens HSA-id');
    await waitFor(() => expect(holderHsaId).toHaveAccessibleDescription('HSA-id:t har fel kontrollsiffra.'));
    expect(holderHsaId).toHaveAttribute('aria-invalid', 'true');
    expect(holderHsaId).toHaveFocus();
    expect(screen.getByText('Kortet registrerades inte')).toBeInTheDocument();
    // Only the holder's field is wrong: the organisation's is the same id with a valid digit.
    expect(label('Organisationens HSA-id')).not.toHaveAttribute('aria-invalid', 'true');
    expect((await t.listAll()).total).toBe(1);
  });

  it('puts every missing field’s message under its own input, the administrators included', async () => {
    const user = userEvent.setup({ delay: null });
    await renderForm();
    await user.click(screen.getByRole('button', { name: 'Registrera kort' }));

    await waitFor(() => expect(label('Kortnummer')).toHaveAccessibleDescription('Måste fyllas i.'));
    expect(label('Organisationens HSA-id')).toHaveAccessibleDescription(/Måste fyllas i\./);
    expect(label('Korthållarens namn')).toHaveAccessibleDescription('Måste fyllas i.');
    expect(label('Anledning')).toHaveAccessibleDescription('Måste fyllas i.');
    expect(label('Utfärdat av')).toHaveAccessibleDescription(/Måste fyllas i\./);
    const unplanned = screen.getByRole('radiogroup', { name: 'Ej planerad personal' });
    expect(within(unplanned.parentElement!).getByText('Måste anges för tillitsnivå 2.')).toBeInTheDocument();
    expect((await t.listAll()).total).toBe(0);
  });

  it('pre-fills the expiry per level until the user types one', async () => {
    const user = userEvent.setup({ delay: null });
    await renderForm();
    const issued = label('Utfärdat');
    const expires = label('Giltigt till');

    // Level 2: 14 calendar days, wall-clock time kept across the DST change.
    await user.clear(issued);
    await user.type(issued, '2026-03-21 21:00');
    expect(expires).toHaveValue('2026-04-04 21:00');

    // Level 3: 30 calendar days.
    await user.click(screen.getByRole('radio', { name: 'Nivå 3' }));
    expect(expires).toHaveValue('2026-04-20 21:00');
    expect(screen.queryByRole('radiogroup', { name: 'Ej planerad personal' })).not.toBeInTheDocument();

    // Once typed, the expiry is the user's.
    await user.clear(expires);
    await user.type(expires, '2026-03-25 12:00');
    await user.clear(issued);
    await user.type(issued, '2026-03-22 21:00');
    expect(expires).toHaveValue('2026-03-25 12:00');
  });

  it('starts at now in Stockholm time (not the machine’s zone), to the minute', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-07-01T10:15:42Z'));
      await renderForm();
      expect(label('Utfärdat')).toHaveValue('2026-07-01 12:15');
      expect(label('Giltigt till')).toHaveValue('2026-07-15 12:15');
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a local time that does not exist, in Swedish, without calling the back end', async () => {
    const user = userEvent.setup({ delay: null });
    await renderForm();
    const issued = label('Utfärdat');
    await user.clear(issued);
    await user.type(issued, '2026-03-29 02:30');
    await user.click(screen.getByRole('button', { name: 'Registrera kort' }));

    // The error first, then the format, which stays tied to the filled field.
    await waitFor(() =>
      expect(label('Utfärdat')).toHaveAccessibleDescription(
        'Den tiden finns inte (sommartid börjar). Skrivs ÅÅÅÅ-MM-DD TT:MM (24 timmar, svensk tid).',
      ),
    );
    expect(t.calls.some((c) => c.channel === 'cards:register')).toBe(false);
    expect((await t.listAll()).total).toBe(0);
  });

  it('sends level 3 with unplannedPersonnel null and both administrators', async () => {
    const user = userEvent.setup({ delay: null });
    await t.seed([makeCard()]);
    await renderForm();

    await user.type(label('Organisationens HSA-id'), 'SE2321000016-A1B2');
    expect(screen.queryByLabelText('Organisationens namn')).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Nivå 3' }));
    await user.type(label('Kortnummer'), '9752200000000000777');
    await user.type(label('Korthållarens HSA-id'), 'SE2321000016-H777');
    await user.type(label('Korthållarens namn'), 'David Nilsson');
    await user.click(label('Anledning'));
    await user.click(await screen.findByRole('option', { name: 'Annat — fritext krävs' }));
    await user.type(label('Beskrivning av anledning'), 'Kortläsaren trasig');
    await user.type(label('Utfärdat av'), 'Kim');
    await user.type(label('Andra ID-administratör'), 'Maria');
    await user.click(screen.getByRole('button', { name: 'Registrera kort' }));

    expect(await screen.findByText('Kortet är registrerat')).toBeInTheDocument();
    const sent = t.calls.find((c) => c.channel === 'cards:register')?.input as Record<string, unknown>;
    expect(sent).toMatchObject({ assuranceLevel: 3, unplannedPersonnel: null, issuedBy: ['Kim', 'Maria'] });
    expect(sent).not.toHaveProperty('organisationName');
    expect(sent).not.toHaveProperty('note');
    expect(sent.issuedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+0[12]:00$/);
  });

  it('asks for a justification when the card breaks a rule, and saves it with the card', async () => {
    const user = userEvent.setup({ delay: null });
    await t.seed([makeCard()]);
    await renderForm();

    await user.type(label('Organisationens HSA-id'), 'SE2321000016-A1B2');
    await user.type(label('Kortnummer'), '9752200000000000555');
    await user.type(label('Korthållarens HSA-id'), 'SE2321000016-H555');
    await user.type(label('Korthållarens namn'), 'Eva Karlsson');
    await user.click(screen.getByRole('radio', { name: 'Ja' }));
    await user.clear(label('Utfärdat'));
    await user.type(label('Utfärdat'), '2026-02-11 10:00'); // a Wednesday, in office hours
    await user.click(label('Anledning'));
    await user.click(await screen.findByRole('option', { name: 'Glömt kort' }));
    await user.type(label('Utfärdat av'), 'Kim');

    // The live verdict names the breach before saving, and asks for a confirmation.
    expect(await screen.findByText(/en arbetsdag inom kontorstid/)).toBeInTheDocument();
    expect(screen.getByText('Kortet bryter mot en regel')).toBeInTheDocument();
    expect(label('Motivering')).toHaveAccessibleDescription(/Kortet sparas med motiveringen/);

    // Saving without the explicit confirmation is refused, and the checkbox says why.
    await user.click(screen.getByRole('button', { name: 'Registrera kort' }));
    expect(await screen.findByText('Bekräfta att kortet lämnas ut trots avvikelsen.')).toBeInTheDocument();
    const confirm = screen.getByRole('checkbox', {
      name: 'Jag bekräftar att kortet lämnas ut trots avvikelsen',
    });
    await waitFor(() => expect(confirm).toHaveFocus());
    expect(screen.queryByText('Kortet registrerades inte')).not.toBeInTheDocument();
    expect((await t.listAll()).total).toBe(1);
    await user.click(confirm);

    // Confirming without a justification is refused, now with the message under the field.
    await user.click(screen.getByRole('button', { name: 'Registrera kort' }));
    await waitFor(() =>
      expect(label('Motivering')).toHaveAccessibleDescription(/bekräfta och skriv en motivering/),
    );
    expect((await t.listAll()).total).toBe(1);

    await user.type(label('Motivering'), 'Akut behov på IVA, ordinarie rutin ej möjlig.');
    await user.click(screen.getByRole('button', { name: 'Registrera kort' }));
    expect(await screen.findByText('Kortet är registrerat')).toBeInTheDocument();
    // The next card starts unconfirmed, with an empty justification.
    await waitFor(() => expect(label('Kortnummer')).toHaveValue(''));
    // (Issued now: when no decision covers today it breaks a rule again and asks anew.)
    for (const box of screen.queryAllByRole('checkbox', { name: /Jag bekräftar/ }))
      expect(box).not.toBeChecked();
    const { rows } = await t.listAll();
    expect(rows.find((r) => r.cardNumber === '9752200000000000555')).toMatchObject({
      violationJustification: 'Akut behov på IVA, ordinarie rutin ej möjlig.',
    });
  });
});
