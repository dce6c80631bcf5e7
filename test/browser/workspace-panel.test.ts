/**
 * The workspace's proposal panel, K input and leave warning in Chromium: the sites table stays inside the
 * side panel (it scrolls in its own box), a K outside the allowed range is refused in words, and leaving
 * with unsaved changes asks first (never right after saving).
 */
import type { Page } from 'playwright-core';
import { browserSuite, collectConsoleErrors, screenshotPath } from '../helpers/browser';
import { createScenario } from '../../src/db/scenarios-repo';
import { defaultScenarioParams } from '../../src/model/scenario';

describe('the workspace panel in Chromium', () => {
  const suite = browserSuite();

  async function open(path = '/', width = 1280, height = 800): Promise<{ page: Page; errors: string[] }> {
    const page = await suite.page('planner', undefined, { viewport: { width, height } });
    const errors = collectConsoleErrors(page);
    await page.goto(suite.url + path);
    await page.waitForSelector('#map[data-ready="true"]', { timeout: 30000 });
    await page.waitForSelector('#ranking tbody tr');
    return { page, errors };
  }

  const saved = (name: string) => createScenario(suite.db, { name, description: '', params: defaultScenarioParams, dataHash: '', dataVintage: '', answersRevision: '', by: 'test', now: new Date().toISOString() } as never);

  /** Elements of the proposal panel that reach past its right edge without a sideways-scrolling box between. */
  const clipped = (page: Page) => page.locator('#proposal').evaluate((panel) => {
    const right = panel.getBoundingClientRect().right;
    const scrolls = (el: Element | null): boolean => {
      for (let a = el?.parentElement ?? null; a && a !== panel; a = a.parentElement) {
        const o = getComputedStyle(a).overflowX;
        if (o === 'auto' || o === 'scroll') return true;
      }
      return false;
    };
    return Array.from(panel.querySelectorAll('*'))
      .filter((el) => el.getBoundingClientRect().right > right + 1 && !scrolls(el))
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className}`);
  });

  it.each(['/', 'scenario'])('When the workspace (%s) is open in a 1280 × 800 window, then the proposal table scrolls inside its own box, its caption stays in view above it, and nothing of the panel is cut off', async (where) => {
    const path = where === '/' ? '/' : `/scenarios/${saved('Panelbredde').id}`;
    const { page, errors } = await open(path);
    await page.waitForSelector('#proposal-sites tbody tr');
    expect(await clipped(page)).toEqual([]);
    const box = await page.locator('#proposal-sites-box').evaluate((el) => ({ overflow: getComputedStyle(el).overflowX, scroll: el.scrollWidth, client: el.clientWidth }));
    expect(box.overflow).toBe('auto');
    // …yet at 1280 px the whole table fits, so no column is shown cut off at the panel's edge
    expect(box.scroll).toBeLessThanOrEqual(box.client);
    // the panel itself does not scroll sideways: only the table's box does
    const panel = await page.locator('#proposal').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(panel.scroll).toBeLessThanOrEqual(panel.client);
    // the caption (which names the travel model) stays in view when the table is scrolled to its far right
    await page.locator('#proposal-sites-box').evaluate((el) => { el.scrollLeft = el.scrollWidth; });
    const caption = await page.locator('#proposal-sites-caption').evaluate((el) => {
      const panel = document.getElementById('proposal')!.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      return { inside: r.left >= panel.left - 1 && r.right <= panel.right + 1, inBox: !!el.closest('#proposal-sites-box'), text: el.textContent ?? '' };
    });
    expect(caption).toEqual({ inside: true, inBox: false, text: expect.stringContaining('Kjøretider: ') });
    await expect(page.locator('#proposal-sites').getAttribute('aria-labelledby')).resolves.toBe('proposal-sites-caption');
    // the within-error column is a compact ⚠ with its full name for screen readers and as a tooltip
    const flag = page.locator('#proposal-sites thead th').nth(5);
    await expect(flag.textContent()).resolves.toBe('⚠');
    await expect(flag.getAttribute('aria-label')).resolves.toBe('Innenfor feil');
    await expect(flag.getAttribute('title')).resolves.toBe('Innenfor feil');
    await page.screenshot({ path: screenshotPath(`workspace-panel-${where === '/' ? 'new' : 'scenario'}`) });
    expect(errors).toEqual([]);
    await page.close();
  }, 120000);

  async function typeK(page: Page, value: string): Promise<void> {
    const seq = Number(await page.locator('body').getAttribute('data-seq'));
    await page.locator('#p-k').fill(value);
    await page.locator('#p-k').press('Tab');
    await page.waitForFunction((s) => Number(document.body.dataset.seq) > s, seq, { timeout: 30000 });
  }

  it('When the planner types K = 0, then the page says in words that K must be a whole number from 1 to 100, uses 1 and heads the proposal «1 kommune»; a valid K clears the message', async () => {
    const { page, errors } = await open();
    await typeK(page, '0');
    await expect(page.locator('#k-message').textContent()).resolves.toBe('Antall nye steder må være et helt tall fra 1 til 100; 1 brukes.');
    await expect(page.locator('#p-k').inputValue()).resolves.toBe('1');
    await expect(page.locator('#p-k').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#proposal h2, h2:has-text("Forslag")').first().textContent()).resolves.toMatch(/^Forslag: 1 kommune\b(?!r)/);
    await page.waitForURL(/k=1\b/);
    await typeK(page, '3');
    await expect(page.locator('#k-message').isHidden()).resolves.toBe(true);
    await expect(page.locator('#p-k').getAttribute('aria-invalid')).resolves.toBe('false');
    await expect(page.locator('h2:has-text("Forslag")').first().textContent()).resolves.toMatch(/^Forslag: 3 kommuner/);
    await page.screenshot({ path: screenshotPath('workspace-k-valid') });
    expect(errors).toEqual([]);
    await page.close();
  }, 120000);

  it('When an English-speaking planner types K = 2.5 or 500, then the message is in English and the K used is whole and within the limits', async () => {
    const { page, errors } = await open('/?lang=en');
    await typeK(page, '2.5');
    await expect(page.locator('#k-message').textContent()).resolves.toBe('The number of new sites must be a whole number from 1 to 100; 3 is used.');
    await expect(page.locator('#p-k').inputValue()).resolves.toBe('3');
    await typeK(page, '500');
    await expect(page.locator('#k-message').textContent()).resolves.toBe('The number of new sites must be a whole number from 1 to 100; 100 is used.');
    await expect(page.locator('#p-k').inputValue()).resolves.toBe('100');
    expect(errors).toEqual([]);
    await page.close();
  }, 180000);

  /** Dialogs of `page` (each dismissed, so the page stays) by type. */
  function dialogsOf(page: Page): string[] {
    const seen: string[] = [];
    page.on('dialog', (d) => {
      seen.push(d.type());
      void d.dismiss();
    });
    return seen;
  }

  async function moveCrimeRate(page: Page): Promise<void> {
    await page.locator('#w-crimeRate').click(); // a real gesture on the page (browsers ask only after one)
    const seq = Number(await page.locator('body').getAttribute('data-seq'));
    await page.locator('#w-crimeRate').evaluate((el) => {
      (el as HTMLInputElement).value = '8';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForFunction((s) => Number(document.body.dataset.seq) > s, seq, { timeout: 30000 });
    await expect(page.locator('#scenario-dirty').isVisible()).resolves.toBe(true);
  }

  /** Closes the page as a person closing the tab would (beforeunload runs); the page stays when a prompt was dismissed. */
  async function tryToClose(page: Page): Promise<void> {
    // Playwright's own close (the suite's page.close also closes the context, which never asks)
    const close = (Object.getPrototypeOf(page) as Page).close;
    await close.call(page, { runBeforeUnload: true });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if (page.isClosed()) await page.context().close();
  }

  it('When a saved scenario is opened and left unchanged, then closing the page asks nothing', async () => {
    const { page } = await open(`/scenarios/${saved('Uendret').id}`);
    const dialogs = dialogsOf(page);
    await page.locator('#save-box summary').click(); // a gesture, so that a prompt would be allowed
    await tryToClose(page);
    expect(dialogs).toEqual([]);
    expect(page.isClosed()).toBe(true);
  }, 120000);

  it('When a saved scenario is changed, then closing the page asks first; after «Lagre endringer» it asks nothing', async () => {
    const { page, errors } = await open(`/scenarios/${saved('Endres og lagres').id}`);
    const dialogs = dialogsOf(page);
    await moveCrimeRate(page);
    await tryToClose(page);
    expect(dialogs).toEqual(['beforeunload']);
    expect(page.isClosed()).toBe(false);
    await page.locator('#save-box summary').click();
    await page.locator('#scn-update').click();
    await page.waitForFunction(() => document.getElementById('save-status')?.textContent === 'Lagret.');
    await expect(page.locator('#scenario-dirty').isHidden()).resolves.toBe(true);
    await tryToClose(page);
    expect(dialogs).toEqual(['beforeunload']);
    expect(page.isClosed()).toBe(true);
    expect(errors).toEqual([]);
  }, 120000);

  it('When a changed saved scenario is saved with «Lagre som nytt», then the page moves to the new scenario without asking, and closing that asks nothing', async () => {
    const original = saved('Lagres som nytt');
    const { page, errors } = await open(`/scenarios/${original.id}`);
    const dialogs = dialogsOf(page);
    await moveCrimeRate(page);
    await page.locator('#save-box summary').click();
    await page.locator('#scn-name').fill('Kopi med færre lovbrudd');
    await page.locator('#scn-create').click();
    await page.waitForURL((u) => /\/scenarios\/[^/?]+$/.test(u.pathname) && !u.pathname.endsWith(`/${original.id}`), { timeout: 30000 });
    await page.waitForSelector('#map[data-ready="true"]', { timeout: 30000 });
    expect(dialogs).toEqual([]);
    await expect(page.locator('#scenario-name').textContent()).resolves.toBe('Kopi med færre lovbrudd');
    await page.locator('#save-box summary').click();
    await tryToClose(page);
    expect(dialogs).toEqual([]);
    expect(page.isClosed()).toBe(true);
    expect(errors).toEqual([]);
  }, 120000);

  it('When the planner types a name for «Lagre som nytt» on a new workspace and leaves without saving, then the browser asks first', async () => {
    const { page } = await open('/');
    const dialogs = dialogsOf(page);
    await page.locator('#save-box summary').click();
    await page.locator('#scn-name').fill('Halvferdig');
    await tryToClose(page);
    expect(dialogs).toEqual(['beforeunload']);
    expect(page.isClosed()).toBe(false);
    await page.close();
  }, 120000);
});
