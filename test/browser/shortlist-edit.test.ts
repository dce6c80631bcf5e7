/**
 * Editing a shortlist (issue 14) at desktop and phone size: one save for the whole list (changes to
 * several rows are all kept), bulk status for ticked rows, a warning before leaving with unsaved
 * changes, and export file names that carry the shortlist's name and the date.
 */
import { browserSuite, collectConsoleErrors, screenshotPath } from '../helpers/browser';
import { tokenFor } from '../helpers/auth';
import { getShortlist } from '../../src/db/shortlists-repo';

const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

describe.each(SIZES)('shortlist editing ($name)', ({ name, width, height }) => {
  const suite = browserSuite();
  let id = '';

  beforeAll(async () => {
    const token = await tokenFor(suite.db, 'planner');
    const res = await fetch(suite.url + '/api/shortlists', {
      method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ name: 'Nord-Norge utkast', kommunenummer: ['5601', '5501', '1804', '1806'] }),
    });
    id = String(((await res.json()) as { id: string }).id);
  });

  const statusOf = (knr: string) => getShortlist(suite.db, id)!.candidates.find((c) => c.kommunenummer === knr)!;

  it('When the planner edits two rows and saves once, then both rows are kept', async () => {
    const page = await suite.page('planner', undefined, { viewport: { width, height } });
    const errors = collectConsoleErrors(page);
    await page.goto(`${suite.url}/shortlists/${id}`);
    await page.selectOption('select[name="status:5601"]', 'approved');
    await page.fill('textarea[name="rationale:5601"]', `Alta: lang kjøretid (${name})`);
    await page.selectOption('select[name="status:1804"]', 'reserve');
    await page.fill('textarea[name="rationale:1804"]', `Bodø: reserve (${name})`);
    await expect(page.locator('#sl-unsaved').isVisible()).resolves.toBe(true);
    await Promise.all([page.waitForURL(/changed=2/), page.locator('#sl-save-all').click()]);
    await expect(page.locator('#sl-saved').textContent()).resolves.toContain('2 kandidater endret');
    expect(statusOf('5601')).toMatchObject({ status: 'approved', rationale: `Alta: lang kjøretid (${name})` });
    expect(statusOf('1804')).toMatchObject({ status: 'reserve', rationale: `Bodø: reserve (${name})` });
    // moving a row saves the pending edit as well
    await page.fill('textarea[name="rationale:5501"]', 'Tromsø: flyttes opp');
    await Promise.all([page.waitForURL(/changed=1/), page.locator('button[name=move][value="5501:up"]').click()]);
    expect(statusOf('5501').rationale).toBe('Tromsø: flyttes opp');
    expect(getShortlist(suite.db, id)!.candidates[0].kommunenummer).toBe('5501');
    await page.screenshot({ path: screenshotPath(`shortlist-edit-${name}`), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('When the planner ticks rows and sets a status for them, then all ticked rows get it and others do not', async () => {
    const page = await suite.page('planner', undefined, { viewport: { width, height } });
    await page.goto(`${suite.url}/shortlists/${id}`);
    await page.check('input.sl-pick[value="5501"]');
    await page.check('input.sl-pick[value="1806"]');
    await page.selectOption('#sl-bulk-status', 'rejected');
    await Promise.all([page.waitForURL(/changed=2/), page.locator('#sl-bulk-apply').click()]);
    expect(statusOf('5501').status).toBe('rejected');
    expect(statusOf('1806').status).toBe('rejected');
    expect(statusOf('5601').status).toBe('approved');
    // tick all, then approve all
    await page.check('#sl-pick-all');
    await page.selectOption('#sl-bulk-status', 'approved');
    await Promise.all([page.waitForURL(/changed=3/), page.locator('#sl-bulk-apply').click()]);
    expect(getShortlist(suite.db, id)!.candidates.every((c) => c.status === 'approved')).toBe(true);
    await page.close();
  });

  it('When the planner leaves with unsaved changes, then the browser asks first', async () => {
    const page = await suite.page('planner', undefined, { viewport: { width, height } });
    await page.goto(`${suite.url}/shortlists/${id}`);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.type());
      void d.dismiss();
    });
    await page.fill('textarea[name="rationale:1806"]', 'ikke lagret');
    await page.evaluate(() => window.location.assign('/shortlists')).catch(() => undefined);
    await page.waitForTimeout(500);
    expect(dialogs).toEqual(['beforeunload']);
    await page.close();
  });

  it('When the planner downloads an export, then its file name carries the shortlist name and today\'s date', async () => {
    const page = await suite.page('planner', undefined, { viewport: { width, height } });
    await page.goto(`${suite.url}/shortlists/${id}`);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date());
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-csv]').click()]);
    expect(download.suggestedFilename()).toBe(`nord-norge-utkast-${day}.csv`);
    await page.close();
  });
});
