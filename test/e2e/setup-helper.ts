import type { Page } from 'playwright-core';

/**
 * Fills and saves the first-run setup (region/desk name, desk user, office hours) if the
 * app shows it, so tests on a fresh database reach the page underneath. Waits briefly for
 * the setup to appear, since `setup:status` is asked after the first render.
 */
export async function completeSetupIfShown(page: Page, waitMs = 3_000): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Välkommen till Kortliggaren' });
  try {
    await dialog.waitFor({ state: 'visible', timeout: waitMs });
  } catch {
    return;
  }
  await dialog.getByLabel('Region eller kortdisk', { exact: true }).fill('Testregionen');
  await dialog.getByLabel('Ditt namn', { exact: true }).fill('Testa Testsson');
  await dialog.getByRole('button', { name: 'Spara och börja' }).click();
  await dialog.waitFor({ state: 'hidden' });
}
