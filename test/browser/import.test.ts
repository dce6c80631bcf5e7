import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { getResponse } from '../../src/db/responses-repo';
import { startServer, tempDir } from '../helpers/app';
import { collectConsoleErrors, launchBrowser, screenshotPath } from '../helpers/browser';
import { csvOf, validRecord } from '../responses/fixtures';

/** Chromium logs the intended 422 status of a rejected form's page as a console error; every other message counts. */
const unexpected = (errors: string[]) => errors.filter((e) => !/status of 422 \(Unprocessable Entity\)/.test(e));

describe('import page in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startServer>>;
  let dir: string;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    dir = tempDir();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('When a person uploads a file with an error, then the page shows the rejection with row, column and message, and nothing is saved', async () => {
    const file = path.join(dir, 'svar-med-feil.csv');
    fs.writeFileSync(file, csvOf([validRecord('5001'), validRecord('1804', { sp2_fornoyd: 'kanskje' })]));
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectConsoleErrors(page);
    await page.goto(server.url + '/import');
    await page.setInputFiles('#file', file);
    await page.uncheck('#dryRun');
    await Promise.all([page.waitForNavigation(), page.click('#import-submit')]);
    expect(await page.locator('#import-report').getAttribute('data-status')).toBe('rejected');
    await expect(page.locator('[data-testid="import-status"]').textContent()).resolves.toContain('Importen er avvist');
    const problem = page.locator('.resp-problems tbody tr').first();
    await expect(problem.textContent()).resolves.toMatch(/Feil\s*3\s*F\s*sp2_fornoyd\s*Ugyldig verdi «kanskje»/);
    await page.screenshot({ path: screenshotPath('import-rejected'), fullPage: true });
    expect(getResponse(server.db, '5001')).toBeNull();
    expect(unexpected(errors)).toEqual([]);
    await page.close();
  });

  it('When a person dry-runs and then imports a valid file, then the page shows the counts and the answers appear in the list and on the municipality page', async () => {
    const file = path.join(dir, 'svar.csv');
    fs.writeFileSync(file, csvOf([validRecord('5001', { lokale1_adresse: 'Munkegata 1', lokale1_lat: '63,4305', lokale1_lon: '10,3951', lokale1_samlokalisert_med: 'rådhus' }), validRecord('1804', { sp5_onsker_tjenestested: 'nei' })]));
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectConsoleErrors(page);
    await page.goto(server.url + '/import');
    await page.setInputFiles('#file', file);
    await page.check('#dryRun');
    await Promise.all([page.waitForNavigation(), page.click('#import-submit')]);
    expect(await page.locator('#import-report').getAttribute('data-status')).toBe('dry-run');
    await expect(page.locator('[data-count="new"]').textContent()).resolves.toBe('2');
    expect(getResponse(server.db, '5001')).toBeNull();

    await page.setInputFiles('#file', file);
    await page.uncheck('#dryRun');
    await page.fill('#by', 'Kari');
    await Promise.all([page.waitForNavigation(), page.click('#import-submit')]);
    expect(await page.locator('#import-report').getAttribute('data-status')).toBe('applied');
    await expect(page.locator('[data-testid="import-status"]').textContent()).resolves.toContain('Importen er lagret');
    await page.screenshot({ path: screenshotPath('import-applied'), fullPage: true });
    expect(getResponse(server.db, '5001')).toMatchObject({ changedBy: 'Kari', source: 'svar.csv' });

    await page.goto(server.url + '/responses');
    await expect(page.locator('#responses-table tbody tr').count()).resolves.toBe(2);
    await page.goto(server.url + '/responses/5001');
    await page.waitForSelector('#resp-map[data-ready="true"]');
    expect(await page.locator('#resp-map path.premises-marker').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('response-5001'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('When real answers exist and a person clicks "Last inn eksempelsvar", then the page says sample answers are not loaded over them', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.url + '/import');
    await Promise.all([page.waitForNavigation(), page.click('#load-sample')]);
    await expect(page.locator('[data-testid="import-error"]').textContent()).resolves.toContain('eksempelsvar lastes ikke inn');
    expect(await page.locator('[data-testid="sample-banner"]').count()).toBe(0);
    await page.close();
  });
});

describe('sample answers in Chromium', () => {
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

  it('When a person clicks "Last inn eksempelsvar" on a fresh install, then all pages show the sample-data banner and the list has 357 answers', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectConsoleErrors(page);
    await page.goto(server.url + '/import');
    expect(await page.locator('[data-testid="sample-banner"]').count()).toBe(0);
    await Promise.all([page.waitForNavigation(), page.click('#load-sample')]);
    await expect(page.locator('[data-testid="import-message"]').textContent()).resolves.toContain('Eksempelsvarene er lastet inn');
    await expect(page.locator('[data-testid="sample-banner"]').textContent()).resolves.toContain('Eksempeldata: svarene fra kommunene er illustrative, ikke ekte svar');
    await page.goto(server.url + '/responses');
    await expect(page.locator('#responses-table tbody tr').count()).resolves.toBe(357);
    expect(await page.locator('[data-testid="sample-banner"]').isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('responses-sample'), fullPage: false });
    await page.selectOption('select[name="wants"]', 'yes');
    await page.selectOption('select[name="premises"]', 'co_located');
    await Promise.all([page.waitForNavigation(), page.click('.resp-filters button')]);
    const shown = await page.locator('#responses-table tbody tr').count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(357);
    await expect(page.locator('[data-testid="showing"]').textContent()).resolves.toContain(`Viser ${shown} av 357 svar`);
    await page.goto(server.url + '/?lang=en');
    await expect(page.locator('[data-testid="sample-banner"]').textContent()).resolves.toContain('Sample data');
    expect(errors).toEqual([]);
    await page.close();
  });
});
