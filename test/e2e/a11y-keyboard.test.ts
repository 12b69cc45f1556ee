import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hsaId } from './a11y-seed';
import { startHarness, type Harness } from './harness';
import { registerCard } from './seed';

// Keyboard only: after page.goto, every step is a key press; the test reads the page (what
// has the focus, the title) but never clicks.

let h: Harness;
beforeAll(async () => {
  h = await startHarness({}, { viewport: { width: 1280, height: 800 } });
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await h.screenshot(`failure-${ctx.task.name.replace(/\W+/g, '-')}`);
});
afterAll(async () => {
  await h?.close();
});

interface Focused {
  tag: string;
  id: string;
  role: string | null;
  name: string;
  cardId: string | null;
  index: string | null;
}

/** What has the keyboard focus. */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return {
      tag: element?.tagName ?? '',
      id: element?.id ?? '',
      role: element?.getAttribute('role') ?? null,
      name: (element?.getAttribute('aria-label') ?? element?.textContent ?? '').trim().slice(0, 120),
      cardId: element?.getAttribute('data-card-id') ?? null,
      index: element?.getAttribute('data-index') ?? null,
    };
  });
}

/** Presses Tab (or Shift+Tab) until the focus satisfies `wanted`; fails after `max` presses. */
async function tabTo(page: Page, wanted: (f: Focused) => boolean, what: string, back = false, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    if (wanted(now)) return now;
  }
  throw new Error(`Tab never reached ${what}; the focus is on ${JSON.stringify(await focused(page))}`);
}

/** The id of the input a label names (read from the page, not a click). */
async function inputId(page: Page, label: string): Promise<string> {
  const id = await page.getByLabel(label, { exact: true }).getAttribute('id');
  if (!id) throw new Error(`no id on ${label}`);
  return id;
}

async function tabToField(page: Page, label: string) {
  const id = await inputId(page, label);
  return tabTo(page, (f) => f.id === id, label);
}

const notBody = (f: Focused) => expect(f.tag, 'the focus fell to <body>').not.toBe('BODY');

