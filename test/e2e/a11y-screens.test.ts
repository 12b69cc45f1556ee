import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { seedRegister } from './a11y-seed';
import { settle } from './a11y-support';
import { startHarness, type Harness } from './harness';

// The register, the drawer and the form with a verdict at 1024×768, 1280×800 and 200 %
// zoom (a 1280×800 window: 640×400 CSS pixels at two device pixels each). Each size is
// checked for what issue 16 found cut off, and photographed for a person to look at:
// A11Y_SHOTS_DIR names the folder (default test-results/a11y).

const SHOTS = process.env.A11Y_SHOTS_DIR ?? resolve(import.meta.dirname, '../../test-results/a11y');
mkdirSync(SHOTS, { recursive: true });

const SIZES = [
  { name: '1024x768', width: 1024, height: 768, scale: 1 },
  { name: '1280x800', width: 1280, height: 800, scale: 1 },
  { name: 'zoom200', width: 640, height: 400, scale: 2 },
] as const;

const harnesses: Harness[] = [];
afterAll(async () => {
  for (const h of harnesses) await h.close();
});

async function shoot(page: Page, name: string): Promise<void> {
  await settle(page);
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

interface RowCheck {
  statusVisible: boolean;
  statusWhole: boolean;
  cardNumber: string;
  cardNumberWhole: boolean;
  hsaIdWhole: boolean;
}

/** For each body row on screen: is the status in view and whole, are the identifiers whole? */
function checkRows(page: Page): Promise<RowCheck[]> {
  return page.evaluate(() => {
    const table = document.querySelector<HTMLElement>('[role="table"]')!;
    const view = table.getBoundingClientRect();
    const header = [...table.querySelectorAll('[role="columnheader"]')].map((c) => c.textContent ?? '');
    const column = (label: string) => header.findIndex((text) => text.startsWith(label));
    const whole = (element: Element | undefined | null) =>
      !!element &&
      element.scrollWidth <= element.clientWidth + 1 &&
      element.scrollHeight <= element.clientHeight + 1;
    return [...table.querySelectorAll<HTMLElement>('[role="row"][data-card-id]')]
      .filter((row) => {
        const box = row.getBoundingClientRect();
        return box.top >= view.top && box.bottom <= view.bottom;
      })
      .map((row) => {
        const cells = row.querySelectorAll<HTMLElement>('[role="cell"]');
        const status = cells[column('Status')];
        const statusBox = status?.getBoundingClientRect();
        const badge = status?.querySelector('.mantine-Badge-label');
        const cardNumber = cells[column('Kortnummer')];
        return {
          statusVisible: !!statusBox && statusBox.left >= view.left - 1 && statusBox.right <= view.right + 1,
          statusWhole: whole(badge),
          cardNumber: cardNumber?.textContent ?? '',
          cardNumberWhole: whole(cardNumber),
          hsaIdWhole: whole(cells[column('Korthållarens HSA-id')]),
        };
      });
  });
}

describe.each(SIZES)('at $name', (size) => {
  let h: Harness;

  it('the register: status and findings in view, card numbers and HSA-ids whole, the banner unclipped', async () => {
    h = await startHarness(
      {},
      { viewport: { width: size.width, height: size.height }, deviceScaleFactor: size.scale },
    );
    harnesses.push(h);
    await seedRegister(h);
    const { page } = h;
    await page.goto(`${h.url}/#/register`);
    await page.getByRole('heading', { level: 1, name: 'Register' }).waitFor();
    await page.getByRole('row', { name: /9752 2698 0900 0000 029/ }).waitFor();
    await shoot(page, `register-${size.name}`);

    const rows = await checkRows(page);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row, JSON.stringify(row)).toMatchObject({
        statusVisible: true,
        statusWhole: true,
        cardNumberWhole: true,
        hsaIdWhole: true,
      });
      expect(row.cardNumber).toMatch(/^\d{4}( \d{4})* \d{1,4}$/);
    }

    // The no-decision banner wraps: every line and its link are on screen.
    const banner = page.getByTestId('no-decision-banner');
    const message = banner.locator('.mantine-Alert-message');
    expect(await message.evaluate((e) => e.scrollHeight <= e.clientHeight + 1)).toBe(true);
    const link = await banner.getByRole('link', { name: 'Gå till Beslut' }).boundingBox();
    const area = await message.boundingBox();
    expect(link && area).toBeTruthy();
    expect(link!.x).toBeGreaterThanOrEqual(area!.x - 1);
    expect(link!.x + link!.width).toBeLessThanOrEqual(Math.min(area!.x + area!.width, size.width) + 1);
    expect(link!.y + link!.height).toBeLessThanOrEqual(area!.y + area!.height + 1);

    // The table itself (at 200 % the page scrolls to it), its end with the long names, and
    // scrolled sideways with a focused row: status and the focus bar stay at the left.
    const table = page.getByRole('table');
    await table.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await shoot(page, `register-${size.name}-table`);
    await table.evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
    await shoot(page, `register-${size.name}-end`);
    await page.getByRole('row', { name: /9752 2698 0900 0000 011/ }).focus();
    await table.evaluate((element) => {
      element.scrollLeft = element.scrollWidth;
    });
    await shoot(page, `register-${size.name}-sideways`);
    await table.evaluate((element) => {
      element.scrollLeft = 0;
      element.scrollTop = 0;
    });
  });

  it('the open drawer', async () => {
    const { page } = h;
    await page.getByRole('row', { name: /9752 2698 0900 0000 011/ }).click();
    const drawer = page.getByRole('dialog', { name: 'Kort 9752 2698 0900 0000 011' });
    await drawer.waitFor();
    await drawer.getByText('SE5565594230-ABCDEFGHIJKLMNOPQR', { exact: true }).waitFor();
    await shoot(page, `drawer-${size.name}`);
    const title = await drawer.getByRole('heading', { name: 'Kort 9752 2698 0900 0000 011' }).boundingBox();
    expect(title && title.x >= 0 && title.x + title.width <= size.width).toBe(true);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('the form with a verdict', async () => {
    const { page } = h;
    await page.goto(`${h.url}/#/registrera`);
    await page.getByRole('heading', { level: 1, name: 'Registrera reservkort' }).waitFor();
    const field = (label: string) => page.getByLabel(label, { exact: true });
    await field('Organisationens HSA-id').fill('SE2321000016-A1B2');
    await field('Organisationens namn').fill('Region Exempel');
    await field('Kortnummer').fill('9752 2000 0000 0000 901');
    await field('Korthållarens HSA-id').fill('SE5565594230-ABCDEFGHIJKLMNOPQR');
    await field('Korthållarens namn').fill('Märta Öberg');
    await page.getByRole('radio', { name: 'Ja' }).check({ force: true });
    await field('Utfärdat').fill('2026-02-10 10:00');
    await field('Giltigt till').fill('2026-02-24 11:00');
    await page.getByRole('combobox', { name: 'Anledning' }).click();
    await page.getByRole('option', { name: 'Glömt kort' }).click();
    await field('Utfärdat av').fill('Kim Svensson');
    const verdict = page.getByRole('region', { name: 'Bedömning' });
    await verdict.locator('[data-code="l2-validity-over-two-weeks"]').waitFor();
    await verdict.scrollIntoViewIfNeeded();
    await shoot(page, `form-verdict-${size.name}`);
    await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
    await shoot(page, `form-verdict-${size.name}-top`);
    const badge = await verdict.getByText('2 avvikelser').boundingBox();
    expect(badge).not.toBeNull();
    // The card number and the holder's HSA-id are shown whole in their fields.
    for (const label of ['Kortnummer', 'Korthållarens HSA-id']) {
      expect(await field(label).evaluate((e) => e.scrollWidth <= e.clientWidth), label).toBe(true);
    }
  });
});
