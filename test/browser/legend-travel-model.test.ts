/**
 * The map legend under an imported travel matrix: the drive-time indicators the map can be coloured by are the
 * municipality's stored figures by the built-in model (the proposal and the profile use the scenario's model),
 * so the legend names the built-in model then; under the built-in model, and for the score, it adds nothing.
 */
import type { Page } from 'playwright-core';
import { memoryDb } from '../helpers/app';
import { browserSuite, collectConsoleErrors } from '../helpers/browser';
import { importTravelMatrix } from '../../src/import/travel-matrix-import';
import { listTravelMatrices } from '../../src/db/travel-matrices-repo';
import { resolveTravelModel } from '../../src/planning/travel-models';

describe('the map legend names the travel model of its drive times', () => {
  const suite = browserSuite(async () => {
    const db = memoryDb();
    // A router-like matrix: the built-in matrix's kept pairs, each one minute longer.
    const { matrix } = resolveTravelModel(db, 'builtin');
    const lines = ['from_id,to_id,minutes'];
    matrix.rowIds.forEach((id, r) => {
      for (let k = matrix.rowStart[r]; k < matrix.rowStart[r + 1]; k++) lines.push(`${id},${matrix.colIds[matrix.cols[k]]},${(matrix.minutes[k] + 1).toFixed(1)}`);
    });
    await importTravelMatrix(db, Buffer.from(lines.join('\n') + '\n'), { fileName: 'osrm.csv', name: 'OSRM Norge', by: 'test', now: new Date().toISOString() });
    return db;
  });

  async function legendFor(page: Page, query: string, indicator: string): Promise<string> {
    await page.goto(`${suite.url}/${query}`);
    await page.waitForSelector('#map[data-ready="true"]', { timeout: 60000 });
    await page.selectOption('#indicator', indicator);
    return (await page.locator('#legend .legend-sub').textContent()) ?? '';
  }

  it('When a planner colours the map by drive time under an imported matrix, then the legend says the figures are by the built-in model; by score, or under the built-in model, it does not', async () => {
    const id = listTravelMatrices(suite.db)[0].id;
    const page = await suite.page('planner');
    const errors = collectConsoleErrors(page);

    const imported = await legendFor(page, `?travelModel=${id}`, 'driveMinMean');
    const score = await legendFor(page, `?travelModel=${id}`, 'score');
    const builtin = await legendFor(page, '', 'driveMinMean');

    expect(imported).toBe('Kvantiler (5 klasser) · fra Innebygd land/sjø-modell v2 (TØI-kalibrert), ikke scenariets reisetidsmodell');
    expect(score).toBe('Kvantiler (5 klasser)');
    expect(builtin).toBe('Kvantiler (5 klasser)');
    expect(errors).toEqual([]);
    await page.close();
  }, 180000);
});
