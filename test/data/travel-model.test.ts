import { readCsv, readJson, travelData } from './travel-data';

interface Stats { n: number; medianAbsErrorMin: number; p90AbsErrorMin: number; meanErrorMin: number; medianErrorMin: number }
interface ModelFile {
  id: string;
  version: number;
  params: { interceptMin: number; landMinPerKm: number; remoteLandMinPerKm: number; remoteKm: number; seaMinPerKm: number; ferryPenaltyMin: number };
  calibration: { pairs: number; inSample: Stats; crossValidated: { folds: number; overall: Stats; ferryPairs: Stats; westAndNorth: Stats; byCounty: Record<string, Stats> } };
  matrix: { marginMin: number; demandPoints: number; sites: number; stations: number; pairs: number };
  national: {
    population: number; within45: number; beyond45: number; shareWithin45: number; policeReported: number; policeBeyond45Approx: number; policeSource: string;
    underModelError?: { residuals: number; beyond45: number; shareWithin45: number; beyond45P05: number; beyond45P95: number };
  };
}
const model = readJson<ModelFile>('travel-model.json');
const cal = readCsv('travel-calibration.csv');

/** Quantile type 7 (linear interpolation between order statistics), written independently of the build. */
function q7(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo] + (h - lo) * (s[hi] - s[lo]);
}
const calRow = (k: string) => cal.find((r) => r.kommunenummer === k)!;

describe('data/travel-model.json: calibration on TØI', () => {
  it('When the calibration table is recomputed, then in-sample and cross-validated errors match the JSON', () => {
    expect(cal).toHaveLength(model.calibration.pairs);
    const check = (column: string, stats: Stats, only?: (r: Record<string, string>) => boolean) => {
      const rows = only ? cal.filter(only) : cal;
      const err = rows.map((r) => Number(r[column]) - Number(r.toi_min));
      expect(rows.length).toBe(stats.n);
      expect(q7(err.map(Math.abs), 0.5)).toBeCloseTo(stats.medianAbsErrorMin, 1);
      expect(q7(err.map(Math.abs), 0.9)).toBeCloseTo(stats.p90AbsErrorMin, 1);
      expect(q7(err, 0.5)).toBeCloseTo(stats.medianErrorMin, 1);
    };
    check('estimated_min', model.calibration.inSample);
    check('cv_estimated_min', model.calibration.crossValidated.overall);
    check('cv_estimated_min', model.calibration.crossValidated.ferryPairs, (r) => Number(r.cv_ferry_crossings) > 0);
  });

  it('When the cross-validated errors are read, then p90 is at most 12 min and ferry pairs are unbiased within ±10 min', () => {
    expect(model.calibration.crossValidated.folds).toBe(10);
    expect(model.calibration.crossValidated.overall.p90AbsErrorMin).toBeLessThanOrEqual(12);
    expect(model.calibration.crossValidated.ferryPairs.n).toBeGreaterThanOrEqual(5);
    expect(Math.abs(model.calibration.crossValidated.ferryPairs.medianErrorMin)).toBeLessThanOrEqual(10);
  });

  it('When the parameters are inspected, then sea is slower than land, remote land slower than land, and a ferry costs minutes', () => {
    const p = model.params;
    expect(p.landMinPerKm).toBeGreaterThan(0.4);
    expect(p.landMinPerKm).toBeLessThan(1.5);
    expect(p.remoteLandMinPerKm).toBeGreaterThanOrEqual(p.landMinPerKm);
    expect(p.seaMinPerKm).toBeGreaterThan(p.landMinPerKm);
    expect(p.ferryPenaltyMin).toBeGreaterThan(5);
    expect(p.interceptMin).toBeGreaterThanOrEqual(0);
    expect(p.interceptMin).toBeLessThan(20);
  });
});

