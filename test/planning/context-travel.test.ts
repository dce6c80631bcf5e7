import type { Db } from '../../src/db/connection';
import { haversineKm } from '../../src/engine';
import { planningContext } from '../../src/planning/context';
import { loadSampleAnswers } from '../../src/samples';
import { memoryDb } from '../helpers/app';
import { readCsv, travelData } from '../data/travel-data';

let db: Db;
beforeAll(() => { db = memoryDb(); });
afterAll(() => db.close());

describe('planning context on the built-in matrix', () => {
  it('When the context computes access, then it equals indicators.csv for every municipality (one computation, two places)', () => {
    const context = planningContext(db);
    for (const r of readCsv('indicators.csv')) {
      const a = context.access.get(r.kommunenummer)!;
      expect(a.driveMinMean).toBeCloseTo(Number(r.drive_min_mean), 1);
      expect(a.residentsBeyond45).toBe(Number(r.residents_beyond_45));
      expect(a.nearestStationId).toBe(r.nearest_station_id);
      expect(a.nearestStationMin).toBeCloseTo(Number(r.nearest_station_min), 1);
    }
  });

  it('When the engine reads candidate minutes, then each is the matrix value of the municipality\'s main place (Infinity beyond the cut-off)', () => {
    const context = planningContext(db);
    const t = travelData();
    const { location } = context;
    const demandIds = readCsv('demand-points.csv').map((d) => d.id).sort();
    for (const i of [0, 500, 1500, 3000]) {
      const row = t.row(demandIds[i]);
      context.sites.forEach((s, j) => {
        const want = row.get(s.id) ?? Infinity;
        expect(location.candidateCost[i * location.nCandidates + j]).toBeCloseTo(want, 4);
      });
    }
  });

  it('When costs are asked for every candidate site with premises loaded, then a premises site is the best place of its municipality plus the straight leg at the land rate', async () => {
    await loadSampleAnswers(db, { by: 'test', now: '2024-05-01T00:00:00Z', locale: 'nb' });
    const context = planningContext(db);
    const premises = context.allSites.find((s) => s.kind === 'premises')!;
    const places = context.allSites.filter((s) => s.kind === 'place' && s.kommunenummer === premises.kommunenummer);
    const costs = context.costsFor([premises, ...places]);
    const n = 1 + places.length;
    const land = context.travelModel.landMinPerKm;
    for (let i = 0; i < context.location.nDemand; i += 97) {
      const viaPlaces = places.map((p, k) => costs.candidate[i * n + 1 + k] + land * haversineKm([p.lon, p.lat], [premises.lon, premises.lat]));
      expect(costs.candidate[i * n]).toBeCloseTo(Math.min(...viaPlaces), 3);
    }
    expect(costs.fixed.length).toBe(context.location.nDemand * context.stationCount);
    expect(context.sites.find((s) => s.kommunenummer === premises.kommunenummer)!.kind).toBe('premises');
  });
});
