import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RegisterCardPage } from '../../../renderer/features/register-card/RegisterCardPage';
import { CardDetails } from '../../../renderer/features/register/CardDetails';
import type { CardRecord } from '../../../shared/domain/card';
import { makeCard, startTestBackend, type TestBackend } from '../support/backend';
import { renderWithApp } from '../support/render';

let t: TestBackend;
beforeEach(() => {
  t = startTestBackend();
});
afterEach(() => t.dispose());

const label = (text: string) => screen.getByLabelText(text, { selector: 'input, textarea' });

// SPEC §3: the form's multi-line boxes for the reason text and the note save their line breaks.
describe('line breaks in the registration form', () => {
  it('saves the reason text and the note with their line breaks', async () => {
    const user = userEvent.setup({ delay: null });
    await t.seed([makeCard()]);
    renderWithApp(<RegisterCardPage />, t.api);
    await waitFor(() => expect(t.calls.some((c) => c.channel === 'organisations:list')).toBe(true));

    await user.type(label('Organisationens HSA-id'), 'SE2321000016-A1B2');
    await user.click(screen.getByRole('radio', { name: 'Nivå 3' }));
    await user.type(label('Kortnummer'), '9752200000000000888');
    await user.type(label('Korthållarens HSA-id'), 'SE2321000016-H888');
    await user.type(label('Korthållarens namn'), 'Sara Ek');
    await user.click(label('Anledning'));
    await user.click(await screen.findByRole('option', { name: 'Annat — fritext krävs' }));
    await user.type(label('Beskrivning av anledning'), 'Kortläsaren trasig{Enter}Ny beställd');
    await user.type(label('Utfärdat av'), 'Kim');
    await user.type(label('Andra ID-administratör'), 'Maria');
    await user.type(label('Anteckning'), 'Rad ett{Enter}{Enter}Rad tre');
    await user.click(screen.getByRole('button', { name: 'Registrera kort' }));

    expect(await screen.findByText('Kortet är registrerat')).toBeInTheDocument();
    const { rows } = await t.listAll();
    expect(rows.find((r) => r.cardNumber === '9752200000000000888')).toMatchObject({
      reasonText: 'Kortläsaren trasig\nNy beställd',
      note: 'Rad ett\n\nRad tre',
    });
  });
});

describe('line breaks in the card details', () => {
  it('shows the reason text and the note as lines', async () => {
    await t.seed([makeCard({ reasonCode: 'other', reasonText: 'Rad ett\nRad två', note: 'A\nB' })]);
    const { rows } = await t.listAll();
    renderWithApp(<CardDetails card={rows[0] as unknown as CardRecord} findings={[]} />, t.api);
    for (const text of ['Rad ett\nRad två', 'A\nB']) {
      const shown = screen.getByText(
        (_, element) => element?.textContent === text && element.tagName === 'SPAN',
      );
      expect(shown).toHaveStyle({ whiteSpace: 'pre-line' });
    }
  });
});
