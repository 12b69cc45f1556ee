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

/** Fills the registration form by its Swedish labels, as a desk worker would. */
async function fillValidLevel3Card(cardNumber: string, holderName: string) {
  const { page } = h;
  const org = page.getByLabel('Organisationens HSA-id', { exact: true });
  await org.fill('SE2321000016-A1B2');
  // A known organisation is offered in the list; a new one asks for its name.
  const known = page.getByRole('option', { name: /Region Exempel/ });
  const nameField = page.getByLabel('Organisationens namn', { exact: true });
  await known.or(nameField).first().waitFor();
  if (await known.isVisible()) await known.click();
  else await nameField.fill('Region Exempel');
  await page
    .getByRole('radio', { name: 'Nivå 3' })
    .check({ force: true })
    .catch(async () => {
      await page.getByText('Nivå 3', { exact: true }).click();
    });
  await page.getByLabel('Kortnummer', { exact: true }).fill(cardNumber);
  await page.getByLabel('Korthållarens HSA-id', { exact: true }).fill('SE2321000016-AB12');
  await page.getByLabel('Korthållarens namn', { exact: true }).fill(holderName);
  await page.getByLabel('Utfärdat', { exact: true }).fill('2026-02-11 19:40');
  await page.getByLabel('Giltigt till', { exact: true }).fill('2026-02-25 19:40');
  await page.getByRole('combobox', { name: 'Anledning' }).click();
  await page.getByRole('option', { name: 'Glömt kort' }).click();
  await page.getByLabel('Utfärdat av', { exact: true }).fill('Kim Svensson');
  await page.getByLabel('Andra ID-administratör', { exact: true }).fill('Lena Holm');
}

describe('registering a card in the browser', () => {
  it('registers a valid card, shows it in the register, and keeps it after a reload', async () => {
    const { page } = h;
    await page.goto(`${h.url}/#/registrera`);
    await expect.poll(() => page.getByRole('heading', { name: 'Registrera reservkort' }).count()).toBe(1);
    await fillValidLevel3Card('9752 2100 0000 0000 001', 'Örjan Åberg');
    await page.getByRole('button', { name: 'Registrera kort' }).click();
    await page.getByText('Kortet är registrerat').waitFor();
    expect(h.count('cards')).toBe(1);
    await h.screenshot('register-card-success');

    await page.goto(`${h.url}/#/register`);
    const row = page.getByRole('row', { name: /9752 2100 0000 0000 001/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Örjan Åberg');
    await page.reload();
    await page.getByRole('row', { name: /9752 2100 0000 0000 001/ }).waitFor();
    await h.screenshot('register-after-reload');
  });

  it('refuses an invalid card with Swedish messages at the fields and writes nothing', async () => {
    const { page } = h;
    const before = h.count('cards');
    const auditBefore = h.count('audit_log');
    await page.goto(`${h.url}/#/registrera`);
    await fillValidLevel3Card('9752 2100 0000 0000 002', 'Bo Ek');
    await page.getByLabel('Korthållarens HSA-id', { exact: true }).fill('SE2321000017-A1B2');
    await page.getByLabel('Giltigt till', { exact: true }).fill('2026-02-10 19:40');
    await page.getByRole('button', { name: 'Registrera kort' }).click();

    const holderId = page.getByLabel('Korthållarens HSA-id', { exact: true });
    await expect.poll(() => holderId.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await holderId.getAttribute('aria-describedby')) ?? '';
    const holderError = await page
      .locator(
        describedBy
          .split(' ')
          .map((id) => `#${id}`)
          .join(', '),
      )
      .allTextContents();
    expect(holderError.join(' ')).toContain('HSA-id:t har fel kontrollsiffra.');
    await page.getByText('Måste vara efter utfärdandet.').waitFor();
    await h.screenshot('register-card-invalid');
    expect(h.count('cards')).toBe(before);
    expect(h.count('audit_log')).toBe(auditBefore);
  });
});
