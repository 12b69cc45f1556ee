import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { RegisterCardPage } from '../../../renderer/features/register-card/RegisterCardPage';
import { makeCard, startTestBackend, type TestBackend } from '../support/backend';
import { renderWithApp } from '../support/render';

// SPEC §3: an organisation's HSA-id typed in lower case is the organisation the register
// knows, so the form does not ask for a new organisation's name.

let t: TestBackend;
beforeEach(() => {
  t = startTestBackend();
});
afterEach(() => t.dispose());

it('knows an organisation whose HSA-id is typed in lower case', async () => {
  const user = userEvent.setup({ delay: null });
  await t.seed([makeCard()]);
  renderWithApp(<RegisterCardPage />, t.api);
  await waitFor(() => expect(t.calls.some((c) => c.channel === 'organisations:list')).toBe(true));
  const field = screen.getByLabelText('Organisationens HSA-id', { selector: 'input' });
  await user.type(field, 'se2321000016-b9c9');
  expect(await screen.findByLabelText('Organisationens namn', { selector: 'input' })).toBeInTheDocument();
  await user.clear(field);
  await user.type(field, 'se2321000016-a1b2');
  await waitFor(() =>
    expect(screen.queryByLabelText('Organisationens namn', { selector: 'input' })).not.toBeInTheDocument(),
  );
});
