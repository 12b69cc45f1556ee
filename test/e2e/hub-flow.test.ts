import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../fixtures/cards';
import { startHarness, type Harness } from './harness';
import {
  EXTENSION_DECISION,
  level2Card,
  openOtherStation,
  startRegionHub,
  type OtherStation,
  type RegionHub,
} from './hub-support';
import { describeViolations, runAxe, settle } from './a11y-support';
import { callApi } from './seed';

// The regional hub in the browser (SPEC §8), end to end: a real PostgreSQL hub, this desk
// in Chromium over the browser mode, and two other stations' registers syncing through the
// sync service in this process. HUB_SHOTS=<folder> saves the 1280×800 screenshots there.

const SHOTS = process.env.HUB_SHOTS;
const HOLDER = 'SE2321000016-H100';
const OTHER_NAME = 'Sven Skövdesson';

let hub: RegionHub;
let h: Harness;
let skovde: OtherStation;
let lidkoping: OtherStation;
let boras: { url: string; password: string };
const exports = tempDir('hub-exports-');

async function shot(name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await h.page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

const header = () => h.page.getByRole('banner');

/** axe-core (WCAG 2.1 A + AA) on the page as it rests: no violations. */
async function expectAccessible(where: string): Promise<void> {
  await settle(h.page);
  const violations = await runAxe(h.page);
  expect(violations, describeViolations(where, violations)).toEqual([]);
}
const syncState = () => header().getByRole('status', { name: 'Synkning med den regionala hubben' });

beforeAll(async () => {
  hub = await startRegionHub();
  boras = await hub.addStation('boras', 'Borås');
  const skovdeLogin = await hub.addStation('skovde', 'Skövde');
  const lidkopingLogin = await hub.addStation('lidkoping', 'Lidköping');

  // Skövde gave the holder a level-2 card on 18 November, still valid on the 20th.
  skovde = await openOtherStation(skovdeLogin);
  await skovde.call('decisions:add', EXTENSION_DECISION);
  await skovde.call(
    'cards:register',
    level2Card('9752200000000000101', HOLDER, OTHER_NAME, '2026-11-18T20:00', '2026-11-25T20:00'),
  );
  await skovde.call(
    'cards:register',
    level2Card(
      '9752200000000000102',
      'SE2321000016-H101',
      'Karin Karlsson',
      '2026-11-03T22:10',
      '2026-11-10T22:10',
      { hsaId: 'SE5565594230-B2C3', name: 'Vårdcentralen Norr' },
    ),
  );
  await skovde.sync();

  // Lidköping pushed in November, and not since the month ended.
  lidkoping = await openOtherStation(lidkopingLogin);
  await lidkoping.call('decisions:add', EXTENSION_DECISION);
  await lidkoping.call(
    'cards:register',
    level2Card(
      '9752200000000000201',
      'SE2321000016-H200',
      'Lars Lund',
      '2026-11-26T19:00',
      '2026-12-03T19:00',
    ),
  );
  await lidkoping.sync();
  await hub.admin(
    "UPDATE kortliggaren.desk_push SET last_push_at = '2026-11-28 12:15:00+01' WHERE desk_id = 'lidkoping'",
  );

  h = await startHarness({ KORTLIGGAREN_EXPORT_DIR: exports.dir });
  await h.page.setViewportSize({ width: 1280, height: 800 });
  await callApi(h, 'decisions:add', EXTENSION_DECISION);
}, 240_000);

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail')
    await h?.screenshot(`failure-hub-${ctx.task.name.replace(/\W+/g, '-')}`);
});

afterAll(async () => {
  await h?.close();
  skovde?.close();
  lidkoping?.close();
  await hub?.stop();
  exports.cleanup();
});

