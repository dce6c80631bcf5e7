import fs from 'node:fs';
import { memoryDb } from '../helpers/app';
import { browserSuite, collectConsoleErrors, screenshotPath } from '../helpers/browser';
import { testUser, tokenFor } from '../helpers/auth';
import { loadTestAnswers } from '../shortlist/helpers';
import { listShortlists, getShortlist } from '../../src/db/shortlists-repo';

describe('shortlist and district review in Chromium', () => {
  const suite = browserSuite(() => {
    const db = memoryDb();
    loadTestAnswers(db, { sample: true });
    return db;
  });

  it('When a planner makes a shortlist from the current scenario, the district leader records an assessment and the planner downloads the PDF, then each step shows its result', async () => {
    const page = await suite.page('planner', null, { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const errors = collectConsoleErrors(page);
    await page.goto(`${suite.url}/shortlists?k=5&objective=coverage`);
    await page.getByLabel('Navn på kortlisten').fill('Kortliste for Nord-Norge');
    await Promise.all([page.waitForURL(/\/shortlists\/k-/), page.getByRole('button', { name: 'Lag kortliste' }).click()]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Kortliste for Nord-Norge');
    expect(await page.locator('table.sl-candidates tbody tr').count()).toBe(5);
    await page.screenshot({ path: screenshotPath('shortlist'), fullPage: true });

    const sl = getShortlist(suite.db, listShortlists(suite.db)[0].id)!;
    expect(sl.createdBy).toBe('test-planner');
    const c = sl.candidates[0];
    // the planner reads the district's page but has no assessment form
    await page.locator(`a[href="/review/${c.policeDistrictNumber}?shortlist=${sl.id}"]`).first().click();
    await page.waitForURL(new RegExp(`/review/${c.policeDistrictNumber}`));
    expect(await page.locator('form.rev-form').count()).toBe(0);

    // the district leader of the candidate's district follows the menu link to their own page
    const leader = await testUser(suite.db, 'district', c.policeDistrict);
    const district = await suite.page('district', c.policeDistrict, { viewport: { width: 1280, height: 900 } });
    const leaderErrors = collectConsoleErrors(district);
    await district.goto(`${suite.url}/`);
    await Promise.all([district.waitForURL(/\/review\//), district.getByRole('link', { name: 'Distriktsvurdering' }).click()]);
    await expect(district.locator('h1').textContent()).resolves.toContain(c.policeDistrict);
    const section = district.locator(`#c-${c.kommunenummer}`);
    await section.getByLabel('Støtter').check();
    await section.getByLabel('Begrunnelse').fill('Lang kjøretid og sterk lokal støtte – anbefales');
    await expect(section.locator('form.rev-form').textContent()).resolves.toContain(leader.name);
    await Promise.all([district.waitForURL(/saved=/), section.getByRole('button', { name: 'Lagre vurderingen' }).click()]);
    await expect(district.getByTestId('assessment-saved').isVisible()).resolves.toBe(true);
    await expect(district.getByTestId(`current-advice-${c.kommunenummer}`).textContent()).resolves.toContain('Lang kjøretid');
    await expect(district.getByTestId(`current-advice-${c.kommunenummer}`).textContent()).resolves.toContain(leader.name);
    await district.screenshot({ path: screenshotPath('review-district'), fullPage: true });
    // the overview of all districts is not theirs: they land on their own page again
    await district.goto(`${suite.url}/review?shortlist=${sl.id}`);
    expect(new URL(district.url()).pathname).toBe(`/review/${c.policeDistrictNumber}`);
    expect(leaderErrors).toEqual([]);
    await district.context().close();

    await page.goto(`${suite.url}/review?shortlist=${sl.id}`);
    await expect(page.getByTestId('review-overview').textContent()).resolves.toContain(leader.name);
    await page.screenshot({ path: screenshotPath('review'), fullPage: true });

    await page.goto(`${suite.url}/shortlists/${sl.id}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pdf').click()]);
    const file = await download.path();
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    expect(fs.readFileSync(file!).subarray(0, 5).toString()).toBe('%PDF-');
    expect(errors).toEqual([]);
    // close the context itself (it holds the download), so it is gone before the browser closes
    await page.context().close();
  });

  it.each([
    ['planner', 'coverage'], ['viewer', 'coverage'], ['planner', 'score'], ['viewer', 'score'],
  ] as const)('When a %s opens a shortlist under the %s objective in a 1280 px window, then every column is in view and no column is shown twice', async (role, objective) => {
    const token = await tokenFor(suite.db, 'planner');
    const created = await fetch(`${suite.url}/api/shortlists`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ name: `Bred kortliste ${objective}`, kommunenummer: ['5601', '0301', '1804', '4601', '5001', '1103', '3301', '4204', '1508', '5501'], params: { objective } }),
    }).then((r) => r.json() as Promise<{ id: string }>);
    const page = await suite.page(role, null, { viewport: { width: 1280, height: 800 } });
    const errors = collectConsoleErrors(page);
    await page.goto(`${suite.url}/shortlists/${created.id}`);
    const headers = (await page.locator('table.sl-candidates thead th').allTextContents()).map((s) => s.trim()).filter(Boolean);
    expect(headers.length).toBeGreaterThan(10);
    expect(headers.filter((h, i) => headers.indexOf(h) !== i)).toEqual([]);
    // one column of newly covered residents: under coverage it is the gain column, otherwise a column of its own
    expect(headers.filter((h) => h.startsWith('Nye innen grensen')).length).toBe(1);
    expect(headers.some((h) => h === 'Nye innen grensen')).toBe(objective !== 'coverage');
    const box = await page.locator('.table-scroll').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(box.scroll).toBeLessThanOrEqual(box.client);
    const last = (await page.locator('table.sl-candidates thead th:last-child').boundingBox())!;
    expect(last.x + last.width).toBeLessThanOrEqual(1280);
    await page.screenshot({ path: screenshotPath(`shortlist-1280-${role}-${objective}`), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('When a planner opens the new-shortlist form, then every label sits above its own field, inside the fieldset as outside, and the export links say GeoJSON', async () => {
    const page = await suite.page('planner', null, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${suite.url}/shortlists`);
    for (const id of ['sl-name', 'sl-description', 'sl-scenario', 'sl-manual']) {
      const label = (await page.locator(`label[for="${id}"]`).boundingBox())!;
      const field = (await page.locator(`#${id}`).boundingBox())!;
      expect([id, label.y + label.height <= field.y + 1, Math.abs(label.x - field.x) <= 1]).toEqual([id, true, true]);
    }
    await expect(page.locator('main a[href^="/export/scenario.geojson"]').textContent()).resolves.toBe('GeoJSON');
    await page.close();
  });
});
