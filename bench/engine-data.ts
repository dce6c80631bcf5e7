/**
 * Bench input: the real data files when they exist (loaded into an in-memory database exactly as the app
 * loads them, minutes from the built-in land/sea model's matrix data/travel-times.txt), else the seeded
 * synthetic Norway instance. Answers are not part of the data files, so with real data everyone is eligible.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildSelectionProblem, type DemandPoint, type LocationProblem, type MunicipalityInput, type RankingResult, type SelectionProblem, type SitePoint } from '../src/engine';
import { readDataset } from '../src/data/dataset';
import { openDatabase } from '../src/db/connection';
import { loadDataset } from '../src/db/load-dataset';
import { listDemandPoints, listStations } from '../src/db/municipalities-repo';
import { planningContext, type CandidateSite } from '../src/planning/context';
import { syntheticNorway } from './engine-synthetic';

export interface BenchData {
  label: string;
  municipalities: MunicipalityInput[];
  demand: DemandPoint[];
  existing: SitePoint[];
  /** Straight-line km → minutes (synthetic instance only). */
  travelMinutes?: (km: number) => number;
  /** The real instance's location problem (one site per municipality, matrix minutes). */
  location?: LocationProblem;
  /** The real instance's full candidate site list (populated places). */
  sites?: CandidateSite[];
}

const DATA = join(__dirname, '..', 'data');
const FILES = ['municipalities.csv', 'demand-points.csv', 'sites.csv', 'stations.csv', 'indicators.csv', 'travel-model.json', 'travel-times.txt'];

/** Loads the real data if all files exist, otherwise the synthetic instance. */
export function loadBenchData(): BenchData {
  if (!FILES.every((f) => existsSync(join(DATA, f)))) {
    return { label: 'synthetic Norway (seed 2022; real data files not found)', ...syntheticNorway({ withAnswers: false }) };
  }
  const db = openDatabase(':memory:');
  loadDataset(db, readDataset(DATA));
  const context = planningContext(db);
  const demand = listDemandPoints(db).map((d) => ({ id: d.id, lon: d.lon, lat: d.lat, weight: d.population }));
  const existing = listStations(db).map((s) => ({ id: s.id, lon: s.lon, lat: s.lat }));
  return { label: 'real data (data/*, built-in land/sea matrix)', municipalities: context.inputs, demand, existing, location: context.location, sites: context.allSites };
}

/** The selection problem of a bench instance: the real location problem, or the synthetic one from km. */
export function problemOf(data: BenchData, ranking: RankingResult): SelectionProblem {
  const problem = buildSelectionProblem({ municipalities: data.municipalities, ranking, ...(data.location ? {} : { demand: data.demand, existing: data.existing, travelMinutes: data.travelMinutes }) });
  return data.location ? { ...problem, location: data.location } : problem;
}

/** Median of timings in ms. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