describe('keyboard only', () => {
  it('registers a valid level-2 card, finds it in the register, opens and closes it: the focus returns to the row', async () => {
    const { page } = h;
    await page.goto(`${h.url}/#/registrera`);
    await page.getByRole('heading', { level: 1, name: 'Registrera reservkort' }).waitFor();
    expect(await page.title()).toBe('Registrera reservkort – Kortliggaren');

    // The skip link is the first Tab stop and leads to the page's heading.
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toBe('Hoppa till innehållet');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toMatchObject({ tag: 'H1', name: 'Registrera reservkort' });

    await tabToField(page, 'Organisationens HSA-id');
    await page.keyboard.type('SE2321000016-A1B2');
    await tabToField(page, 'Organisationens namn');
    await page.keyboard.type('Region Tangent');
    await tabToField(page, 'Kortnummer');
    await page.keyboard.type('9752 2000 0000 0000 777');
    await tabToField(page, 'Korthållarens HSA-id');
    await page.keyboard.type('SE2321000016-K777');
    await tabToField(page, 'Korthållarens namn');
    await page.keyboard.type('Tove Tangentsson');
    const yes = await page.getByRole('radio', { name: 'Ja' }).getAttribute('id');
    await tabTo(page, (f) => f.id === yes, 'Ej planerad personal: Ja');
    await page.keyboard.press('Space');
    expect(await page.getByRole('radio', { name: 'Ja' }).isChecked()).toBe(true);
    await tabToField(page, 'Utfärdat');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2026-02-11 19:40');
    await tabToField(page, 'Giltigt till');
    expect(await page.getByLabel('Giltigt till', { exact: true }).inputValue()).toBe('2026-02-25 19:40');
    await tabTo(page, (f) => f.role === 'combobox' && f.id === 'card-reasonCode', 'Anledning');
    await page.keyboard.press('ArrowDown');
    // As a person does: Enter once the list is open (it opens a frame later on a busy machine).
    await page.getByRole('option', { name: 'Glömt kort' }).waitFor();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Anledning' }).inputValue())
      .toBe('Glömt kort');
    await tabToField(page, 'Utfärdat av');
    await page.keyboard.type('Kim Svensson');
    await page
      .getByRole('region', { name: 'Bedömning' })
      .getByText('Inga avvikelser', { exact: true })
      .waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('Kortet är registrerat').waitFor();
    expect(await focused(page)).toMatchObject({ id: 'card-cardNumber' });
    expect(h.count('cards')).toBe(1);

    // Ctrl+F: the register's search, from inside a field of another page.
    await page.keyboard.press('Control+F');
    await expect.poll(async () => (await focused(page)).name).toBe('Sök');
    expect(await page.title()).toBe('Register – Kortliggaren');
    await page.keyboard.type('9752200000000000777');
    await expect.poll(() => page.getByText('1 kort', { exact: true }).count()).toBe(1);

    // The table is one Tab stop; Enter opens the row's card.
    const row = await tabTo(page, (f) => f.role === 'row', 'a register row');
    expect(row.name).toContain('9752 2000 0000 0000 777');
    expect(row.name).toContain('Tove Tangentsson');
    const cardId = row.cardId;
    expect(cardId).toBeTruthy();
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog', { name: 'Kort 9752 2000 0000 0000 777' });
    await drawer.waitFor();
    await expect.poll(() => page.title()).toBe('Kort 9752 2000 0000 0000 777 – Kortliggaren');
    await expect.poll(() => drawer.evaluate((d) => d.contains(document.activeElement))).toBe(true);

    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await focused(page)).cardId).toBe(cardId);
    expect(await page.title()).toBe('Register – Kortliggaren');

    // And closed with its Stäng button.
    await page.keyboard.press('Enter');
    await drawer.waitFor();
    await tabTo(page, (f) => f.name === 'Stäng', 'Stäng');
    await page.keyboard.press('Enter');
    await drawer.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await focused(page)).cardId).toBe(cardId);
  });

  it('reaches every page from the menu; each takes the focus to its h1, says so, and has its own title', async () => {
    const { page } = h;
    await page.goto(`${h.url}/#/registrera`);
    await page.getByRole('heading', { level: 1, name: 'Registrera reservkort' }).waitFor();
    const pages = [
      ['Register', 'Register'],
      ['Att följa upp', 'Att följa upp'],
      ['Månadsrapport', 'Månadsrapport'],
      ['Importera', 'Importera gamla loggar'],
      ['Beslut', 'Beslut'],
      ['Inställningar', 'Inställningar'],
      ['Händelser', 'Händelser'],
      ['Registrera kort', 'Registrera reservkort'],
    ] as const;
    const titles = new Set<string>();
    for (const [link, heading] of pages) {
      const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
      const href = await menu.getByRole('link', { name: link, exact: true }).getAttribute('href');
      // From the heading of the page before, back into the menu.
      await tabTo(page, (f) => f.tag === 'A' && f.name.startsWith(link), `the menu link ${link}`, true);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(href);
      await expect.poll(async () => focused(page)).toMatchObject({ tag: 'H1', name: heading });
      await expect.poll(() => page.title()).toBe(`${heading} – Kortliggaren`);
      await expect
        .poll(() => page.locator('[role="status"][aria-live="polite"]').first().textContent())
        .toBe(`Sidan ${heading} visas`);
      titles.add(await page.title());
    }
    expect(titles.size).toBe(pages.length);
  });

  it('Ctrl+N from another page focuses the form’s first field', async () => {
    const { page } = h;
    await page.goto(`${h.url}/#/handelser`);
    await page.getByRole('heading', { level: 1, name: 'Händelser' }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+N');
    await expect.poll(async () => (await focused(page)).id).toBe('card-organisationHsaId');
    expect(await page.title()).toBe('Registrera reservkort – Kortliggaren');
  });

  it('keeps the focus in the field being typed in while the window is resized', async () => {
    const { page } = h;
    await page.goto(`${h.url}/#/registrera`);
    await page.getByRole('heading', { level: 1, name: 'Registrera reservkort' }).waitFor();
    await tabToField(page, 'Kortnummer');
    await page.keyboard.type('9752 ');
    // Across the width where the verdict moves from beside the form to under it, and back.
    for (const width of [1100, 900, 1400, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await page.keyboard.type('1');
      expect((await focused(page)).id).toBe('card-cardNumber');
    }
    expect(await page.getByLabel('Kortnummer', { exact: true }).inputValue()).toBe('9752 1111');
  });

  it('moves through the register by Page Down, End, Home and the arrows without losing the focus', async () => {
    const { page } = h;
    for (let i = 0; i < 60; i++) {
      await registerCard(h, {
        organisationHsaId: 'SE2321000016-A1B2',
        organisationName: 'Region Tangent',
        assuranceLevel: 3,
        cardNumber: `97522000000000${String(1000 + i)}`,
        holderHsaId: hsaId('232100001', `P${i}`),
        holderName: `Person ${i}`,
        holderIdType: 'personnummer',
        issuedAt: new Date(Date.UTC(2026, 0, 1, 20) + i * 3_600_000).toISOString(),
        expiresAt: new Date(Date.UTC(2026, 0, 3, 20) + i * 3_600_000).toISOString(),
        reasonCode: 'forgotten-card',
        issuedBy: ['Kim Svensson', 'Lena Holm'],
      });
    }
    await page.goto(`${h.url}/#/register`);
    await page.getByRole('heading', { level: 1, name: 'Register' }).waitFor();
    await page.getByText('61 kort', { exact: true }).waitFor();
    const first = await tabTo(page, (f) => f.role === 'row', 'the register');
    expect(first.index).toBe('0');
    // Only one row of the table is a Tab stop.
    expect(await page.locator('[role="row"][tabindex="0"]').count()).toBe(1);

    await page.keyboard.press('PageDown');
    const once = await focused(page);
    notBody(once);
    await page.keyboard.press('PageDown');
    const twice = await focused(page);
    notBody(twice);
    expect(twice.role).toBe('row');
    expect(Number(twice.index)).toBeGreaterThan(Number(once.index));
    await page.keyboard.press('End');
    await expect.poll(async () => (await focused(page)).index).toBe('60');
    await page.keyboard.press('ArrowUp');
    await expect.poll(async () => (await focused(page)).index).toBe('59');
    await page.keyboard.press('Home');
    await expect.poll(async () => (await focused(page)).index).toBe('0');

    // Scrolling the table far away keeps the focused row (and the focus) in place.
    await page.getByRole('table').evaluate((table) => {
      table.scrollTop = table.scrollHeight;
    });
    await page.waitForTimeout(300);
    expect(await focused(page)).toMatchObject({ role: 'row', index: '0' });

    // Arrow Up from the first row reaches the sort buttons; Arrow Down goes back.
    await page.keyboard.press('ArrowUp');
    expect((await focused(page)).tag).toBe('BUTTON');
    await page.keyboard.press('ArrowRight');
    expect((await focused(page)).tag).toBe('BUTTON');
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await focused(page)).index).toBe('0');
  });

  it('keeps the focused row’s bar in view when the table scrolls sideways (200 % zoom)', async () => {
    const { page } = h;
    await page.setViewportSize({ width: 640, height: 400 });
    try {
      await page.goto(`${h.url}/#/register`);
      await page.getByRole('heading', { level: 1, name: 'Register' }).waitFor();
      await tabTo(page, (f) => f.role === 'row', 'the register');
      const table = page.getByRole('table');
      await table.evaluate((element) => {
        element.scrollLeft = element.scrollWidth;
      });
      expect(await table.evaluate((element) => element.scrollLeft)).toBeGreaterThan(50);
      const bar = await page.evaluate(() => {
        const row = document.activeElement as HTMLElement;
        const cell = row.querySelector<HTMLElement>('[role="cell"]')!;
        const scroller = row.closest<HTMLElement>('[role="table"]')!;
        return {
          cellLeft: cell.getBoundingClientRect().left,
          scrollerLeft: scroller.getBoundingClientRect().left,
          shadow: getComputedStyle(cell).boxShadow,
          text: cell.textContent,
        };
      });
      // The status cell, with the focus bar, is still at the table's left edge.
      expect(Math.abs(bar.cellLeft - bar.scrollerLeft)).toBeLessThan(8);
      expect(bar.shadow).toMatch(/inset/);
      expect(bar.text).toMatch(/Aktiv|Utgånget/);
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('opens and closes the menu behind its button at 200 % zoom; closed, its links are out of the Tab order', async () => {
    const { page } = h;
    await page.setViewportSize({ width: 640, height: 400 });
    try {
      await page.goto(`${h.url}/#/register`);
      await page.getByRole('heading', { level: 1, name: 'Register' }).waitFor();
      const button = page.getByRole('button', { name: 'Visa meny' });
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      await tabTo(page, (f) => f.name === 'Visa meny', 'the menu button');
      // Closed: the next Tab stop is not a hidden menu link.
      await page.keyboard.press('Tab');
      expect((await focused(page)).tag).not.toBe('A');
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Enter');
      expect(await button.getAttribute('aria-expanded')).toBe('true');
      await tabTo(page, (f) => f.tag === 'A' && f.name.startsWith('Beslut'), 'a menu link');
      await page.keyboard.press('Escape');
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      expect((await focused(page)).name).toBe('Visa meny');
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });
});
