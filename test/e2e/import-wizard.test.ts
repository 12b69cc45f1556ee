import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

let h: Harness;
const dir = mkdtempSync(join(tmpdir(), 'kortliggaren-import-e2e-'));
beforeAll(async () => {
  h = await startHarness();
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await h.screenshot(`failure-${ctx.task.name.replace(/\W+/g, '-')}`);
});
afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A desk's old log as Swedish Excel saves it: BOM, `;`, CRLF, local times, Swedish labels. */
const LOG = [
  'Kortnummer;Korthållarens namn;Korthållarens HSA-id;Organisation HSA-id;Organisation;Tillitsnivå;Identitetsnummer;Utfärdat;Giltigt till;Anledning;Utfärdat av;Anteckning',
  '9752 2100 0000 0000 201;Örjan Åberg;SE2321000016-H201;SE2321000016-A1B2;Region Exempel;3;Personnummer;2026-02-11 19:40;2026-02-25 19:40;Glömt kort;Kim Svensson|Lena Holm;',
  '9752 2100 0000 0000 202;Bo Ek;SE2321000017-A1B2;SE2321000016-A1B2;Region Exempel;3;Personnummer;2026-02-12 08:15;2026-02-26 08:15;Trasigt kort;Kim Svensson|Lena Holm;fel kontrollsiffra',
  '9752 2100 0000 0000 203;Cecilia Öhman;SE2321000016-H203;SE2321000016-A1B2;Region Exempel;3;Personnummer;2026-02-13 10:00;2026-02-20 10:00;Förlorat eller stulet kort;Kim Svensson|Lena Holm;',
];

describe('importing an old log in the browser', () => {
  it('shows the bad row with its Swedish error, imports the rest once it is removed, and lists them in the register', async () => {
    const { page } = h;
    const file = join(dir, 'reservkort-logg.csv');
    writeFileSync(file, `\uFEFF${LOG.join('\r\n')}\r\n`, 'utf8');
    const before = h.count('cards');

    await page.goto(`${h.url}/#/register`);
    await page.getByRole('link', { name: 'Importera' }).click();
    await page.getByRole('heading', { name: 'Importera gamla loggar' }).waitFor();
    await h.screenshot('import-1-file');
    await page.locator('input[type=file]').setInputFiles(file);

    await page.getByText('reservkort-logg.csv: 3 rader, 12 kolumner').waitFor();
    expect(await page.getByRole('combobox', { name: 'Fält för kolumnen Tillitsnivå' }).inputValue()).toBe(
      'Tillitsnivå (assuranceLevel)',
    );
    await h.screenshot('import-2-mapping');
    await page.getByRole('button', { name: 'Granska rader' }).click();

    await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('3 rader, 1 med fel');
    await page.getByText('rad 2: Korthållarens HSA-id: HSA-id:t har fel kontrollsiffra.').waitFor();
    expect(await page.getByRole('button', { name: 'Importera 3 rader' }).isDisabled()).toBe(true);
    await h.screenshot('import-3-preview-error');

    await page.getByRole('button', { name: 'Ta bort rad 2' }).click();
    await page.getByRole('button', { name: 'Kontrollera igen' }).click();
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('2 rader, 0 med fel');
    expect(h.count('cards')).toBe(before);
    await h.screenshot('import-3-preview-fixed');

    await page.getByRole('button', { name: 'Importera 2 rader' }).click();
    await page.getByText('2 importerade, 0 oförändrade').waitFor();
    expect(h.count('cards')).toBe(before + 2);
    await h.screenshot('import-4-result');

    await page.getByRole('link', { name: 'Öppna registret' }).click();
    const first = page.getByRole('row', { name: /9752 2100 0000 0000 201/ });
    await first.waitFor();
    expect(await first.textContent()).toContain('Örjan Åberg');
    expect(await first.textContent()).toContain('2026-02-11 19:40');
    await page.getByRole('row', { name: /9752 2100 0000 0000 203/ }).waitFor();
    expect(await page.getByRole('row', { name: /9752 2100 0000 0000 202/ }).count()).toBe(0);
    await h.screenshot('import-register');
  });
});
