import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { DATA, readCsv, travelData } from './travel-data';

const indicators = readCsv('indicators.csv');
const municipalities = new Map(readCsv('municipalities.csv').map((m) => [m.kommunenummer, m]));

describe('data/indicators.csv', () => {
  it('When loaded, then it has one row per kommune with the loader columns', () => {
    expect(fs.readFileSync(path.join(DATA, 'indicators.csv'), 'utf8').split('\n')[0]).toBe(
      'kommunenummer,crime_per_1000,violence_per_1000,violence_suppressed,crime_trend_per_1000,drive_min_mean,residents_beyond_45,share_beyond_45,nearest_station_id,nearest_station_min',
    );
    expect(indicators).toHaveLength(357);
    expect(new Set(indicators.map((r) => r.kommunenummer))).toEqual(new Set(municipalities.keys()));
  });

  it('When rates are read, then each is a finite number or explicitly empty (Utsira, Modalen, Haram trend)', () => {
    for (const r of indicators) {
      for (const c of ['crime_per_1000', 'violence_per_1000', 'crime_trend_per_1000', 'drive_min_mean', 'share_beyond_45']) {
        if (r[c] !== '') expect(Number.isFinite(Number(r[c]))).toBe(true);
      }
    }
    const byCode = new Map(indicators.map((r) => [r.kommunenummer, r]));
    expect(byCode.get('1151')!.crime_per_1000).toBe('');
    expect(byCode.get('4629')!.crime_per_1000).toBe('');
    expect(byCode.get('1580')!.crime_trend_per_1000).toBe('');
    expect(byCode.get('0301')!.crime_per_1000).not.toBe('');
  });

  it('When the share beyond 45 min is recomputed, then it equals residents_beyond_45 / population', () => {
    for (const r of indicators) {
      const pop = Number(municipalities.get(r.kommunenummer)!.population);
      expect(Number(r.residents_beyond_45)).toBeLessThanOrEqual(pop);
      expect(Number(r.share_beyond_45)).toBeCloseTo(Number(r.residents_beyond_45) / pop, 4);
    }
  });

  it('When access is recomputed from travel-times.txt, then mean minutes, residents beyond 45 and the nearest station from the main place match', () => {
    const t = travelData();
    const sums = new Map<string, { popMin: number; beyond: number }>();
    for (const d of t.demand) {
      const n = t.nearestStation(d.id);
      const s = sums.get(d.kommunenummer) ?? { popMin: 0, beyond: 0 };
      s.popMin += Number(d.population) * n.min;
      if (n.min > 45) s.beyond += Number(d.population);
      sums.set(d.kommunenummer, s);
    }
    for (const r of indicators) {
      const s = sums.get(r.kommunenummer)!;
      expect(Number(r.drive_min_mean)).toBeCloseTo(s.popMin / Number(municipalities.get(r.kommunenummer)!.population), 1);
      expect(Number(r.residents_beyond_45)).toBe(s.beyond);
      const near = t.nearestStation(t.mainPlace.get(r.kommunenummer)!.postnummer);
      expect(r.nearest_station_id).toBe(near.id);
      expect(Number(r.nearest_station_min)).toBeCloseTo(near.min, 1);
    }
  });
});

describe('data/vintage.json', () => {
  it('When the committed files are hashed, then every sha256 in vintage.json matches', () => {
    const vintage = JSON.parse(fs.readFileSync(path.join(DATA, 'vintage.json'), 'utf8')) as { dataVintage: string; files: Record<string, string>; sources: unknown[] };
    expect(vintage.dataVintage).toMatch(/population 1\.1\.2024/);
    expect(vintage.sources.length).toBeGreaterThan(5);
    expect(Object.keys(vintage.files)).toEqual(expect.arrayContaining(['municipalities.csv', 'kommuner.geojson', 'crime.csv', 'indicators.csv', 'sites.csv', 'travel-times.txt']));
    for (const [file, sha] of Object.entries(vintage.files)) {
      expect(createHash('sha256').update(fs.readFileSync(path.join(DATA, file))).digest('hex')).toBe(sha);
    }
  });
});
