import type { Page } from 'playwright-core';
import { importResponses } from '../../src/import/responses-import';
import { memoryDb } from '../helpers/app';
import { browserSuite, collectConsoleErrors } from '../helpers/browser';
import { csvOf, now, validRecord } from '../responses/fixtures';

/** An offered premises address that is markup: it must reach every map tooltip as text. */
const HOSTILE = '<img src="x" class="injected">Kongens gate <b>1</b>';

/** Hovers the first premises marker and returns its tooltip's text and whether markup was parsed. */
async function premisesTooltip(page: Page): Promise<{ text: string; parsed: number }> {
  await page.locator('path.premises-marker').first().hover();
  const tip = page.locator('.leaflet-tooltip').last();
  await tip.waitFor();
  return { text: (await tip.textContent()) ?? '', parsed: await tip.locator('img, b').count() };
}

describe('text from imported answers on the maps', () => {
  const suite = browserSuite(async () => {
    const db = memoryDb();
    const csv = csvOf([validRecord('5001', { lokale1_adresse: HOSTILE, lokale1_lat: '63,4305', lokale1_lon: '10,3951' })]);
    const report = await importResponses(db, Buffer.from(csv, 'utf8'), { fileName: 'svar.csv', dryRun: false, by: 'test', now });
    if (report.status !== 'applied') throw new Error(`test answers not imported: ${JSON.stringify(report.problems)}`);
    return db;
  });

  it('When a premises address contains markup, then the workspace, profile and answer maps show it as text and parse none of it', async () => {
    const page = await suite.page('planner');
    const errors = collectConsoleErrors(page);
    await page.goto(`${suite.url}/`);
    await page.waitForSelector('#map[data-ready="true"]', { timeout: 20000 });
    await page.check('#show-premises');
    await page.waitForSelector('path.premises-marker');
    await expect(premisesTooltip(page)).resolves.toEqual({ text: `Trondheim - Tråante: ${HOSTILE}`, parsed: 0 });

    await page.goto(`${suite.url}/municipalities/5001`);
    await page.waitForSelector('#profile-map[data-ready="true"]');
    await expect(premisesTooltip(page)).resolves.toEqual({ text: HOSTILE, parsed: 0 });

    await page.goto(`${suite.url}/responses/5001`);
    await page.waitForSelector('#resp-map[data-ready="true"]');
    await expect(premisesTooltip(page)).resolves.toEqual({ text: `1: ${HOSTILE}`, parsed: 0 });

    expect(await page.locator('img.injected').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
