/**
 * Issue 11, the proposal panel in the workspace (Debian Chromium): the stored exact proposal replaces the greedy
 * preview and shows its 20 sites in the set's order, the travel model it was computed under, each site's marginal
 * gain (the column sums to the set's total), and its robustness with the proposal as sample 0 (every site in the
 * set at least once). The panel shows the same stored record the API returns, and a shortlist made from the panel
 * holds exactly those sites.
 */
import type { Page } from 'playwright-core';
import { browserSuite, collectConsoleErrors, screenshotPath } from '../helpers/browser';
import { formatSampleShare } from '../../src/common/i18n';

/** A figure as the panel prints it ("12 345", "−3", "38 %") read back as a number. */
function parseFigure(text: string): number {
  return Number(text.replace(/[\s\u00a0\u202f]/g, '').replace('−', '-').replace(',', '.').replace('%', ''));
}

interface ApiProposal {
  id: string;
  totalGain: number;
  selected: string[];
  selectedSites: string[];
  travelModel: { label: string };
  sites: { kommunenummer: string; siteId: string; siteLabel: string; marginalGain: number }[];
}

interface ApiRobustness {
  proposalId: string;
  items: { kommunenummer: string; pInSet: number; pInSetWeights: number; pInSetTravel: number | null }[];
}

describe('the proposal panel in the workspace', () => {
  const suite = browserSuite();

  async function openWithProposal(): Promise<{ page: Page; errors: string[]; id: string }> {
    const page = await suite.page('planner', undefined, { viewport: { width: 1400, height: 900 } });
    const errors = collectConsoleErrors(page);
    await page.goto(suite.url + '/');
    await page.waitForSelector('#map[data-ready="true"]', { timeout: 30000 });
    // The stored proposal (an exact solve over every candidate site) and then its 1,000-sample robustness.
    await page.waitForFunction(() => (document.body.dataset.proposal ?? '').startsWith('p-'), null, { timeout: 120000 });
    await page.waitForSelector('body[data-robust="true"]', { timeout: 180000 });
    const id = (await page.locator('#proposal-status').getAttribute('data-id')) ?? '';
    return { page, errors, id };
  }

  it('When the workspace opens with the defaults, then the panel shows the stored proposal: 20 sites, the travel model, each marginal gain summing to the total, and every site\'s stability', async () => {
    const { page, errors, id } = await openWithProposal();
    expect(id).toMatch(/^p-[0-9a-f]{16}$/);
    const api = (await (await page.request.get(`${suite.url}/api/proposals/${id}`)).json()) as ApiProposal;
    const robust = (await (await page.request.get(`${suite.url}/api/proposals/${id}/robustness`)).json()) as ApiRobustness;
    expect(robust.proposalId).toBe(id);

    const rows = page.locator('#proposal-sites tbody tr');
    expect(await rows.count()).toBe(20);
    expect(await page.locator('#proposal-sites').getAttribute('data-stored')).toBe('true');
    await expect(page.locator('#proposal-status').textContent()).resolves.toContain(`Lagret forslag ${id}`);
    // The travel model is named in the table's caption (above the table's scroll box).
    expect(api.travelModel.label).toBe('Innebygd land/sjø-modell v2 (TØI-kalibrert)');
    await expect(page.locator('#proposal-sites-caption').textContent()).resolves.toContain(`Kjøretider: ${api.travelModel.label}`);

    // The rows are the stored record's sites in its order, with its marginal gains; the column sums to the total.
    const shown = await rows.evaluateAll((trs) => trs.map((tr) => ({
      k: (tr as HTMLElement).dataset.k ?? '', site: (tr as HTMLElement).dataset.site ?? '',
      gain: tr.querySelector('td.gain')?.textContent ?? '', stability: tr.querySelector('td.stability')?.textContent ?? '',
    })));
    expect(shown.map((r) => r.k)).toEqual(api.selected);
    expect(shown.map((r) => r.site)).toEqual(api.selectedSites);
    expect(shown.map((r) => parseFigure(r.gain))).toEqual(api.sites.map((s) => Math.round(s.marginalGain)));
    expect(parseFigure((await page.locator('#proposal-total').textContent()) ?? '')).toBe(Math.round(api.totalGain));
    expect(api.sites.reduce((sum, s) => sum + s.marginalGain, 0)).toBeCloseTo(api.totalGain, 6);
    expect(api.totalGain).toBeGreaterThan(0);

    // Stability: share in the set under weights / travel error / both, each site in the set at least once (sample 0).
    const items = new Map(robust.items.map((it) => [it.kommunenummer, it]));
    for (const row of shown) {
      const parts = row.stability.split('/').map((p) => p.trim());
      expect(parts).toHaveLength(3);
      const it = items.get(row.k)!;
      expect(parts).toEqual([it.pInSetWeights, it.pInSetTravel, it.pInSet].map((v) => formatSampleShare('nb', v)));
      expect(it.pInSet).toBeGreaterThan(0);
    }
    const note = (await page.locator('#robustness-note').textContent()) ?? '';
    expect(note).toContain('utvalg 0 er forslaget selv');
    expect(note).toMatch(/Stabile \(i settet i minst 80 % av utvalgene\): \d+ under vekter, \d+ under reisetidsfeil, \d+ under begge\./);
    await expect(page.locator('#error-note').textContent()).resolves.toMatch(/4,2/);
    // The export links name the stored proposal, not the scenario's parameters.
    expect(await page.locator('[data-testid="proposal-export-csv"]').getAttribute('href')).toContain(`proposal=${id}`);
    await page.screenshot({ path: screenshotPath('workspace-proposal-panel'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 300000);

  it('When the planner makes a shortlist from the panel, then the shortlist page holds exactly the proposal\'s sites with the same gains', async () => {
    const { page, errors, id } = await openWithProposal();
    const api = (await (await page.request.get(`${suite.url}/api/proposals/${id}`)).json()) as ApiProposal;
    await page.fill('#proposal-shortlist-name', 'Fra panelet');
    await Promise.all([page.waitForURL(/\/shortlists\/[^/]+$/, { timeout: 60000 }), page.locator('#proposal-shortlist').click()]);
    const sites = await page.locator('span[data-site]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.site ?? ''));
    expect(sites).toEqual(api.selectedSites);
    expect(parseFigure((await page.locator('#sl-total').textContent()) ?? '')).toBe(Math.round(api.totalGain));
    expect(errors).toEqual([]);
    await page.close();
  }, 300000);
});
