import { screen } from '@testing-library/react';
import { useTranslation } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CardListRow } from '../../../shared/ipc/contract';
import { REGISTER_COLUMNS, registerLayout } from '../../../renderer/features/register/register-columns';
import { formatCardNumber } from '../../../renderer/lib/card-number';
import { makeCard, startTestBackend, type TestBackend } from '../support/backend';
import { renderWithApp } from '../support/render';

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

describe('register layout by the table’s width', () => {
  const ids = (width: number) => registerLayout(width).columns.map((c) => c.id);

  it('keeps status first and the identifying columns at every width', () => {
    for (const width of [400, 782, 1038, 1400, 1800]) {
      expect(ids(width)[0]).toBe('status');
      expect(ids(width)).toEqual(expect.arrayContaining(['cardNumber', 'holderName', 'holderHsaId']));
      expect(ids(width)).toEqual(expect.arrayContaining(['issuedAt', 'expiresAt', 'level']));
    }
  });

  it('lets the reason give way first, then the organisation, and fits 1024 and 1280 px windows', () => {
    // The table's width in a 1280 and a 1024 px window (menu 200 px, padding, border).
    expect(ids(1038)).toHaveLength(REGISTER_COLUMNS.length);
    expect(registerLayout(1038).minWidth).toBeLessThanOrEqual(1038);
    expect(ids(950)).not.toContain('reason');
    expect(ids(950)).toContain('organisation');
    expect(ids(782)).not.toContain('organisation');
    expect(registerLayout(782).minWidth).toBeLessThanOrEqual(782);
    expect(registerLayout(1800).density).toBe('roomy');
    expect(registerLayout(1038).density).toBe('compact');
  });

  it('shows card numbers whole, in groups of four', () => {
    expect(formatCardNumber('9752269809000000011')).toBe('9752 2698 0900 0000 011');
    expect(formatCardNumber('97522698090000000112')).toBe('9752 2698 0900 0000 0112');
    expect(formatCardNumber('1234567890')).toBe('1234 5678 90');
  });
});
