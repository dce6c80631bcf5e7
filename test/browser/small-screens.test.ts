/**
 * Phones (390 × 844): on every page, signed in as each role where pages differ (and signed out),
 * the document is no wider than the viewport (the letter pages with a PDF, a DOCX and a TXT letter, a search and
 * filters, each opened with 200); the top bar folds into a menu that opens and reaches
 * every link; the workspace shows the map and the proposal first with the weights in a drawer, the
 * table keeps the columns that fit, and the legend starts folded; words in tables are not split mid-word.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { browserSuite, collectConsoleErrors, screenshotPath } from '../helpers/browser';
import { tokenFor } from '../helpers/auth';
import { createSetupToken } from '../../src/auth/setup-tokens';
import type { Role } from '../../src/db/users-repo';

const PHONE = { width: 390, height: 844 };
const letters = path.join(__dirname, '..', 'fixtures', 'letters', 'files');

describe('phone viewport (390 × 844)', () => {
  const suite = browserSuite();
  const ids = { scenarioA: '', scenarioB: '', shortlist: '', letter: 0, finnmarkLetter: 0 };
  let setupToken = '';

  beforeAll(async () => {
    setupToken = createSetupToken(suite.db, Date.now()) ?? '';
    const token = await tokenFor(suite.db, 'planner');
    const api = (p: string, body: unknown) => fetch(suite.url + p, {
      method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(body),
    }).then(async (r) => r.json() as Promise<Record<string, unknown>>);
    await api('/api/responses/sample', {});
    ids.scenarioA = String((await api('/api/scenarios', { name: 'Telefon A', params: {} })).id);
    ids.scenarioB = String((await api('/api/scenarios', { name: 'Telefon B med et langt navn som ikke skal sprenge bredden på siden', params: { objective: 'score' } })).id);
    ids.shortlist = String((await api('/api/shortlists', { name: 'Kortliste på telefon', kommunenummer: ['5601', '0301', '1804'] })).id);
    // A PDF with a letterhead of columns, a DOCX, a TXT, and a Finnmark letter the district leader may open.
    const form = new FormData();
    for (const name of ['L01-heroy-nordland.pdf', 'L18-oslo.docx', 'L03-valer-innlandet.txt', 'L19-kautokeino.pdf']) {
      form.append('file', new Blob([fs.readFileSync(path.join(letters, name))]), name);
    }
    const res = await fetch(suite.url + '/api/letters', { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
    const uploaded = (await res.json()) as { items: { file: string; letterId?: number }[] };
    expect(res.status).toBe(201);
    const idOf = (file: string) => uploaded.items.find((i) => i.file === file)?.letterId ?? 0;
    ids.letter = idOf('L01-heroy-nordland.pdf');
    ids.finnmarkLetter = idOf('L19-kautokeino.pdf');
    expect(ids.letter).toBeGreaterThan(0);
    expect(ids.finnmarkLetter).toBeGreaterThan(0);
  });

  /** The letter pages a role may open (a district leader: only their own district's letters), each of which must answer 200. */
  function letterPagesOf(role: Role): string[] {
    const list = ['/letters', '/letters?q=politi', '/letters?coding=uncoded&sender=matched'];
    return role === 'district' ? [...list, `/letters/${ids.finnmarkLetter}`] : [...list, `/letters/${ids.letter}`, `/letters/${ids.finnmarkLetter}`];
  }

  /** Pages by role: what each role can open (the pages a role may not open are not its pages). */
  function pagesOf(role: Role | 'anonymous'): string[] {
    if (role === 'anonymous') return ['/login', `/setup/${setupToken}`, '/login?next=%2Fresponses'];
    const common = [
      '/', `/scenarios/${ids.scenarioA}`, '/scenarios', `/compare?a=${ids.scenarioA}&b=${ids.scenarioB}`,
      '/compare/municipalities?kommunenummer=0301,5601,1804,4601', '/municipalities/5601', '/municipalities/0301', '/help',
      '/responses', '/responses/5601', ...letterPagesOf(role), '/review', '/review/Finnmark', '/account', '/finnes-ikke',
    ];
    const byRole: Record<Role, string[]> = {
      viewer: ['/shortlists', `/shortlists/${ids.shortlist}`],
      district: [],
      planner: ['/shortlists', `/shortlists/${ids.shortlist}`, '/import', '/travel-matrices', '/audit'],
      admin: ['/shortlists', `/shortlists/${ids.shortlist}`, '/import', '/travel-matrices', '/audit', '/admin/users'],
    };
    return [...common, ...byRole[role]];
  }

  async function pageFor(browser: Browser, role: Role | 'anonymous'): Promise<Page> {
    if (role !== 'anonymous') return suite.page(role, role === 'district' ? 'Finnmark' : undefined, { viewport: PHONE, hasTouch: true, isMobile: true });
    const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    page.on('close', () => void context.close());
    return page;
  }

  // The screen's width is the layout viewport's (`clientWidth`), not `innerWidth`: a mobile browser widens the visual
  // viewport (`innerWidth`) to a page that is too wide (a 441 px profile page gave an innerWidth of 441 and passed).
  const widths = (page: Page) => page.evaluate(() => ({
    doc: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
    view: document.documentElement.clientWidth,
    widest: Array.from(document.querySelectorAll("body *")).map((el) => [el.getBoundingClientRect().right, el]).filter(([r]) => (r as number) > document.documentElement.clientWidth + 1)
      .slice(0, 3).map(([r, el]) => `${(el as Element).tagName.toLowerCase()}.${(el as Element).className} ${Math.round(r as number)}`),
  }));

  it.each(['anonymous', 'viewer', 'district', 'planner', 'admin'] as const)('When %s opens every page on a phone, then no page is wider than the screen', async (role) => {
    const page = await pageFor(suite.browser, role);
    const errors = collectConsoleErrors(page);
    const wide: string[] = [];
    for (const p of pagesOf(role)) {
      const res = await page.goto(suite.url + p);
      if (p.startsWith('/letters')) expect([p, res?.status()]).toEqual([p, 200]);
      else expect([200, 403, 404]).toContain(res?.status());
      if (p === '/' || p.startsWith('/scenarios/')) await page.waitForSelector('#map[data-ready="true"]', { timeout: 30000 });
      else await page.waitForLoadState('networkidle');
      const w = await widths(page);
      expect(w.view).toBe(PHONE.width);
      if (w.doc > PHONE.width || w.body > PHONE.width) wide.push(`${p}: ${w.doc}px (${w.widest.join('; ')})`);
    }
    expect(wide).toEqual([]);
    expect(errors.filter((e) => !/40[34]|Not Found|Forbidden/.test(e))).toEqual([]);
    await page.close();
  });

  it('When a planner opens the tables of the scenario list, a shortlist and a profile on a phone, then no word or number is broken across lines', async () => {
    const page = await suite.page('planner', undefined, { viewport: PHONE, hasTouch: true, isMobile: true });
    const broken: string[] = [];
    for (const p of ['/scenarios', `/shortlists/${ids.shortlist}`, '/municipalities/5601']) {
      await page.goto(suite.url + p);
      await page.waitForLoadState('networkidle');
      // A run of letters and digits drawn as more than one box was split mid-word («Kom mun e», «21 7 08»).
      const split = await page.evaluate(() => {
        const found: string[] = [];
        for (const cell of Array.from(document.querySelectorAll('main table:not(.ranking) th, main table:not(.ranking) td'))) {
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const m of (node.textContent ?? '').matchAll(/[\p{L}\p{N}]{2,}/gu)) {
              const range = document.createRange();
              range.setStart(node, m.index ?? 0);
              range.setEnd(node, (m.index ?? 0) + m[0].length);
              if (range.getClientRects().length > 1) found.push(m[0]);
            }
          }
        }
        return found.slice(0, 5);
      });
      if (split.length > 0) broken.push(`${p}: ${split.join(', ')}`);
    }
    expect(broken).toEqual([]);
    await page.close();
  });

  it('When a planner opens the change log on a phone, then the change column keeps room to read (not a sliver of one word per line)', async () => {
    const page = await suite.page('planner', undefined, { viewport: PHONE, hasTouch: true, isMobile: true });
    await page.goto(suite.url + '/audit');
    const cell = (await page.locator('table.audit tbody tr:first-child td:last-child').boundingBox())!;
    expect(cell.width).toBeGreaterThanOrEqual(240);
    await page.close();
  });

  it('When a planner opens the letters page on a phone, then the «Bare kontroller» box and its words stay on one line', async () => {
    const page = await suite.page('planner', undefined, { viewport: PHONE, hasTouch: true, isMobile: true });
    await page.goto(suite.url + '/letters');
    const label = page.locator('#letters-upload label.inline');
    const lines = await label.evaluate((el) => el.getClientRects().length);
    const box = (await label.boundingBox())!;
    expect(lines).toBe(1);
    expect(box.height).toBeLessThan(30);
    await page.close();
  });

  it('When a planner opens the workspace on a phone, then the header is a menu, the map and proposal come first, the weights are a drawer and the legend is folded', async () => {
    const page = await suite.page('planner', undefined, { viewport: PHONE, hasTouch: true, isMobile: true });
    const errors = collectConsoleErrors(page);
    await page.goto(suite.url + '/');
    await page.waitForSelector('#map[data-ready="true"]', { timeout: 30000 });
    // the header: one line with a menu button; the menu opens and shows sign-out and the language switch
    await expect(page.locator('#topbar-menu').isHidden()).resolves.toBe(true);
    const bar = await page.locator('.topbar').boundingBox();
    expect(bar!.height).toBeLessThan(70);
    await page.locator('.menu-toggle').click();
    await expect(page.locator('.menu-toggle').getAttribute('aria-expanded')).resolves.toBe('true');
    for (const sel of ['.topbar nav a[href="/"]', '.topbar .lang', '.user-box button[type=submit]']) await expect(page.locator(sel).isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await expect(page.locator('#topbar-menu').isHidden()).resolves.toBe(true);
    // map first, then the proposal, then the table; the weights are not in the page flow
    const top = async (sel: string) => (await page.locator(sel).boundingBox())!.y;
    expect(await top('#map')).toBeLessThan(await top('#summary'));
    expect(await top('#summary')).toBeLessThan(await top('#ranking'));
    expect(await top('#summary')).toBeLessThan(PHONE.height * 1.2);
    await expect(page.locator('#weights-form').isHidden()).resolves.toBe(true);
    await expect(page.locator('.ws-legend').evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(false);
    const legend = (await page.locator('.ws-legend').boundingBox())!;
    const map = (await page.locator('#map').boundingBox())!;
    expect(legend.width * legend.height).toBeLessThan(0.1 * map.width * map.height);
    // the table: rank, name, score and proposal; district and eligibility are left out; names do not overlap
    await expect(page.locator('#ranking th:nth-child(3)').isHidden()).resolves.toBe(true);
    await expect(page.locator('#ranking th:nth-child(2)').isVisible()).resolves.toBe(true);
    const table = (await page.locator('#ranking').boundingBox())!;
    expect(table.x + table.width).toBeLessThanOrEqual(PHONE.width);
    // the drawer opens over the page with the sliders, and closes again
    await page.locator('#drawer-toggle').click();
    await expect(page.locator('#w-crimeRate').isVisible()).resolves.toBe(true);
    const drawer = (await page.locator('#ws-controls').boundingBox())!;
    expect(drawer.width).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: screenshotPath('phone-drawer') });
    await page.keyboard.press('Escape');
    await expect(page.locator('#weights-form').isHidden()).resolves.toBe(true);
    await page.screenshot({ path: screenshotPath('phone-workspace') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
