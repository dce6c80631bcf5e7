/**
 * Issue 10: a premises address is the municipality's own text. On /responses/:knr the map tooltip
 * shows it as text: markup in it never becomes elements (before the fix, the content security
 * policy was all that stopped its handlers).
 */
import type { Browser } from 'playwright-core';
import { memoryDb, startServer } from '../helpers/app';
import { launchBrowser } from '../helpers/browser';
import { signedInPage } from '../helpers/auth';
import { getMunicipality } from '../../src/db/municipalities-repo';
import { saveResponse } from '../../src/db/responses-repo';
import { validateRecord } from '../../src/import/responses-validate';
import { referenceFromDb } from '../../src/import/responses-import';
import { validRecord } from '../responses/fixtures';

const ADDRESS = '<img src=x id=injected onerror="window.__pwned=1"><b id=bold>Storgata</b> 1';

describe('answer page in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    const db = memoryDb();
    const alta = getMunicipality(db, '5601')!;
    const values = validRecord('5601', { lokale1_adresse: ADDRESS, lokale1_lat: String(alta.centre.lat), lokale1_lon: String(alta.centre.lon) });
    const content = validateRecord(0, values, referenceFromDb(db), [])!;
    saveResponse(db, content, { source: 'test', isSample: false, importId: null, changedBy: 'test', changedAt: '2024-01-01T00:00:00Z' }, 'import');
    server = await startServer(db);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('When a premises address holds HTML, then the map tooltip shows it as text and no element is made from it', async () => {
    const page = await signedInPage(browser, server, 'viewer');
    await page.goto(`${server.url}/responses/5601`);
    await page.waitForSelector('#resp-map[data-ready="true"]');
    await page.locator('path.premises-marker').first().hover();
    const tooltip = page.locator('.leaflet-tooltip');
    await tooltip.waitFor();
    expect(await tooltip.textContent()).toBe(`1: ${ADDRESS}`);
    expect(await page.locator('#injected').count()).toBe(0);
    expect(await page.locator('.leaflet-tooltip b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
  });
});
