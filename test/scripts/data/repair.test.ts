import { area, booleanValid, kinks } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { repairArea } from '../../../scripts/data/repair';

const km2 = (g: Polygon | MultiPolygon) => area(g) / 1e6;
const square = (x0: number, y0: number, s: number): Position[] => [[x0, y0], [x0 + s, y0], [x0 + s, y0 + s], [x0, y0 + s], [x0, y0]];

describe('repairArea', () => {
  it('When a ring is a figure-eight, then it becomes its two simple lobes and keeps both lobes’ area', () => {
    // A bow tie crossing at (10.05, 60.05): lobes are the left and right triangles.
    const bowtie: Polygon = { type: 'Polygon', coordinates: [[[10, 60], [10.1, 60.1], [10.1, 60], [10, 60.1], [10, 60]]] };
    const left: Polygon = { type: 'Polygon', coordinates: [[[10, 60], [10.05, 60.05], [10, 60.1], [10, 60]]] };
    const right: Polygon = { type: 'Polygon', coordinates: [[[10.1, 60], [10.1, 60.1], [10.05, 60.05], [10.1, 60]]] };
    expect(kinks(bowtie).features).toHaveLength(1);

    const r = repairArea(bowtie);

    expect(r.geometry.type).toBe('MultiPolygon');
    expect(r.geometry.coordinates).toHaveLength(2);
    expect(kinks(r.geometry).features).toHaveLength(0);
    expect(booleanValid(r.geometry)).toBe(true);
    // Both lobes touched at the crossing; one was pulled 1e-5° into itself, a loss of well under 0.1 %.
    expect(r.touchesSeparated).toBe(1);
    expect(km2(r.geometry) / (km2(left) + km2(right))).toBeCloseTo(1, 3);
  });

  it('When two parts of a MultiPolygon overlap, then they are merged and the overlap is counted once', () => {
    const g: MultiPolygon = { type: 'MultiPolygon', coordinates: [[square(10, 60, 0.1)], [square(10.05, 60, 0.1)]] };
    const r = repairArea(g);
    expect(r.geometry.type).toBe('Polygon');
    expect(kinks(r.geometry).features).toHaveLength(0);
    expect(km2(r.geometry)).toBeCloseTo(km2({ type: 'Polygon', coordinates: [[[10, 60], [10.15, 60], [10.15, 60.1], [10, 60.1], [10, 60]]] }), 4);
  });

  it('When a hole touches its shell at one vertex, then the hole’s vertex is pulled inside the hole and nothing crosses', () => {
    const g: Polygon = { type: 'Polygon', coordinates: [square(10, 60, 0.1), [[10, 60], [10.05, 60.02], [10.02, 60.05], [10, 60]]] };
    expect(kinks(g).features.length).toBeGreaterThan(0);
    const r = repairArea(g);
    expect(r.touchesSeparated).toBe(1);
    expect(kinks(r.geometry).features).toHaveLength(0);
    expect(booleanValid(r.geometry)).toBe(true);
    expect(Math.abs(km2(r.geometry) / km2(g) - 1)).toBeLessThan(1e-3);
  });

  it('When a part is smaller than minPartKm2, then it is dropped as a sliver and counted', () => {
    // 0.0002° × 0.0002° at 60°N ≈ 22 m × 11 m ≈ 0.00025 km².
    const g: MultiPolygon = { type: 'MultiPolygon', coordinates: [[square(10, 60, 0.1)], [square(10.5, 60, 0.0002)]] };
    const r = repairArea(g);
    expect(r.slivers).toBe(1);
    expect(r.sliverKm2).toBeLessThan(0.001);
    expect(r.geometry.type).toBe('Polygon');
  });

  it('When a geometry is repaired, then the input is not mutated', () => {
    const g: Polygon = { type: 'Polygon', coordinates: [square(10, 60, 0.1), [[10, 60], [10.05, 60.02], [10.02, 60.05], [10, 60]]] };
    const copy = JSON.parse(JSON.stringify(g));
    repairArea(g);
    expect(g).toEqual(copy);
  });

  it('When only slivers are given, then it throws naming the function', () => {
    expect(() => repairArea({ type: 'Polygon', coordinates: [square(10, 60, 0.0001)] })).toThrow('repairArea');
  });
});
