import Database from 'better-sqlite3';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { RegisterCardPage } from '../../../renderer/features/register-card/RegisterCardPage';
import { makeCard, startTestBackend, type TestBackend } from '../support/backend';
import { renderWithApp } from '../support/render';

// Issue 13 item 5: while another process holds the register's write lock for longer than
// the wait, the form says the register is busy — and the card stays in the form.

let t: TestBackend;
beforeEach(() => {
  t = startTestBackend({ busyTimeoutMs: 150 });
});
afterEach(() => t.dispose());

const label = (text: string) => screen.getByLabelText(text, { selector: 'input, textarea' });

/** Puts text into a field in one input event: this test is about the register, not typing. */
async function fill(user: ReturnType<typeof userEvent.setup>, field: string, text: string) {
  await user.click(label(field));
  await user.keyboard('{Control>}a{/Control}{Backspace}');
  await user.paste(text);
}

it('shows "registret är upptaget" and keeps every field when the register is busy', async () => {
  const user = userEvent.setup({ delay: null });
  await t.seed([makeCard()]);
  renderWithApp(<RegisterCardPage />, t.api);
  await waitFor(() => expect(t.calls.some((c) => c.channel === 'organisations:list')).toBe(true));

  await fill(user, 'Organisationens HSA-id', 'SE2321000016-A1B2');
  await fill(user, 'Kortnummer', '9752200000000000099');
  await fill(user, 'Korthållarens HSA-id', 'SE2321000016-H042');
  await fill(user, 'Korthållarens namn', 'Cecilia Öhman');
  await user.click(screen.getByRole('radio', { name: 'Ja' }));
  // Inside the decision, after office hours: a card without violations.
  await fill(user, 'Utfärdat', '2026-02-11 19:40');
  await user.click(label('Anledning'));
  await user.click(await screen.findByRole('option', { name: 'Trasigt kort' }));
  await fill(user, 'Utfärdat av', 'Kim');

  // Another process (a CLI import) writes: it holds the lock for as long as it likes.
  const other = new Database(t.backend.db.name);
  other.exec('BEGIN IMMEDIATE');
  try {
    await user.click(screen.getByRole('button', { name: 'Registrera kort' }));
    expect(await screen.findByText(/Registret är upptaget/, {}, { timeout: 10_000 })).toBeInTheDocument();
  } finally {
    other.exec('ROLLBACK');
    other.close();
  }
  expect(label('Kortnummer')).toHaveValue('9752200000000000099');
  expect(label('Korthållarens namn')).toHaveValue('Cecilia Öhman');
  expect(label('Utfärdat av')).toHaveValue('Kim');
  expect((await t.listAll()).total).toBe(1);

  // The other writer is done: the same card, untouched, goes in with one more click.
  await user.click(screen.getByRole('button', { name: 'Registrera kort' }));
  expect(await screen.findByText('Kortet är registrerat', {}, { timeout: 10_000 })).toBeInTheDocument();
  expect((await t.listAll()).total).toBe(2);
}, 60_000);
