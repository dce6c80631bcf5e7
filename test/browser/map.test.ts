import { browserSuite, collectConsoleErrors, screenshotPath } from '../helpers/browser';

describe('map page in Chromium', () => {
  const suite = browserSuite();

  it('When a planner opens the map, then it draws 357 municipality shapes and the station markers with no console errors, and the figures of a clicked municipality name their travel model', async () => {
    const page = await suite.page('planner');
    const errors = collectConsoleErrors(page);
    await page.goto(suite.url + '/');
    await page.waitForSelector('#map[data-ready="true"]', { timeout: 20000 });
    const shapes = await page.locator('path.municipality').count();
    const stations = await page.locator('path.station-marker').count();
    const expectedStations = (suite.db.prepare('SELECT count(*) AS n FROM stations').get() as { n: number }).n;
    expect(shapes).toBe(357);
    expect(stations).toBe(expectedStations);
    expect(await page.locator('#legend li').count()).toBeGreaterThanOrEqual(4);
    await page.screenshot({ path: screenshotPath('map') });

    // clicking a shape opens the side panel with its key figures (the workspace replaced the popup)
    await page.locator('path.municipality[data-kommunenummer="5601"]').dispatchEvent('click');
    await expect(page.locator('#detail h3').textContent()).resolves.toContain('Alta');
    // its drive-time figures say which travel model they come from (the stored figures: the built-in model)
    await expect(page.locator('#detail-travel-model').textContent()).resolves.toContain('etter Innebygd land/sjø-modell v2 (TØI-kalibrert)');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('When the planner colours by crime rate, then the legend changes to that indicator', async () => {
    const page = await suite.page('planner');
    await page.goto(suite.url + '/?lang=en');
    await page.waitForSelector('#map[data-ready="true"]');
    await page.selectOption('#indicator', 'crimePer1000');
    await expect(page.locator('.legend-title').textContent()).resolves.toContain('Reported offences');
    await page.close();
  });

  it('When a map is shown in bokmål or English, then its zoom buttons are titled in that language, on the workspace, a profile and an answer page', async () => {
    const page = await suite.page('planner');
    const titles = async () => [await page.locator('.leaflet-control-zoom-in').getAttribute('title'), await page.locator('.leaflet-control-zoom-out').getAttribute('title')];
    await page.goto(suite.url + '/?lang=nb');
    await page.waitForSelector('#map[data-ready="true"]');
    expect(await titles()).toEqual(['Zoom inn', 'Zoom ut']);
    await page.goto(suite.url + '/municipalities/5601?lang=nb');
    await page.waitForSelector('.leaflet-control-zoom-in');
    expect(await titles()).toEqual(['Zoom inn', 'Zoom ut']);
    await page.goto(suite.url + '/responses/5601?lang=nb');
    await page.waitForSelector('#resp-map[data-ready="true"]');
    expect(await titles()).toEqual(['Zoom inn', 'Zoom ut']);
    await page.goto(suite.url + '/municipalities/5601?lang=en');
    await page.waitForSelector('.leaflet-control-zoom-in');
    expect(await titles()).toEqual(['Zoom in', 'Zoom out']);
    await page.close();
  });
});
