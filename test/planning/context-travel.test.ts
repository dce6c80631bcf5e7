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

  it('When costs are asked for every candidate site with premises loaded, then each premises site is its nearest place of its municipality plus the straight leg at the land rate, and never beats that place', async () => {
    await loadSampleAnswers(db, { by: 'test', now: '2024-05-01T00:00:00Z', locale: 'nb' });
    const context = planningContext(db);
    const land = context.travelModel.landMinPerKm;
    const all = context.allSites.filter((s) => s.kind === 'premises');
    expect(all.length).toBeGreaterThan(10);
    const nearest = all.map((premises) => {
      const places = context.allSites.filter((s) => s.kind === 'place' && s.kommunenummer === premises.kommunenummer);
      const km = places.map((p) => haversineKm([p.lon, p.lat], [premises.lon, premises.lat]));
      return { place: places[km.indexOf(Math.min(...km))], leg: land * Math.min(...km) };
    });
    const costs = context.costsFor([...all, ...nearest.map((x) => x.place)]);
    const n = 2 * all.length;
    const wrong: string[] = [];
    for (let j = 0; j < all.length; j++) {
      for (let i = 0; i < context.location.nDemand; i++) {
        const viaPlace = costs.candidate[i * n + all.length + j];
        const got = costs.candidate[i * n + j];
        if (viaPlace === Infinity ? got !== Infinity : Math.abs(got - (viaPlace + nearest[j].leg)) > 1e-9) wrong.push(`${all[j].id} from demand ${i}: ${got}`);
      }
    }
    expect(wrong).toEqual([]);
    const some = all[0];
    expect(context.sites.find((s) => s.kommunenummer === some.kommunenummer)!.kind).toBe('premises');
  });

  it('When Karlsøy offers premises at Hansnes, then they reach Vannøya no sooner than the Hansnes place does (no straight land leg across the sound)', async () => {
    const context = planningContext(db);
    const premises = context.allSites.find((s) => s.kind === 'premises' && s.kommunenummer === '5534');
    const places = context.allSites.filter((s) => s.kind === 'place' && s.kommunenummer === '5534');
    if (!premises) throw new Error('the sample answers offer no premises in Karlsøy');
    const costs = context.costsFor([premises, ...places]);
    const n = 1 + places.length;
    const best = (j: number) => { let m = Infinity; for (let i = 0; i < context.location.nDemand; i++) m = Math.min(m, costs.candidate[i * n + j]); return m; };
    expect(best(0)).toBeGreaterThanOrEqual(Math.min(...places.map((_, k) => best(1 + k))));
    const reachWithin45 = (j: number) => { let pop = 0; for (let i = 0; i < context.location.nDemand; i++) if (costs.candidate[i * n + j] <= 45) pop += context.location.demandWeight[i]; return pop; };
    expect(reachWithin45(0)).toBeLessThanOrEqual(Math.max(...places.map((_, k) => reachWithin45(1 + k))));
  });
});
