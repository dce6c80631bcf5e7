import path from 'node:path';
import type { Browser } from 'playwright-core';
import { startServer } from '../helpers/app';
import { signedInPage } from '../helpers/auth';
import { collectConsoleErrors, launchBrowser, screenshotPath } from '../helpers/browser';
import { getResponse } from '../../src/db/responses-repo';

const files = path.join(__dirname, '..', 'fixtures', 'letters', 'files');

/** What a planner does with the municipalities' letters, in Debian Chromium. */
describe('letters in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('When a planner uploads three letters and confirms one suggestion, then the answer is stored and the ranking changes', async () => {
    const page = await signedInPage(browser, server, 'planner');
    const errors = collectConsoleErrors(page);

    // The ranking before: no answers, every municipality eligible.
    await page.goto(server.url + '/');
    await page.waitForSelector('#ranking tbody tr');
    await expect(page.locator('#answers-note').textContent()).resolves.toContain('alle kommuner er valgbare');
    const heroyBefore = await page.locator('#ranking tbody tr[data-k="1818"]').innerText();
    await page.check('#only-eligible');
    expect(await page.locator('#ranking tbody tr').count()).toBe(357);

    // Upload three letters (PDF, DOCX, TXT) on /letters.
    await page.goto(server.url + '/letters');
    await page.setInputFiles('[data-testid=letters-file]', [
      path.join(files, 'L01-heroy-nordland.pdf'), path.join(files, 'L02-heroy-more.docx'), path.join(files, 'L03-valer-innlandet.txt'),
    ]);
    await Promise.all([page.waitForURL(/\/letters/), page.click('[data-testid=letters-submit]')]);
    await expect(page.locator('[data-testid=intake-report]').getAttribute('data-status')).resolves.toBe('applied');
    await expect(page.locator('[data-testid=intake-report]').textContent()).resolves.toContain('3 nye brev lagret');

    // Open Herøy's letter: the suggestion and the highlighted sentence it came from.
    await page.click('[data-testid=intake-report] a:has-text("L01-heroy-nordland.pdf")');
    await page.waitForSelector('[data-testid=coding-form]');
    await expect(page.locator('[data-testid=suggested-wantsStation]').textContent()).resolves.toBe('Ja');
    await expect(page.locator('[data-testid=f-kommunenummer]').inputValue()).resolves.toBe('1818');
    const evidence = page.locator('[data-field-block=wantsStation] .ev-link').first();
    await evidence.click();
    await expect(page.locator('#letter-body mark.ev.active').first().textContent()).resolves.toContain('Herøy kommune ønsker et nytt tjenestested');
    await page.screenshot({ path: screenshotPath('letter-coding'), fullPage: false });

    // Confirm the suggestion as it stands.
    await Promise.all([page.waitForURL(/saved=1/), page.click('[data-testid=confirm-coding]')]);
    await expect(page.locator('[data-testid=coding-saved]').textContent()).resolves.toContain('versjon 1');
    expect(getResponse(server.db, '1818')).toMatchObject({ source: 'brev 1: L01-heroy-nordland.pdf', q5: { wantsStation: 'yes' } });

    // The ranking after: answers are loaded, so only the municipality that asked for a station is eligible (the wish
    // gate); Herøy's own row changes (its answer adds premises and dissatisfaction) and it leads the eligible list.
    await page.goto(server.url + '/');
    await page.waitForSelector('#ranking tbody tr');
    await expect(page.locator('#answers-note').isHidden()).resolves.toBe(true);
    expect(await page.locator('#ranking tbody tr[data-k="1818"]').innerText()).not.toBe(heroyBefore);
    await page.check('#only-eligible');
    await page.waitForFunction(() => document.querySelectorAll('#ranking tbody tr').length === 1);
    expect(await page.locator('#ranking tbody tr').first().getAttribute('data-k')).toBe('1818');
    await page.screenshot({ path: screenshotPath('letters-ranking-after'), fullPage: false });
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('When a planner searches the letters, then the hits show their municipality and the matched word highlighted', async () => {
    const page = await signedInPage(browser, server, 'planner');
    await page.goto(server.url + '/letters?q=lensmannskontor');
    await expect(page.locator('[data-testid=search-hits] li').count()).resolves.toBe(1);
    await expect(page.locator('[data-testid=search-hits] li').first().getAttribute('data-kommunenummer')).resolves.toBe('1818');
    await expect(page.locator('[data-testid=search-hits] mark').first().textContent()).resolves.toBe('lensmannskontoret');
    await page.close();
  });
});
