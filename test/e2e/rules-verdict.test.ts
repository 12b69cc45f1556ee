import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await h.screenshot(`failure-${ctx.task.name.replace(/\W+/g, '-')}`);
});
afterAll(async () => {
  await h?.close();
});

const field = (label: string) => h.page.getByLabel(label, { exact: true });
const verdict = () => h.page.getByRole('region', { name: 'Bedömning' });
const officeHours = () => verdict().locator('[data-code="l2-issued-in-office-hours"]');
const twoWeeks = () => verdict().locator('[data-code="l2-validity-over-two-weeks"]');

/** A level-2 card for a non-planned holder, by the form's Swedish labels; times set by the test. */
async function fillLevel2Card(cardNumber: string) {
  const { page } = h;
  await field('Organisationens HSA-id').fill('SE2321000016-A1B2');
  const known = page.getByRole('option', { name: /Region Exempel/ });
  const nameField = field('Organisationens namn');
  await known.or(nameField).first().waitFor();
  if (await known.isVisible()) await known.click();
  else await nameField.fill('Region Exempel');
  await field('Kortnummer').fill(cardNumber);
  await field('Korthållarens HSA-id').fill('SE2321000016-AB12');
  await field('Korthållarens namn').fill('Märta Öberg');
  await page.getByRole('radio', { name: 'Ja' }).check({ force: true });
  await page.getByRole('combobox', { name: 'Anledning' }).click();
  await page.getByRole('option', { name: 'Glömt kort' }).click();
  await field('Utfärdat av').fill('Kim Svensson');
}

describe('live verdict while a card is registered', () => {
  it('shows the office-hours violation before saving, clears it, and fixes a too-long validity', async () => {
    const { page } = h;
    await page.goto(`${h.url}/#/registrera`);
    await page.getByRole('heading', { name: 'Registrera reservkort' }).waitFor();
    // Today (after 2026-06-30) no decision applies: the form says so.
    await page.getByText(/Inget dispensbeslut gäller i dag: reservkort på tillitsnivå 2/).waitFor();
    await fillLevel2Card('9752 2000 0000 0000 101');

    // Tuesday 2026-02-10, covered by the default decision.
    await field('Utfärdat').fill('2026-02-10 10:00');
    await field('Giltigt till').fill('2026-02-17 10:00');
    await officeHours().waitFor();
    expect(await officeHours().textContent()).toContain('inom kontorstid (08:00–17:00)');
    expect(h.count('cards')).toBe(0);
    await h.screenshot('verdict-office-hours');

    await field('Utfärdat').fill('2026-02-10 18:00');
    await officeHours().waitFor({ state: 'detached' });
    await verdict().getByText('Inga avvikelser').waitFor();

    // Three weeks: over the two-week cap; the fix sets a valid expiry.
    await field('Giltigt till').fill('2026-03-03 18:00');
    await twoWeeks().waitFor();
    await h.screenshot('verdict-two-weeks');
    await twoWeeks().getByRole('button', { name: 'Sätt giltig till 2026-02-24 18:00' }).click();
    await expect.poll(() => field('Giltigt till').inputValue()).toBe('2026-02-24 18:00');
    await twoWeeks().waitFor({ state: 'detached' });
    await verdict().getByText('Inga avvikelser').waitFor();
  });

  it('saves a card with a violation only after confirmation and justification, then badges and filters it', async () => {
    const { page } = h;
    await page.goto(`${h.url}/#/registrera`);
    await page.getByRole('heading', { name: 'Registrera reservkort' }).waitFor();
    await fillLevel2Card('9752 2000 0000 0000 202');
    await field('Utfärdat').fill('2026-02-10 10:00');
    await field('Giltigt till').fill('2026-02-17 10:00');
    await officeHours().waitFor();

    const confirm = page.getByRole('checkbox', {
      name: 'Jag bekräftar att kortet lämnas ut trots avvikelsen',
    });
    await confirm.waitFor();
    await page.getByRole('button', { name: 'Registrera kort' }).click();
    await page.getByText('Bekräfta att kortet lämnas ut trots avvikelsen.').waitFor();
    expect(h.count('cards')).toBe(0);

    await confirm.check();
    await page.getByRole('button', { name: 'Registrera kort' }).click();
    await page.getByText('Kortet bryter mot en regel: bekräfta och skriv en motivering.').waitFor();
    expect(h.count('cards')).toBe(0);

    await field('Motivering').fill('Akut behov på akutmottagningen, ingen annan lösning.');
    await h.screenshot('verdict-confirmation');
    await page.getByRole('button', { name: 'Registrera kort' }).click();
    await page.getByText('Kortet är registrerat').waitFor();
    expect(h.count('cards')).toBe(1);

    await page.goto(`${h.url}/#/register`);
    const row = page.getByRole('row', { name: /9752 2000 0000 0000 202/ });
    await row.waitFor();
    await row.locator('[data-finding="violation"]').waitFor();
    await page.getByText(/Inget dispensbeslut gäller i dag/).waitFor();

    await page.getByRole('combobox', { name: 'Avvikelser' }).click();
    await page.getByRole('option', { name: 'Med avvikelser', exact: true }).click();
    await row.waitFor();
    await expect.poll(() => page.getByText('1 kort', { exact: true }).count()).toBe(1);
    await h.screenshot('register-violation-filter');
  });
});
