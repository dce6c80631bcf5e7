import * as fs from 'fs';
import * as path from 'path';
import { parseCsv } from '../../scripts/data/csv';

const DATA = path.join(__dirname, '../../data');
const stations = parseCsv(fs.readFileSync(path.join(DATA, 'stations.csv'), 'utf8'));
const codes = new Set(parseCsv(fs.readFileSync(path.join(DATA, 'municipalities.csv'), 'utf8')).map((m) => m.kommunenummer));

describe('data/stations.csv', () => {
  it('When loaded, then it holds the 218 tjenestesteder open on 23.02.2022 with unique ids and the loader columns', () => {
    expect(fs.readFileSync(path.join(DATA, 'stations.csv'), 'utf8').split('\n')[0]).toBe(
      'id,name,type,place,kommunenummer,police_district,lon,lat,geocoding,source_url,note,passport_office_km',
    );
    expect(stations).toHaveLength(218);
    expect(new Set(stations.map((s) => s.id)).size).toBe(218);
  });

  it('When filtered, then Magnormoen, the Oslo S politipost and the two "other" rows are left out', () => {
    const ids = stations.map((s) => s.id);
    expect(ids).not.toContain('magnormoen-lensmannskontor');
    expect(ids).not.toContain('oslo-s-politipost');
    expect(stations.filter((s) => s.type === 'other')).toHaveLength(0);
    expect(ids).toContain('trondheim-lufthavn-politipost');
  });

  it('When a station was geocoded from the passport office list, then its passport_office_km is near 0', () => {
    for (const s of stations) {
      expect(codes.has(s.kommunenummer)).toBe(true);
      if (s.geocoding === 'passkontor') expect(Number(s.passport_office_km)).toBeLessThan(0.1);
      if (s.passport_office_km !== '') expect(Number.isFinite(Number(s.passport_office_km))).toBe(true);
    }
  });
});
