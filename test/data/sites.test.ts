import { booleanPointInPolygon, point } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { haversineKm } from '../../src/engine';
import { readCsv, readJson } from './travel-data';

const sites = readCsv('sites.csv');
const demand = readCsv('demand-points.csv');
const kommuner = readJson<FeatureCollection<Polygon | MultiPolygon, { kommunenummer: string }>>('kommuner.geojson');
const area = new Map(kommuner.features.map((f) => [f.properties.kommunenummer, f.geometry]));

describe('data/sites.csv: candidate sites', () => {
  it('When every site is tested against its own kommune polygon, then it lies on land inside it', () => {
    for (const s of sites) {
      expect(booleanPointInPolygon(point([Number(s.lon), Number(s.lat)]), area.get(s.kommunenummer)!)).toBe(true);
    }
  });

  it('When a site was moved onto land, then it moved from its own postcode point by the recorded km, and the others did not move', () => {
    const moved = sites.filter((s) => Number(s.moved_km) > 0);
    expect(moved.length).toBeGreaterThan(0);
    for (const s of sites) {
      const km = haversineKm([Number(s.source_lon), Number(s.source_lat)], [Number(s.lon), Number(s.lat)]);
      expect(km).toBeCloseTo(Number(s.moved_km), 1);
    }
  });

  it('When the sites are counted, then each kommune has one main place, ids are unique and the merged residents sum to 5,550,203', () => {
    expect(new Set(sites.map((s) => s.id)).size).toBe(sites.length);
    expect(sites.length).toBeGreaterThan(1000);
    expect(sites.length).toBeLessThan(1700);
    const main = sites.filter((s) => s.centre_place !== '');
    expect(main).toHaveLength(357);
    expect(new Set(main.map((s) => s.kommunenummer)).size).toBe(357);
    expect(sites.reduce((n, s) => n + Number(s.population), 0)).toBe(5550203);
  });

  it('When postcode points are merged, then each belongs to exactly one site of its kommune, within 5 km unless listed as on an island missing from the polygons', () => {
    const byPostcode = new Map<string, (typeof sites)[number]>();
    for (const s of sites) for (const p of s.postcodes.split(' ')) {
      expect(byPostcode.has(p)).toBe(false);
      byPostcode.set(p, s);
    }
    expect(byPostcode.size).toBe(demand.length);
    for (const d of demand) {
      const s = byPostcode.get(d.postnummer)!;
      expect(s.kommunenummer).toBe(d.kommunenummer);
      const km = haversineKm([Number(d.lon), Number(d.lat)], [Number(s.source_lon), Number(s.source_lat)]);
      if (km > 5) expect(s.far_postcodes.split(' ')).toContain(d.postnummer);
    }
  });

  it('When a site was moved onto land, then it moved at most 2 km (a point that would move farther is not a site), except a main place', () => {
    for (const s of sites) {
      if (s.centre_place === '') expect(Number(s.moved_km)).toBeLessThanOrEqual(2);
    }
  });
});
