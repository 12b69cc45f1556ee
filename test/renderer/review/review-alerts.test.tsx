import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '../../../shared/ipc/api';
import { ReviewNavBadge } from '../../../renderer/features/review/ReviewNavBadge';
import { useExpiryNotification } from '../../../renderer/features/review/use-expiry-notification';
import { makeCard, startTestBackend, type TestBackend } from '../support/backend';
import { renderWithApp } from '../support/render';

let t: TestBackend;
beforeEach(() => {
  t = startTestBackend();
});
afterEach(() => {
  t.dispose();
  vi.unstubAllGlobals();
});

const HOUR = 3_600_000;

/** A stand-in for the browser's Notification API that records what the app shows. */
function stubNotifications(permission: NotificationPermission, answer: NotificationPermission = permission) {
  const shown: { title: string; body?: string; notification: { onclick: (() => void) | null } }[] = [];
  class FakeNotification {
    static permission = permission;
    static requestPermission = vi.fn(() => Promise.resolve(answer));
    onclick: (() => void) | null = null;
    constructor(title: string, options?: NotificationOptions) {
      shown.push({ title, body: options?.body, notification: this });
    }
  }
  vi.stubGlobal('Notification', FakeNotification);
  return { shown, requestPermission: FakeNotification.requestPermission };
}

function Probe({ onClick }: { onClick: () => void }) {
  useExpiryNotification(onClick);
  return null;
}

// Level-3 cards (no level-2 rules in the way): two expire within a day, one in three days.
// The hook asks for one entry per list; the count must come from the total.
async function seedExpiring() {
  const now = Date.now();
  const card = (n: number, hours: number) =>
    makeCard({
      cardNumber: `975220000000000070${n}`,
      holderHsaId: `SE2321000016-N${n}`,
      assuranceLevel: 3,
      unplannedPersonnel: null,
      issuedBy: ['Kim Svensson', 'Maria Lund'],
      issuedAt: new Date(now - 5 * 24 * HOUR).toISOString(),
      expiresAt: new Date(now + hours * HOUR).toISOString(),
    });
  await t.seed([card(1, 6), card(2, 20), card(3, 72)]);
}

describe('the expiry notification at start', () => {
  it('tells how many cards expire within a day and opens the review list on a click', async () => {
    await seedExpiring();
    const { shown } = stubNotifications('granted');
    const onClick = vi.fn();
    renderWithApp(<Probe onClick={onClick} />, t.api);

    await waitFor(() => expect(shown).toHaveLength(1));
    expect(shown[0]!.title).toBe('2 reservkort går ut inom ett dygn');
    expect(shown[0]!.body).toBe('Se Att följa upp i Kortliggaren.');
    shown[0]!.notification.onclick?.();
    expect(onClick).toHaveBeenCalledOnce();
  });

  it('asks for permission once and stays silent when it is refused', async () => {
    await seedExpiring();
    const { shown, requestPermission } = stubNotifications('default', 'denied');
    renderWithApp(<Probe onClick={() => {}} />, t.api);

    await waitFor(() => expect(requestPermission).toHaveBeenCalledOnce());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(shown).toEqual([]);
  });

  it('shows nothing when no card expires within a day', async () => {
    const { shown } = stubNotifications('granted');
    renderWithApp(<Probe onClick={() => {}} />, t.api);
    await waitFor(() => expect(t.calls.some((c) => c.channel === 'review:lists')).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(shown).toEqual([]);
  });
});

describe('the follow-up badge in the menu', () => {
  // Only the answer's totals matter here; a stand-in back end gives a register of that size.
  const apiWith = (overdueTotal: number) =>
    createApi((channel) =>
      Promise.resolve(
        channel === 'review:lists'
          ? { ok: true, value: { expiringSoon: [], overdue: [], expiringSoonTotal: 2, overdueTotal } }
          : { ok: false, error: { code: 'internal', message: 'not used' } },
      ),
    );

  it('shows the count, and 999+ for more, with the exact number in its label', async () => {
    const many = renderWithApp(<ReviewNavBadge />, apiWith(72_457));
    const badge = await screen.findByTestId('review-nav-badge');
    expect(badge).toHaveTextContent('999+');
    expect(badge.getAttribute('aria-label')?.replace(/\s/g, ' ')).toBe('72 459 kort att följa upp');
    many.unmount();

    renderWithApp(<ReviewNavBadge />, apiWith(5));
    expect(await screen.findByTestId('review-nav-badge')).toHaveTextContent(/^7$/);
  });
});
