import * as fs from 'fs';
import * as path from 'path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { isPointInArea } from '../../src/geo';
import { parseCsv } from '../../scripts/data/csv';

const DATA = path.join(__dirname, '../../data');
const readCsv = (f: string) => parseCsv(fs.readFileSync(path.join(DATA, f), 'utf8'));
const readGeo = <P>(f: string) => JSON.parse(fs.readFileSync(path.join(DATA, f), 'utf8')) as FeatureCollection<Polygon | MultiPolygon, P>;

const header = (f: string) => fs.readFileSync(path.join(DATA, f), 'utf8').split('\n')[0];
const rows = readCsv('municipalities.csv');
const kommuner = readGeo<{ kommunenummer: string; name: string }>('kommuner.geojson');

describe('data/municipalities.csv', () => {
  it('When loaded, then it has exactly the loader columns and 357 unique 4-character kommunenummer', () => {
    expect(header('municipalities.csv')).toBe(
      'kommunenummer,name,county_number,county_name,police_district_number,police_district,population,area_km2,admin_centre,centre_lon,centre_lat,centre_inside_polygon',
    );
    expect(rows).toHaveLength(357);
    expect(new Set(rows.map((r) => r.kommunenummer)).size).toBe(357);
    for (const r of rows) expect(r.kommunenummer).toMatch(/^\d{4}$/);
  });

  it('When populations are summed, then the total is SSB 1.1.2024: 5,550,203', () => {
    expect(rows.reduce((s, r) => s + Number(r.population), 0)).toBe(5550203);
  });

  it('When districts and counties are read, then every kommune has one of 12 districts and one of 15 counties', () => {
    for (const r of rows) {
      expect(r.police_district_number).toMatch(/^p(0[1-9]|1[0-2])$/);
      expect(r.police_district).not.toBe('');
      expect(r.county_name).not.toBe('');
    }
    expect(new Set(rows.map((r) => r.police_district_number)).size).toBe(12);
    expect(new Set(rows.map((r) => r.county_number)).size).toBe(15);
    expect(rows.find((r) => r.kommunenummer === '3201')?.police_district).toBe('Oslo');
  });

  it('When centres are read, then each is a finite point in mainland Norway and the inside flag matches kommuner.geojson', () => {
    const byCode = new Map(kommuner.features.map((f) => [f.properties.kommunenummer, f]));
    for (const r of rows) {
      const lon = Number(r.centre_lon);
      const lat = Number(r.centre_lat);
      expect(lon).toBeGreaterThan(4);
      expect(lon).toBeLessThan(31.3);
      expect(lat).toBeGreaterThan(57.9);
      expect(lat).toBeLessThan(71.3);
      const poly = byCode.get(r.kommunenummer);
      expect(poly).toBeDefined();
      expect(r.centre_inside_polygon).toBe(isPointInArea([lon, lat], poly!) ? '1' : '0');
      expect(Number(r.area_km2)).toBeGreaterThan(0);
    }
  });
});

describe('data/*.geojson', () => {
  it('When kommuner.geojson is read, then it has 357 features with only {kommunenummer, name} matching municipalities.csv', () => {
    expect(kommuner.features).toHaveLength(357);
    const names = new Map(rows.map((r) => [r.kommunenummer, r.name]));
    for (const f of kommuner.features) {
      expect(Object.keys(f.properties).sort()).toEqual(['kommunenummer', 'name']);
      expect(names.get(f.properties.kommunenummer)).toBe(f.properties.name);
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
    }
  });

  it('When fylker and politidistrikter are read, then there are 15 and 12 features with the agreed properties', () => {
    const fylker = readGeo<{ fylkesnummer: string; name: string }>('fylker.geojson');
    const districts = readGeo<{ police_district_number: string; police_district: string }>('politidistrikter.geojson');
    expect(fylker.features).toHaveLength(15);
    expect(districts.features).toHaveLength(12);
    for (const f of fylker.features) expect(Object.keys(f.properties).sort()).toEqual(['fylkesnummer', 'name']);
    for (const f of districts.features) expect(Object.keys(f.properties).sort()).toEqual(['police_district', 'police_district_number']);
  });

  it('When rings are inspected, then every ring is closed, has at least 4 positions and no consecutive duplicates', () => {
    for (const f of kommuner.features) {
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const ring of polys.flat()) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        for (let i = 1; i < ring.length; i++) expect(ring[i][0] === ring[i - 1][0] && ring[i][1] === ring[i - 1][1]).toBe(false);
      }
    }
  });
});
