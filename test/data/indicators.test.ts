import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { estimateDriveMin, haversineKm } from '../../src/geo';
import type { TravelModel } from '../../src/geo';
import { parseCsv } from '../../scripts/data/csv';

const DATA = path.join(__dirname, '../../data');
const readCsv = (f: string) => parseCsv(fs.readFileSync(path.join(DATA, f), 'utf8'));
const model = JSON.parse(fs.readFileSync(path.join(DATA, 'travel-model.json'), 'utf8')) as TravelModel;
const indicators = readCsv('indicators.csv');
const municipalities = new Map(readCsv('municipalities.csv').map((m) => [m.kommunenummer, m]));
const stations = new Map(readCsv('stations.csv').map((s) => [s.id, s]));

describe('data/indicators.csv', () => {
  it('When loaded, then it has one row per kommune with the loader columns', () => {
    expect(fs.readFileSync(path.join(DATA, 'indicators.csv'), 'utf8').split('\n')[0]).toBe(
      'kommunenummer,crime_per_1000,violence_per_1000,crime_trend_per_1000,drive_min_mean,residents_beyond_45,share_beyond_45,nearest_station_id,nearest_station_min',
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
      const pop = Number(municipalities.get(r.kommunenummer)!.population_2025);
      expect(Number(r.residents_beyond_45)).toBeLessThanOrEqual(pop);
      expect(Number(r.share_beyond_45)).toBeCloseTo(Number(r.residents_beyond_45) / pop, 4);
    }
  });

  it('When the nearest station from the centre is recomputed, then id and minutes match', () => {
    for (const r of indicators) {
      const m = municipalities.get(r.kommunenummer)!;
      const c = [Number(m.centre_lon), Number(m.centre_lat)] as const;
      let best = { id: '', km: Infinity };
      for (const s of stations.values()) {
        const km = haversineKm(c, [Number(s.lon), Number(s.lat)]);
        if (km < best.km) best = { id: s.id, km };
      }
      expect(r.nearest_station_id).toBe(best.id);
      expect(Number(r.nearest_station_min)).toBeCloseTo(estimateDriveMin(best.km, model), 1);
    }
  });
});

describe('data/vintage.json', () => {
  it('When the committed files are hashed, then every sha256 in vintage.json matches', () => {
    const vintage = JSON.parse(fs.readFileSync(path.join(DATA, 'vintage.json'), 'utf8')) as { dataVintage: string; files: Record<string, string>; sources: unknown[] };
    expect(vintage.dataVintage).not.toBe('');
    expect(vintage.sources.length).toBeGreaterThan(5);
    expect(Object.keys(vintage.files)).toEqual(expect.arrayContaining(['municipalities.csv', 'kommuner.geojson', 'crime.csv', 'indicators.csv']));
    for (const [file, sha] of Object.entries(vintage.files)) {
      expect(createHash('sha256').update(fs.readFileSync(path.join(DATA, file))).digest('hex')).toBe(sha);
    }
  });
});
