import * as fs from 'fs';
import * as path from 'path';
import { parseCsv } from '../../scripts/data/csv';

const DATA = path.join(__dirname, '../../data');
const readCsv = (f: string) => parseCsv(fs.readFileSync(path.join(DATA, f), 'utf8'));
const municipalities = readCsv('municipalities.csv');
const points = readCsv('demand-points.csv');

describe('data/demand-points.csv', () => {
  it('When loaded, then it has the loader columns and unique ids', () => {
    expect(fs.readFileSync(path.join(DATA, 'demand-points.csv'), 'utf8').split('\n')[0]).toBe(
      'id,postnummer,place,kommunenummer,lon,lat,population_source,population',
    );
    expect(new Set(points.map((p) => p.id)).size).toBe(points.length);
  });

  it('When summed per kommune, then the demand points equal the 1.1.2024 population exactly', () => {
    const sums = new Map<string, number>();
    for (const p of points) {
      expect(Number.isInteger(Number(p.population))).toBe(true);
      expect(Number(p.population)).toBeGreaterThanOrEqual(0);
      sums.set(p.kommunenummer, (sums.get(p.kommunenummer) ?? 0) + Number(p.population));
    }
    expect(sums.size).toBe(357);
    for (const m of municipalities) expect(sums.get(m.kommunenummer)).toBe(Number(m.population));
  });

  it('When each point is checked, then it has a valid 2024 kommunenummer and finite coordinates in Norway', () => {
    const codes = new Set(municipalities.map((m) => m.kommunenummer));
    for (const p of points) {
      expect(codes.has(p.kommunenummer)).toBe(true);
      expect(Number(p.lat)).toBeGreaterThan(57.9);
      expect(Number(p.lat)).toBeLessThan(71.3);
      expect(Number(p.lon)).toBeGreaterThan(4);
      expect(Number(p.lon)).toBeLessThan(31.3);
    }
  });

  it('When Haram (re-established 2024) is looked up, then it has its own points split from Ålesund', () => {
    expect(points.filter((p) => p.kommunenummer === '1580').length).toBeGreaterThan(0);
    expect(points.filter((p) => p.kommunenummer === '1508').length).toBeGreaterThan(0);
  });
});
