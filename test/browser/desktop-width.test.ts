/**
 * A desktop window (1280 × 800): every page a planner reaches from the menu, and the sources page behind the
 * footer's link, is no wider than the window (a long source URL once widened the sources page by 8 px).
 */
import { browserSuite, collectConsoleErrors } from '../helpers/browser';

const DESKTOP = { width: 1280, height: 800 };

describe('desktop window (1280 × 800)', () => {
  const suite = browserSuite();

  it('When a planner opens every menu page and the sources page, then no page is wider than the window', async () => {
    const page = await suite.page('planner', undefined, { viewport: DESKTOP });
    const errors = collectConsoleErrors(page);
    const wide: string[] = [];
    for (const p of ['/scenarios', '/responses', '/letters', '/import', '/travel-matrices', '/shortlists', '/review', '/audit', '/help', '/account', '/sources']) {
      const res = await page.goto(suite.url + p);
      expect([p, res?.status()]).toEqual([p, 200]);
      await page.waitForLoadState('networkidle');
      const doc = await page.evaluate(() => document.documentElement.scrollWidth);
      if (doc > DESKTOP.width) wide.push(`${p}: ${doc}px`);
    }
    expect(wide).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
