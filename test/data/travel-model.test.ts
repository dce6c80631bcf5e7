import * as fs from 'fs';
import * as path from 'path';
import { estimateDriveMin, haversineKm } from '../../src/geo';
import type { TravelModel } from '../../src/geo';
import { parseCsv } from '../../scripts/data/csv';

const DATA = path.join(__dirname, '../../data');
const readCsv = (f: string) => parseCsv(fs.readFileSync(path.join(DATA, f), 'utf8'));
interface ModelFile extends TravelModel {
  calibration: { source: string; n: number; medianAbsErrorMin: number; p90AbsErrorMin: number; meanErrorMin: number };
  national: { population: number; within45: number; shareWithin45: number; policeReported: number };
}
const model = JSON.parse(fs.readFileSync(path.join(DATA, 'travel-model.json'), 'utf8')) as ModelFile;

/** Quantile type 7 (linear interpolation between order statistics), written independently of the build. */
function q7(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo] + (h - lo) * (s[hi] - s[lo]);
}

describe('data/travel-model.json', () => {
  const cal = readCsv('travel-calibration.csv');

  it('When the calibration table is recomputed with estimateDriveMin, then n, median, p90 and mean error match the JSON', () => {
    expect(cal).toHaveLength(model.calibration.n);
    const err = cal.map((r) => {
      const est = estimateDriveMin(Number(r.distance_km), model);
      expect(Number(r.estimated_min)).toBeCloseTo(est, 2);
      return Number(r.estimated_min) - Number(r.toi_min);
    });
    const abs = err.map(Math.abs);
    expect(q7(abs, 0.5)).toBeCloseTo(model.calibration.medianAbsErrorMin, 2);
    expect(q7(abs, 0.9)).toBeCloseTo(model.calibration.p90AbsErrorMin, 2);
    expect(err.reduce((a, b) => a + b, 0) / err.length).toBeCloseTo(model.calibration.meanErrorMin, 2);
  });

  it('When the parameters and errors are inspected, then they are plausible for Norwegian roads', () => {
    expect(model.calibration.n).toBeGreaterThan(150);
    expect(model.params.interceptMin).toBeGreaterThanOrEqual(0);
    expect(model.params.interceptMin).toBeLessThan(20);
    // 0.5–2 min per straight-line km ≈ 30–120 km/h in straight-line terms.
    expect(model.params.minPerKm).toBeGreaterThan(0.5);
    expect(model.params.minPerKm).toBeLessThan(2);
    expect(model.calibration.medianAbsErrorMin).toBeLessThan(10);
    expect(model.calibration.p90AbsErrorMin).toBeLessThan(30);
  });

  it('When the national 45-minute share is recomputed from demand points and stations, then it matches the JSON', () => {
    const stations = readCsv('stations.csv').map((s) => [Number(s.lon), Number(s.lat)] as const);
    let within = 0;
    let total = 0;
    for (const p of readCsv('demand-points.csv')) {
      const km = Math.min(...stations.map((s) => haversineKm([Number(p.lon), Number(p.lat)], s)));
      total += Number(p.population);
      if (estimateDriveMin(km, model) <= 45) within += Number(p.population);
    }
    expect(total).toBe(5550203);
    expect(model.national.population).toBe(5550203);
    expect(within).toBe(model.national.within45);
    expect(model.national.shareWithin45).toBeCloseTo(within / total, 4);
    expect(model.national.policeReported).toBe(0.986);
  });
});