describe('data/travel-times.txt: known island and fjord places', () => {
  // The straight-line model this replaces (km × 0.90 + 9.2) gave these minutes for the same TØI pairs.
  const straightLine: Record<string, number> = { '1144': 28.0, '5052': 35.0, '1816': 34.8, '4648': 20.2 };

  it('When a ferry-dependent pair (Kvitsøy, Leka, Vevelstad) is estimated, then the route takes a ferry and is much nearer TØI than the straight line', () => {
    for (const k of ['1144', '5052', '1816']) {
      const r = calRow(k);
      expect(Number(r.ferry_crossings)).toBeGreaterThanOrEqual(1);
      const toi = Number(r.toi_min);
      expect(Math.abs(Number(r.cv_estimated_min) - toi)).toBeLessThan(Math.abs(straightLine[k] - toi));
      expect(Math.abs(Number(r.cv_estimated_min) - toi)).toBeLessThan(25);
    }
  });

  it('When Bremanger (fjord road to Florø) is estimated, then it is nearer TØI than the straight line', () => {
    const r = calRow('4648');
    expect(Math.abs(Number(r.cv_estimated_min) - Number(r.toi_min))).toBeLessThan(Math.abs(straightLine['4648'] - Number(r.toi_min)));
  });

  it('When islands with no fixed link and no station (Utsira, Fedje, Træna, Kvitsøy, Solund) are read, then every resident is beyond 45 min', () => {
    const t = travelData();
    const indicators = new Map(readCsv('indicators.csv').map((r) => [r.kommunenummer, r]));
    const population = new Map(readCsv('municipalities.csv').map((m) => [m.kommunenummer, Number(m.population)]));
    for (const k of ['1151', '4633', '1835', '1144', '4636']) {
      expect(t.stations.some((s) => s.kommunenummer === k)).toBe(false);
      expect(t.nearestStation(t.mainPlace.get(k)!.postnummer).min).toBeGreaterThan(45);
      expect(Number(indicators.get(k)!.residents_beyond_45)).toBe(population.get(k));
    }
  });

  it('When Karlsøy (Hansnes, on Ringvassøya) is read, then its nearest station is Tromsø beyond 45 min', () => {
    const t = travelData();
    const near = t.nearestStation(t.mainPlace.get('5534')!.postnummer);
    expect(near.id).toBe('tromso-politistasjon');
    expect(near.min).toBeGreaterThan(45);
  });

  it('When Nesodden is read, then Bærum across the Oslofjord is no longer its nearest station nor under 35 min', () => {
    const t = travelData();
    const place = t.mainPlace.get('3212')!.postnummer;
    expect(t.nearestStation(place).id).not.toBe('baerum-politistasjon');
    // Absent from the row means beyond the cut-off (nearest station + 30 min).
    expect(t.row(place).get('baerum-politistasjon') ?? Infinity).toBeGreaterThan(35);
  });
});

describe('data/travel-model.json: national access against the police figure', () => {
  it('When the national figures are recomputed from the matrix, then they match the JSON and cite the police source', () => {
    const t = travelData();
    let beyond = 0;
    let total = 0;
    for (const d of t.demand) {
      total += Number(d.population);
      if (t.nearestStation(d.id).min > 45) beyond += Number(d.population);
    }
    expect(total).toBe(5550203);
    expect(model.national.population).toBe(5550203);
    expect(model.national.beyond45).toBe(beyond);
    expect(model.national.within45).toBe(total - beyond);
    expect(model.national.shareWithin45).toBeCloseTo((total - beyond) / total, 4);
    expect(model.national.policeReported).toBe(0.986);
    expect(model.national.policeSource).toMatch(/^https:\/\/www\.nrk\.no\//);
  });

  it('When the count beyond 45 minutes is recomputed under the model\'s own cross-validated error, then it matches the JSON and lies within ±30 % of the police figure', () => {
    const t = travelData();
    // Written independently of src/engine/beyond-error.ts: each point's minutes times 1 + r for every residual r.
    const relative = cal.map((r) => Math.round((Number(r.toi_min) / Number(r.cv_estimated_min) - 1) * 10000) / 10000);
    let expected = 0;
    for (const d of t.demand) {
      const min = t.nearestStation(d.id).min;
      expected += (Number(d.population) * relative.filter((r) => min * (1 + r) > 45).length) / relative.length;
    }
    const e = model.national.underModelError!;
    expect(e.residuals).toBe(192);
    expect(e.beyond45).toBe(Math.round(expected));
    expect(e.shareWithin45).toBeCloseTo((5550203 - expected) / 5550203, 4);
    // The point count is biased low for a threshold (more residents just inside 45 minutes than just outside).
    expect(e.beyond45).toBeGreaterThan(model.national.beyond45);
    expect(e.beyond45P05).toBeLessThan(e.beyond45);
    expect(e.beyond45P95).toBeGreaterThan(e.beyond45);
    // Issue 11's band: within ±30 % of the police's figure (98.6 % within 45 minutes, about 77,700 beyond).
    expect(e.beyond45).toBeGreaterThanOrEqual(0.7 * model.national.policeBeyond45Approx);
    expect(e.beyond45).toBeLessThanOrEqual(1.3 * model.national.policeBeyond45Approx);
  });

  it('When the matrix is read, then every row keeps its nearest station and no kept pair is beyond the cut-off', () => {
    const t = travelData();
    expect(t.matrix.rowIds).toHaveLength(model.matrix.demandPoints);
    expect(t.matrix.colIds).toHaveLength(model.matrix.sites + model.matrix.stations);
    for (const d of t.demand) {
      const near = t.nearestStation(d.id);
      expect(Number.isFinite(near.min)).toBe(true);
      const stationsKept = [...t.row(d.id).entries()].filter(([id]) => t.stationIds.has(id)).sort((a, b) => a[1] - b[1]);
      expect(stationsKept.length).toBeGreaterThanOrEqual(3);
      for (const [id, m] of t.row(d.id)) {
        const nearThree = stationsKept.slice(0, 3).some(([s]) => s === id);
        if (!nearThree) expect(m).toBeLessThanOrEqual(near.min + model.matrix.marginMin + 1e-3);
      }
    }
  });
});
