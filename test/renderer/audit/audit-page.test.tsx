import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditPage } from '../../../renderer/features/audit/AuditPage';
import { makeCard, startTestBackend, type TestBackend } from '../support/backend';
import { renderWithApp } from '../support/render';

let t: TestBackend;
beforeEach(() => {
  t = startTestBackend();
});
afterEach(() => t.dispose());

describe('Händelser', () => {
  it('names what each entry is about: the card by number and holder, the organisation by name, ids on hover', async () => {
    await t.seed([makeCard({ holderName: 'Anna Lindqvist' })]);
    const renamed = await t.backend.router.invoke(
      'organisations:rename',
      { hsaId: 'SE2321000016-A1B2', name: 'Region Exempel, kortdisken' },
      { trustedSender: true },
    );
    expect(renamed.ok).toBe(true);
    const cardId = (await t.listAll()).rows[0]!.id as string;

    renderWithApp(<AuditPage />, t.api);
    const table = await screen.findByRole('table', { name: 'Händelser' });
    const card = await within(table).findByRole('link', { name: /9752 2000 0000 0000 001/ });
    expect(card).toHaveTextContent('Anna Lindqvist');
    expect(card).toHaveAttribute('href', `#/register/${cardId}`);
    expect(card).toHaveAttribute('title', `Kortets id: ${cardId}`);
    // No bare UUID is shown as the subject.
    expect(within(table).queryByText(cardId)).not.toBeInTheDocument();

    // Its creation and its rename are about it; the rename's detail also names it, without
    // the id.
    const subjects = within(table)
      .getAllByText('Region Exempel, kortdisken')
      .filter((element) => element.hasAttribute('title'));
    expect(subjects).toHaveLength(2);
    for (const subject of subjects) expect(subject).toHaveAttribute('title', 'SE2321000016-A1B2');
  });
});
