import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { memoryDb, startServer } from '../helpers/app';
import { collectConsoleErrors, launchBrowser, screenshotPath } from '../helpers/browser';
import { loadTestAnswers } from '../shortlist/helpers';
import { listShortlists, getShortlist } from '../../src/db/shortlists-repo';

describe('shortlist and district review in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    const db = memoryDb();
    loadTestAnswers(db, { sample: true });
    server = await startServer(db);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('When a planner makes a shortlist from the current scenario, a district records an assessment and the planner downloads the PDF, then each step shows its result', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const errors = collectConsoleErrors(page);
    await page.goto(`${server.url}/shortlists?k=5&objective=coverage`);
    await page.getByLabel('Navn på kortlisten').fill('Kortliste for Nord-Norge');
    await page.getByLabel('Ditt navn').fill('Åse Øvergård');
    await Promise.all([page.waitForURL(/\/shortlists\/k-/), page.getByRole('button', { name: 'Lag kortliste' }).click()]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Kortliste for Nord-Norge');
    expect(await page.locator('table.sl-candidates tbody tr').count()).toBe(5);
    await page.screenshot({ path: screenshotPath('shortlist'), fullPage: true });

    const sl = getShortlist(server.db, listShortlists(server.db)[0].id)!;
    const c = sl.candidates[0];
    await page.locator(`a[href="/review/${c.policeDistrictNumber}?shortlist=${sl.id}"]`).first().click();
    await page.waitForURL(new RegExp(`/review/${c.policeDistrictNumber}`));
    const section = page.locator(`#c-${c.kommunenummer}`);
    await section.getByLabel('Støtter').check();
    await section.getByLabel('Begrunnelse').fill('Lang kjøretid og sterk lokal støtte – anbefales');
    // the name typed on the shortlist page is remembered (static/shortlist.js)
    await expect(section.getByLabel('Vurdert av (navn)').inputValue()).resolves.toBe('Åse Øvergård');
    await section.getByLabel('Vurdert av (navn)').fill('Politimester Ørjan Ås');
    await Promise.all([page.waitForURL(/saved=/), section.getByRole('button', { name: 'Lagre vurderingen' }).click()]);
    await expect(page.getByTestId('assessment-saved').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId(`current-advice-${c.kommunenummer}`).textContent()).resolves.toContain('Lang kjøretid');

    await page.goto(`${server.url}/review?shortlist=${sl.id}`);
    await expect(page.getByTestId('review-overview').textContent()).resolves.toContain('Politimester Ørjan Ås');
    await page.screenshot({ path: screenshotPath('review'), fullPage: true });

    await page.goto(`${server.url}/shortlists/${sl.id}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pdf').click()]);
    const file = await download.path();
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    expect(fs.readFileSync(file!).subarray(0, 5).toString()).toBe('%PDF-');
    expect(errors).toEqual([]);
    await page.close();
  });
});
