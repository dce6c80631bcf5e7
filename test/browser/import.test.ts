import fs from 'node:fs';
import path from 'node:path';
import { listAudit } from '../../src/db/audit-repo';
import { getResponse, responseHistory } from '../../src/db/responses-repo';
import { tempDir } from '../helpers/app';
import { browserSuite, collectConsoleErrors, screenshotPath } from '../helpers/browser';
import { csvOf, validRecord } from '../responses/fixtures';

/** Chromium logs the intended 422 status of a rejected form's page as a console error; every other message counts. */
const unexpected = (errors: string[]) => errors.filter((e) => !/status of 422 \(Unprocessable Entity\)/.test(e));

describe('import page in Chromium', () => {
  const suite = browserSuite();
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('When a person uploads a file with an error, then the page shows the rejection with row, column and message, and nothing is saved', async () => {
    const file = path.join(dir, 'svar-med-feil.csv');
    fs.writeFileSync(file, csvOf([validRecord('5001'), validRecord('1804', { sp2_fornoyd: 'kanskje' })]));
    const page = await suite.page('planner', null, { viewport: { width: 1280, height: 900 } });
    const errors = collectConsoleErrors(page);
    await page.goto(suite.url + '/import');
    await page.setInputFiles('#file', file);
    await page.uncheck('#dryRun');
    await Promise.all([page.waitForNavigation(), page.click('#import-submit')]);
    expect(await page.locator('#import-report').getAttribute('data-status')).toBe('rejected');
    await expect(page.locator('[data-testid="import-status"]').textContent()).resolves.toContain('Importen er avvist');
    const problem = page.locator('.resp-problems tbody tr').first();
    await expect(problem.textContent()).resolves.toMatch(/Feil\s*3\s*F\s*sp2_fornoyd\s*Ugyldig verdi «kanskje»/);
    await page.screenshot({ path: screenshotPath('import-rejected'), fullPage: true });
    expect(getResponse(suite.db, '5001')).toBeNull();
    expect(unexpected(errors)).toEqual([]);
    await page.close();
  });

  it('When a person dry-runs and then imports a valid file, then the page shows the counts and the answers appear in the list and on the municipality page', async () => {
    const file = path.join(dir, 'svar.csv');
    fs.writeFileSync(file, csvOf([validRecord('5001', { lokale1_adresse: 'Munkegata 1', lokale1_lat: '63,4305', lokale1_lon: '10,3951', lokale1_samlokalisert_med: 'rådhus' }), validRecord('1804', { sp5_onsker_tjenestested: 'nei' })]));
    const page = await suite.page('planner', null, { viewport: { width: 1280, height: 900 } });
    const errors = collectConsoleErrors(page);
    await page.goto(suite.url + '/import');
    await page.setInputFiles('#file', file);
    await page.check('#dryRun');
    await Promise.all([page.waitForNavigation(), page.click('#import-submit')]);
    expect(await page.locator('#import-report').getAttribute('data-status')).toBe('dry-run');
    await expect(page.locator('[data-count="new"]').textContent()).resolves.toBe('2');
    expect(getResponse(suite.db, '5001')).toBeNull();

    await page.setInputFiles('#file', file);
    await page.uncheck('#dryRun');
    await expect(page.locator('[data-testid="import-as"]').textContent()).resolves.toContain('Importeres som test-planner');
    await Promise.all([page.waitForNavigation(), page.click('#import-submit')]);
    expect(await page.locator('#import-report').getAttribute('data-status')).toBe('applied');
    await expect(page.locator('[data-testid="import-status"]').textContent()).resolves.toContain('Importen er lagret');
    await page.screenshot({ path: screenshotPath('import-applied'), fullPage: true });
    expect(getResponse(suite.db, '5001')).toMatchObject({ changedBy: 'test-planner', source: 'svar.csv' });
    expect(listAudit(suite.db, { entity: 'response', entityId: '5001' }).entries).toEqual([expect.objectContaining({ actor: 'test-planner', action: 'create' })]);

    await page.goto(suite.url + '/responses');
    await expect(page.locator('#responses-table tbody tr').count()).resolves.toBe(2);
    await page.goto(suite.url + '/responses/5001');
    await page.waitForSelector('#resp-map[data-ready="true"]');
    expect(await page.locator('#resp-map path.premises-marker').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('response-5001'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('When a planner corrects an answer through the form, then it is saved under the account name and the history shows who', async () => {
    const page = await suite.page('planner', null, { viewport: { width: 1280, height: 900 } });
    const errors = collectConsoleErrors(page);
    await page.goto(suite.url + '/responses/5001');
    await expect(page.locator('[data-testid="correct-as"]').textContent()).resolves.toContain('Lagres som test-planner');
    expect(await page.locator('input[name="endret_av"]').count()).toBe(0);
    await page.selectOption('select[name="sp2_fornoyd"]', 'nei');
    await page.fill('input[name="endringsmerknad"]', 'Feil i brevet');
    await Promise.all([page.waitForNavigation(), page.click('#correct button[type=submit]')]);
    await expect(page.locator('[data-testid="saved"]').textContent()).resolves.toContain('versjon 2');
    await expect(page.locator('[data-testid="history"] tbody tr').first().textContent()).resolves.toMatch(/test-planner.*Feil i brevet/s);
    expect(getResponse(suite.db, '5001')).toMatchObject({ version: 2, changedBy: 'test-planner', q2: { satisfied: 'no' } });
    expect(responseHistory(suite.db, '5001')).toEqual([expect.objectContaining({ version: 1, replacedBy: 'test-planner', note: 'Feil i brevet' })]);
    expect(listAudit(suite.db, { entity: 'response', entityId: '5001' }).entries[0]).toMatchObject({ actor: 'test-planner', action: 'correct' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('When a viewer opens the import page and an answer, then they see a notice instead of the forms and no correction form', async () => {
    const page = await suite.page('viewer', null, { viewport: { width: 1280, height: 900 } });
    const errors = collectConsoleErrors(page);
    await page.goto(suite.url + '/import');
    await expect(page.locator('[data-testid="import-readonly"]').textContent()).resolves.toContain('Bare planleggere og administratorer');
    expect(await page.locator('#import-form, #load-sample').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('import-viewer'), fullPage: true });
    await page.goto(suite.url + '/responses/5001');
    await page.waitForSelector('#resp-map[data-ready="true"]');
    expect(await page.locator('[data-testid="q2"]').count()).toBe(1);
    expect(await page.locator('#correct, form.resp-form').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('response-5001-viewer'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('When real answers exist and a person clicks "Last inn eksempelsvar", then the page says sample answers are not loaded over them', async () => {
    const page = await suite.page('planner', null, { viewport: { width: 1280, height: 900 } });
    await page.goto(suite.url + '/import');
    await Promise.all([page.waitForNavigation(), page.click('#load-sample')]);
    await expect(page.locator('[data-testid="import-error"]').textContent()).resolves.toContain('eksempelsvar lastes ikke inn');
    expect(await page.locator('[data-testid="sample-banner"]').count()).toBe(0);
    await page.close();
  });
});

describe('sample answers in Chromium', () => {
  const suite = browserSuite();

  it('When a person clicks "Last inn eksempelsvar" on a fresh install, then all pages show the sample-data banner and the list has 357 answers', async () => {
    const page = await suite.page('planner', null, { viewport: { width: 1280, height: 900 } });
    const errors = collectConsoleErrors(page);
    await page.goto(suite.url + '/import');
    expect(await page.locator('[data-testid="sample-banner"]').count()).toBe(0);
    await Promise.all([page.waitForNavigation(), page.click('#load-sample')]);
    await expect(page.locator('[data-testid="import-message"]').textContent()).resolves.toContain('Eksempelsvarene er lastet inn');
    await expect(page.locator('[data-testid="sample-banner"]').textContent()).resolves.toContain('Eksempeldata: svarene fra kommunene er illustrative, ikke ekte svar');
    await page.goto(suite.url + '/responses');
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
    await page.goto(suite.url + '/?lang=en');
    await expect(page.locator('[data-testid="sample-banner"]').textContent()).resolves.toContain('Sample data');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('When a file is imported through the page, then the token stays out of the address, a reload does not send it again, and an empty file is explained in one language', async () => {
    const own = tempDir();
    const file = path.join(own, 'ny-import.csv');
    fs.writeFileSync(file, csvOf([validRecord('5001')]));
    const empty = path.join(own, 'tom.csv');
    fs.writeFileSync(empty, '');
    const page = await suite.page('planner', null, { viewport: { width: 1280, height: 900 } });
    const posts: string[] = [];
    page.on('request', (r) => { if (r.method() === 'POST') posts.push(r.url()); });
    await page.goto(suite.url + '/import');
    await page.setInputFiles('#file', file);
    await page.uncheck('#dryRun');
    await Promise.all([page.waitForNavigation(), page.click('#import-submit')]);
    expect(page.url()).toMatch(/\/import\?result=[0-9a-f-]{36}$/);
    expect(posts).toHaveLength(1);
    expect(posts[0]).toBe(`${suite.url}/import`);
    expect(await page.locator('#import-report').getAttribute('data-status')).toBe('applied');
    const versions = responseHistory(suite.db, '5001').length;
    await page.reload();
    expect(posts).toHaveLength(1);
    expect(await page.locator('#import-report').getAttribute('data-status')).toBe('applied');
    expect(responseHistory(suite.db, '5001')).toHaveLength(versions);
    for (const [lang, expected, foreign] of [['nb', 'Filen kan ikke leses: filen er tom', /the file is empty/], ['en', 'The file cannot be read: the file is empty', /filen er tom/]] as const) {
      await page.goto(`${suite.url}/import?lang=${lang}`);
      await page.setInputFiles('#file', empty);
      await Promise.all([page.waitForNavigation(), page.click('#import-submit')]);
      const body = await page.locator('main').textContent();
      expect(body).toContain(expected);
      expect(body).not.toMatch(foreign);
    }
    await page.close();
    fs.rmSync(own, { recursive: true, force: true });
  });
});