describe('the regional hub in the desk app', () => {
  it('connects in Settings: clear Swedish refusals first, then the station of the hub and its sync state', async () => {
    const { page } = h;
    await page.goto(`${h.url}/#/installningar`);
    const section = page.getByRole('region', { name: 'Regional hubb' });
    await section.waitFor();
    // No hub yet: the shell shows no sync state.
    expect(await syncState().count()).toBe(0);

    const url = section.getByLabel('Hubbens adress (URL)', { exact: true });
    const password = section.getByLabel('Lösenord', { exact: true });

    // Plain text to another computer is refused: TLS with verification is required.
    await url.fill('postgres://kortstation_boras@hubb.regionen.se:5432/region');
    await password.fill('hemligt');
    await section.getByRole('button', { name: 'Anslut' }).click();
    await section.getByText(/måste krypteras och serverns certifikat kontrolleras/).waitFor();
    await expect.poll(() => url.getAttribute('aria-invalid')).toBe('true');

    // A wrong password, named under the password.
    await url.fill(boras.url);
    await password.fill('fel-lösenord');
    await section.getByRole('button', { name: 'Anslut' }).click();
    await section.getByText(/godtog inte inloggningen/).waitFor();
    const passwordHelp = (await password.getAttribute('aria-describedby')) ?? '';
    expect(passwordHelp).toMatch(/error/);
    // The message never repeats the password.
    expect(await page.getByText(/fel-lösenord/).count()).toBe(0);
    await expectAccessible('Regional hubb with a refusal');

    await password.fill(boras.password);
    await section.getByRole('button', { name: 'Anslut' }).click();
    await section.getByText(/Ansluten som kortstationen Borås \(boras\) på hubben/).waitFor();
    await syncState()
      .getByText(/^Regionens data från \d{4}-\d\d-\d\d \d\d:\d\d$/)
      .waitFor();
    const syncNow = section.getByRole('button', { name: 'Synka nu' });
    await syncNow.click();
    await section.getByText(/Senaste synkning .*: 0 skickade, \d+ hämtade\./).waitFor();
    await expect.poll(() => syncNow.getAttribute('data-loading')).toBeNull();
    // The field is emptied once the password is in the store (the browser mode's: memory).
    expect(await password.inputValue()).toBe('');
    expect(await page.content()).not.toContain(boras.password);
    await shot('settings-hub');
    await expectAccessible('Regional hubb, connected');
  });

  it("registers a card and sees the other station's card and the cross-station warning", async () => {
    const { page } = h;
    await page.goto(`${h.url}/#/registrera`);
    await page.getByRole('heading', { name: 'Registrera reservkort' }).waitFor();
    const field = (label: string) => page.getByLabel(label, { exact: true });
    await field('Organisationens HSA-id').fill('SE2321000016-A1B2');
    const known = page.getByRole('option', { name: /Region Exempel/ });
    const nameField = field('Organisationens namn');
    await known.or(nameField).first().waitFor();
    if (await known.isVisible()) await known.click();
    else await nameField.fill('Region Exempel');
    await field('Kortnummer').fill('9752 2000 0000 0000 301');
    await field('Korthållarens HSA-id').fill(HOLDER);
    await field('Korthållarens namn').fill('Anna Lindqvist');
    await page.getByRole('radio', { name: 'Ja' }).check({ force: true });
    await page.getByRole('combobox', { name: 'Anledning' }).click();
    await page.getByRole('option', { name: 'Glömt kort' }).click();
    await field('Utfärdat av').fill('Kim Svensson');
    await field('Utfärdat').fill('2026-11-20 21:00');
    await field('Giltigt till').fill('2026-11-27 21:00');
    // The verdict already knows Skövde's card: the holder has another active card.
    const verdict = page.getByRole('region', { name: 'Bedömning' });
    await verdict.locator('[data-code="holder-has-active-card"]').waitFor();
    await page.getByRole('button', { name: 'Registrera kort' }).click();
    await page.getByText('Kortet är registrerat').waitFor();
    // Pushed shortly after, without anyone asking.
    await expect.poll(() => syncState().textContent(), { timeout: 30_000 }).not.toMatch(/väntar/);

    await page.goto(`${h.url}/#/register`);
    await page.getByRole('main').getByText('Hela regionen', { exact: true }).click();
    await page.getByRole('heading', { name: 'Register — hela regionen' }).waitFor();
    const table = page.getByRole('table', { name: 'Regionens reservkort' });
    const theirs = table.getByRole('row', { name: /9752 2000 0000 0000 101/ });
    const mine = table.getByRole('row', { name: /9752 2000 0000 0000 301/ });
    await theirs.waitFor();
    expect(await theirs.textContent()).toContain('Skövde');
    expect(await theirs.textContent()).toContain(HOLDER);
    expect(await mine.textContent()).toContain('Anna Lindqvist');
    expect(await mine.textContent()).toContain('Borås');
    // Names never travel: Skövde's holder's name is nowhere on this desk.
    expect(await page.content()).not.toContain(OTHER_NAME);
    // The warning on this station's own card names the other station.
    const warning = mine.locator('[data-finding="warning"]');
    await warning.waitFor();
    expect(await warning.getAttribute('aria-label')).toContain('Gäller ett kort på Skövde');
    await shot('register-region');
    await expectAccessible('register, whole region');

    // Another station's card is read-only: no lifecycle actions in its drawer but extending it here.
    await theirs.click();
    const drawer = page.getByRole('dialog', { name: /Kort 9752 2000 0000 0000 101 — Skövde/ });
    await drawer.getByText(/Kortet registrerades på kortstationen Skövde och kan bara ändras där/).waitFor();
    await drawer.getByText('Registrerat', { exact: true }).waitFor();
    for (const action of ['Avsluta', 'Återlämna', 'Spärra', 'Makulera', 'Rätta']) {
      expect(await drawer.getByRole('button', { name: new RegExp(action) }).count()).toBe(0);
    }
    await shot('register-region-card');
    await expectAccessible("another station's card");
    await drawer.getByRole('button', { name: 'Förläng här' }).click();
    const extend = page.getByRole('dialog', { name: /^Förläng kortet/ });
    await extend.getByRole('textbox', { name: /^Korthållarens namn/ }).waitFor();
    await expectAccessible("extending another station's card");
    await shot('region-extend');
    await extend.getByRole('button', { name: 'Avbryt' }).click();
    await extend.waitFor({ state: 'hidden' });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // This station's own card opens with its findings, the cross-station one among them.
    await mine.click();
    const own = page.getByRole('dialog', { name: /Kort 9752 2000 0000 0000 301/ });
    await own.getByText(/Korthållaren har redan ett reservkort som gäller vid utfärdandet/).waitFor();
    await page.keyboard.press('Escape');
    await own.waitFor({ state: 'hidden' });
  });

  it("reports the whole region with each station's last push and warns about a station that is behind", async () => {
    const { page } = h;
    await page.goto(`${h.url}/#/manadsrapport`);
    await page.getByRole('main').getByText('Hela regionen', { exact: true }).click();
    await page.getByRole('heading', { name: 'Månadsrapport — hela regionen' }).waitFor();
    const coverage = page.getByRole('table', { name: 'Kortstationer' });
    await coverage.waitFor();
    expect(await coverage.locator('[data-station="lidkoping"]').textContent()).toContain(
      'Inte skickat sedan månaden slutade',
    );
    expect(await coverage.locator('[data-station="skovde"]').textContent()).toContain(
      'Med efter månadens slut',
    );
    await page.getByText(/Lidköping har inte skickat till hubben sedan månaden slutade/).waitFor();
    // Four cards in November from three stations: two organisations.
    const organisations = page.getByRole('region', { name: 'Per organisation' });
    await organisations.getByText('Vårdcentralen Norr').waitFor();
    await expect.poll(() => syncState().textContent(), { timeout: 30_000 }).not.toMatch(/väntar/);
    await shot('report-region');
    await expectAccessible('report, whole region');
  });

  it('raises the changed-since-export alert when a late card changes an exported month', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Exportera' }).click();
    await page.getByRole('menuitem', { name: 'JSON (kanoniskt format)' }).click();
    await page.getByText('Rapporten är sparad').waitFor();

    // Lidköping pushes a November card late.
    await lidkoping.call(
      'cards:register',
      level2Card(
        '9752200000000000202',
        'SE2321000016-H201',
        'Lotta Lund',
        '2026-11-29T20:00',
        '2026-12-02T20:00',
      ),
    );
    await lidkoping.sync();
    await callApi(h, 'hub:sync', {});
    await header()
      .getByRole('link', { name: /Regionrapporten för 2026-11 har ändrats sedan exporten/ })
      .waitFor();
    await page.getByText('Underlaget har ändrats sedan exporten').waitFor();
  });

  it("shows the shell's state when the hub is gone, retries by itself, and catches up", async () => {
    const { page } = h;
    await hub.server.kill();
    await callApi(
      h,
      'cards:register',
      level2Card(
        '9752200000000000302',
        'SE2321000016-H102',
        'Per Persson',
        '2026-11-24T22:00',
        '2026-11-30T22:00',
      ),
    );
    await callApi(h, 'hub:sync', {});
    await syncState()
      .getByText(/nytt försök \d\d:\d\d/)
      .waitFor();
    await syncState().getByText('1 händelse väntar').waitFor();
    const link = syncState().getByRole('link', { name: /Visa i Inställningar/ });
    expect(await link.getAttribute('aria-label')).toContain('går inte att nå just nu');
    await page.goto(`${h.url}/#/register`);
    await page.getByRole('table').first().waitFor();
    await shot('shell-sync-state');
    await expectAccessible('the shell while the hub is gone');
    await page.goto(`${h.url}/#/installningar`);
    const failed = page.getByText('Senaste synkningen misslyckades');
    await failed.waitFor();
    await failed.scrollIntoViewIfNeeded();
    await shot('settings-hub-error');

    await hub.server.restart();
    await page.getByRole('button', { name: 'Synka nu' }).click();
    await expect.poll(() => syncState().textContent(), { timeout: 30_000 }).not.toMatch(/väntar|Nytt försök/);
  });
});
