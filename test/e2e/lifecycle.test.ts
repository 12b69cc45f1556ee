import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, runAxe, settle } from './a11y-support';
import { startHarness, type Harness } from './harness';
import { completeSetup, level3Card, registerCard } from './seed';

const HOUR = 3_600_000;
let h: Harness;
const ids: Record<string, string> = {};
beforeAll(async () => {
  h = await startHarness();
  await completeSetup(h);
  const now = Date.now();
  // Two cards expire within 48 h, one expired two days ago and was never returned.
  ids.soon = await registerCard(
    h,
    level3Card('9752200000000000201', 'H201', now - 10 * 24 * HOUR, now + 20 * HOUR),
  );
  ids.later = await registerCard(
    h,
    level3Card('9752200000000000202', 'H202', now - 5 * 24 * HOUR, now + 30 * HOUR),
  );
  ids.overdue = await registerCard(
    h,
    level3Card('9752200000000000203', 'H203', now - 20 * 24 * HOUR, now - 2 * 24 * HOUR),
  );
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await h.screenshot(`failure-${ctx.task.name.replace(/\W+/g, '-')}`);
});
afterAll(async () => {
  await h?.close();
});

async function expectAccessible(where: string): Promise<void> {
  await settle(h.page);
  const violations = await runAxe(h.page);
  expect(violations, describeViolations(where, violations)).toEqual([]);
}

const count = (key: 'expiring' | 'overdue') => h.page.getByTestId(`count-${key}`).textContent();
const badge = () => h.page.getByTestId('review-nav-badge').textContent();

describe('card lifecycle and the review page in the browser', () => {
  it('extends, returns and voids cards, and the review counts follow', async () => {
    const { page } = h;
    await page.goto(`${h.url}/#/folj-upp`);
    await page.getByRole('heading', { name: 'Att följa upp', level: 1 }).waitFor();
    await expect.poll(() => count('expiring')).toBe('2');
    await expect.poll(() => count('overdue')).toBe('1');
    await expect.poll(() => badge()).toBe('3');
    await h.screenshot('review-before');

    // Extend: the new registration runs for the card's own length, out of the 48-h window.
    await page.getByRole('button', { name: 'Förläng 9752200000000000201' }).click();
    const extend = page.getByRole('dialog', { name: /Förläng kortet/ });
    await extend.getByLabel('Ny giltighet till', { exact: true }).waitFor();
    await h.screenshot('review-extend-modal');
    await expectAccessible('the extend dialog');
    await extend.getByRole('button', { name: 'Förläng', exact: true }).click();
    await page.getByText(/Kort 9752200000000000201 är förlängt till/).waitFor();
    await expect.poll(() => count('expiring')).toBe('1');

    // Return the overdue card with one click.
    await page.getByRole('button', { name: 'Markera 9752200000000000203 som återlämnat' }).click();
    await page.getByText('Kort 9752200000000000203 är markerat som återlämnat.').waitFor();
    await expect.poll(() => count('overdue')).toBe('0');
    await expect.poll(() => badge()).toBe('1');

    // Void the other card from its drawer in the register.
    await page.goto(`${h.url}/#/register/${encodeURIComponent(ids.later!)}`);
    const drawer = page.getByRole('dialog', { name: 'Kort 9752 2000 0000 0000 202' });
    await drawer.getByRole('button', { name: 'Makulera' }).click();
    const voiding = page.getByRole('dialog', { name: 'Makulera registreringen' });
    await voiding.getByLabel('Varför makuleras registreringen?').waitFor();
    await expectAccessible('the void dialog');
    await voiding.getByLabel('Varför makuleras registreringen?').fill('Registrerad på fel korthållare');
    await voiding.getByLabel('Jag förstår att makuleringen inte kan ångras').check();
    await voiding.getByRole('button', { name: 'Makulera', exact: true }).click();
    await drawer.getByText('Makulerad: Registrerad på fel korthållare').waitFor();
    await drawer.getByRole('cell', { name: 'Makulerat' }).waitFor();
    await h.screenshot('drawer-voided');
    await expect.poll(() => page.getByTestId('review-nav-badge').count()).toBe(0);

    await page.goto(`${h.url}/#/folj-upp`);
    await expect.poll(() => count('expiring')).toBe('0');
    await expect.poll(() => count('overdue')).toBe('0');
    await h.screenshot('review-after');
  });
});
