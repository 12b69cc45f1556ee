import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, runAxe, settle } from './a11y-support';
import { seedRegister } from './a11y-seed';
import { startHarness, type Harness } from './harness';

// axe-core with the WCAG 2.0 and 2.1 A and AA rules on every page and state a desk worker
// meets; any violation fails. At 1280×800, the size the audit of issue 16 used.

let h: Harness;
const dir = mkdtempSync(join(tmpdir(), 'kortliggaren-a11y-axe-'));
beforeAll(async () => {
  h = await startHarness({}, { viewport: { width: 1280, height: 800 } });
  await seedRegister(h);
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await h.screenshot(`failure-${ctx.task.name.replace(/\W+/g, '-')}`);
});
afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs axe on the page as it rests (transitions done) and fails with every violation listed. */
async function expectNoViolations(page: Page, where: string, include?: string): Promise<void> {
  await settle(page);
  const violations = await runAxe(page, include);
  expect(violations, describeViolations(where, violations)).toEqual([]);
}

async function openPage(path: string, heading: string): Promise<Page> {
  const { page } = h;
  await page.goto(`${h.url}/#${path}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  return page;
}

describe('axe: WCAG 2.1 A and AA, no violations', () => {
  it.each([
    ['/registrera', 'Registrera reservkort'],
    ['/register', 'Register'],
    ['/folj-upp', 'Att följa upp'],
    ['/manadsrapport', 'Månadsrapport'],
    ['/importera', 'Importera gamla loggar'],
    ['/beslut', 'Beslut'],
    ['/installningar', 'Inställningar'],
    ['/handelser', 'Händelser'],
  ])('the page %s', async (path, heading) => {
    const page = await openPage(path, heading);
    // Let the page's data arrive (tables, lists, badges) before judging it.
    await page.waitForLoadState('networkidle');
    await expectNoViolations(page, path);
  });

  it('the register with its rows, and the open card drawer', async () => {
    const page = await openPage('/register', 'Register');
    const row = page.getByRole('row', { name: /9752 2698 0900 0000 0029/ });
    await row.waitFor();
    await expectNoViolations(page, 'register');
    await row.click();
    const drawer = page.getByRole('dialog', { name: /^Kort 9752 2698 0900 0000 0029/ });
    await drawer.getByText('Händelser').first().waitFor();
    await drawer.getByRole('table').waitFor();
    await expectNoViolations(page, 'drawer');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('the monthly report of a month with cards', async () => {
    const page = await openPage('/manadsrapport', 'Månadsrapport');
    await page.getByRole('combobox', { name: 'Månad' }).click();
    await page.getByRole('option', { name: '2026-02', exact: true }).click();
    await page.getByRole('region', { name: 'Per organisation' }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoViolations(page, 'report 2026-02');
  });

  it('the form with its errors, and with a verdict that asks for confirmation', async () => {
    const page = await openPage('/registrera', 'Registrera reservkort');
    await page.getByRole('button', { name: 'Registrera kort' }).click();
    await page.getByText('Kortet registrerades inte').first().waitFor();
    await expectNoViolations(page, 'form with errors');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Registrera reservkort' }).waitFor();
    const field = (label: string) => page.getByLabel(label, { exact: true });
    await field('Organisationens HSA-id').fill('SE2321000016-A1B2');
    await field('Organisationens namn').fill('Region Exempel');
    await field('Kortnummer').fill('9752 2000 0000 0000 901');
    await field('Korthållarens HSA-id').fill('SE2321000016-AB12');
    await field('Korthållarens namn').fill('Märta Öberg');
    await page.getByRole('radio', { name: 'Ja' }).check({ force: true });
    await field('Utfärdat').fill('2026-02-10 10:00');
    await field('Giltigt till').fill('2026-02-24 11:00');
    await page.getByRole('combobox', { name: 'Anledning' }).click();
    await page.getByRole('option', { name: 'Glömt kort' }).click();
    await field('Utfärdat av').fill('Kim Svensson');
    const verdict = page.getByRole('region', { name: 'Bedömning' });
    await verdict.locator('[data-code="l2-issued-in-office-hours"]').waitFor();
    await verdict.locator('[data-code="l2-validity-over-two-weeks"]').waitFor();
    await page.getByRole('button', { name: 'Registrera kort' }).click();
    await page.getByText('Bekräfta att kortet lämnas ut trots avvikelsen.').waitFor();
    await expectNoViolations(page, 'form with verdict and confirmation');
  });

  it('the organisation picker while its list is open', async () => {
    const page = await openPage('/registrera', 'Registrera reservkort');
    await page.getByLabel('Organisationens HSA-id', { exact: true }).fill('Väst');
    await page.getByRole('option', { name: /Västra Götalandsregionen/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await expectNoViolations(page, 'organisation picker');
    await page.keyboard.press('Escape');
  });

  it('every step of the import wizard', async () => {
    const file = join(dir, 'gammal-logg.csv');
    writeFileSync(
      file,
      [
        'Kortnummer;Korthållarens namn;Korthållarens HSA-id;Organisation HSA-id;Organisation;Tillitsnivå;Identitetsnummer;Utfärdat;Giltigt till;Anledning;Utfärdat av',
        '9752 2100 0000 0000 801;Olle Ek;SE2321000016-H801;SE2321000016-A1B2;Region Exempel;3;Personnummer;2026-02-11 19:40;2026-02-25 19:40;Glömt kort;Kim Svensson|Lena Holm',
        '9752 2100 0000 0000 802;Pia Ek;SE2321000017-A1B2;SE2321000016-A1B2;Region Exempel;3;Personnummer;2026-02-12 20:15;2026-02-26 20:15;Trasigt kort;Kim Svensson|Lena Holm',
      ].join('\r\n') + '\r\n',
      'utf8',
    );
    const page = await openPage('/importera', 'Importera gamla loggar');
    await expectNoViolations(page, 'import: file');
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByText('gammal-logg.csv: 2 rader, 11 kolumner').waitFor();
    await expectNoViolations(page, 'import: mapping');
    await page.getByRole('button', { name: 'Granska rader' }).click();
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('2 rader, 1 med fel');
    await expectNoViolations(page, 'import: preview with an error');
    await page.getByRole('button', { name: 'Ta bort rad 2' }).click();
    await page.getByRole('button', { name: 'Kontrollera igen' }).click();
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('1 rader, 0 med fel');
    await page.getByRole('button', { name: /^Importera 1 rader?$/ }).click();
    await page.getByText('1 importerade, 0 oförändrade').waitFor();
    await expectNoViolations(page, 'import: result');
  });

  it('the register at 200 % zoom, with the menu open', async () => {
    const page = await openPage('/register', 'Register');
    await page.setViewportSize({ width: 640, height: 400 });
    try {
      await page.getByRole('row', { name: /9752 2698 0900 0000 0029/ }).waitFor();
      await expectNoViolations(page, 'register at 200 %');
      await page.getByRole('button', { name: 'Visa meny' }).click();
      await page
        .getByRole('navigation', { name: 'Huvudmeny' })
        .getByRole('link', { name: 'Register' })
        .waitFor();
      await expectNoViolations(page, 'menu at 200 %');
      await page.keyboard.press('Escape');
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });
});

describe('axe: the first-run setup', () => {
  let fresh: Harness;
  beforeAll(async () => {
    fresh = await startHarness({}, { keepSetup: true, viewport: { width: 1280, height: 800 } });
  });
  afterAll(async () => {
    await fresh?.close();
  });

  it('has no violations, empty and with its errors', async () => {
    const { page } = fresh;
    const dialog = page.getByRole('dialog', { name: 'Välkommen till Kortliggaren' });
    await dialog.waitFor();
    await expectNoViolations(page, 'setup');
    await dialog.getByRole('button', { name: 'Spara och börja' }).click();
    await dialog.locator('[aria-invalid="true"]').first().waitFor();
    await expectNoViolations(page, 'setup with errors');
  });
});
