import { screen } from '@testing-library/react';
import { useTranslation } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CardListRow } from '../../shared/ipc/contract';
import { REGISTER_COLUMNS } from '../../renderer/features/register/register-columns';
import { makeCard, startTestBackend, type TestBackend } from './support/backend';
import { renderWithApp } from './support/render';

let t: TestBackend;
beforeEach(() => {
  t = startTestBackend();
});
afterEach(() => t.dispose());

// A fixed instant after the seeded card's expiry.
const NOW = Date.parse('2027-01-01T00:00:00Z');

function StatusCell({ card }: { card: CardListRow }) {
  const { t: translate } = useTranslation('ui');
  return <>{REGISTER_COLUMNS.find((c) => c.id === 'status')!.render(card, translate, NOW)}</>;
}

describe('register status column', () => {
  it('draws warnings amber with dark text and violations red with white, both readable', async () => {
    await t.seed([makeCard()]);
    const [row] = (await t.listAll()).rows as unknown as CardListRow[];
    const card: CardListRow = {
      ...row!,
      findings: [
        { code: 'l2-issued-in-office-hours', severity: 'violation' },
        { code: 'l2-valid-beyond-dispensation', severity: 'warning' },
      ],
    };
    const { container } = renderWithApp(<StatusCell card={card} />, t.api);
    const badge = (severity: string) => container.querySelector<HTMLElement>(`[data-finding="${severity}"]`)!;
    expect(screen.getAllByRole('img')).toHaveLength(2);
    const warning = badge('warning').style;
    expect(warning.getPropertyValue('--badge-bg')).toBe('var(--mantine-color-yellow-5)');
    expect(warning.getPropertyValue('--badge-color')).toBe('var(--mantine-color-black)');
    const violation = badge('violation').style;
    expect(violation.getPropertyValue('--badge-bg')).toBe('var(--mantine-color-red-filled)');
    expect(violation.getPropertyValue('--badge-color')).toBe('var(--mantine-color-white)');
  });
});
