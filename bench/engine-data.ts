/**
 * Bench input: the real data files when they exist (loaded into an in-memory database exactly as the app
 * loads them, minutes from the built-in land/sea model's matrix data/travel-times.txt), else the seeded
 * synthetic Norway instance (straight-line km through a synthetic drive-time function). Answers are not
 * part of the data files, so with real data everyone is eligible.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSelectionProblem, defaultSites, type CandidateSiteInput, type DemandPoint, type LocationProblem, type MunicipalityInput,
  type RankingResult, type SelectionProblem, type SitePoint,
} from '../src/engine';
import { readDataset } from '../src/data/dataset';
import { openDatabase } from '../src/db/connection';
import { loadDataset } from '../src/db/load-dataset';
import { listDemandPoints, listStations } from '../src/db/municipalities-repo';
import { planningContext, type PlanningContext } from '../src/planning/context';
import { parseCsvRecords } from '../src/common/csv';
import { syntheticNorway } from './engine-synthetic';

export interface BenchData {
  label: string;
  municipalities: MunicipalityInput[];
  demand: DemandPoint[];
  /** Kommunenummer of each demand point (same order as `demand`). */
  demandKommune: string[];
  existing: SitePoint[];
  /** Straight-line km → minutes (synthetic instance; on the real one a stand-in for file-reading benches only). */
  travelMinutes: (km: number) => number;
  /** Travel-model residuals (TØI − model minutes; cross-validated on the real data) for robustness benches. */
  residuals: number[];
  /** The real instance's planning context (matrix minutes, every candidate site). */
  context?: PlanningContext;
}

const DATA = join(__dirname, '..', 'data');
const FILES = ['municipalities.csv', 'demand-points.csv', 'sites.csv', 'stations.csv', 'indicators.csv', 'travel-model.json', 'travel-times.txt', 'travel-calibration.csv'];

/** Loads the real data if all files exist, otherwise the synthetic instance. */
export function loadBenchData(): BenchData {
  if (!FILES.every((f) => existsSync(join(DATA, f)))) {
    const synthetic = syntheticNorway({ withAnswers: false });
    return {
      label: 'synthetic Norway (seed 2022; real data files not found)', ...synthetic,
      demandKommune: synthetic.demand.map((d) => synthetic.municipalities[Number(String(d.id).split('-')[0])].kommunenummer),
      residuals: [-20, -8, -4, -2, 0, 0, 1, 3, 6, 12, 25, 40],
    };
  }
  const db = openDatabase(':memory:');
  loadDataset(db, readDataset(DATA));
  const context = planningContext(db);
  const demandRows = listDemandPoints(db);
  const calibration = parseCsvRecords(readFileSync(join(DATA, 'travel-calibration.csv'), 'utf8')).records.map((r) => r.values);
  return {
    label: 'real data (data/*, built-in land/sea matrix)', municipalities: context.inputs,
    demand: demandRows.map((d) => ({ id: d.id, lon: d.lon, lat: d.lat, weight: d.population })),
    demandKommune: demandRows.map((d) => d.kommunenummer),
    existing: listStations(db).map((s) => ({ id: s.id, lon: s.lon, lat: s.lat })),
    // Only for benches that write coordinate-only instances (e.g. the distance-file reader): the
    // earlier straight-line model's fit (9.2 min + 0.90 min/km); planning reads matrix minutes.
    travelMinutes: (km) => 9.2 + 0.9 * km,
    residuals: calibration.map((r) => Number(r.toi_min) - Number(r.cv_estimated_min)),
    context,
  };
}

/**
 * Candidate sites below municipality level: the real instance's populated places and premises
 * (`context.allSites`), or on the synthetic instance each municipality's own site plus every demand point.
 */
export function multiSites(data: BenchData): CandidateSiteInput[] {
  if (data.context) return data.context.allSites.map((s) => ({ id: s.id, kommunenummer: s.kommunenummer, lon: s.lon, lat: s.lat, kind: s.kind }));
  return [
    ...defaultSites(data.municipalities),
    ...data.demand.map((d, i) => ({ id: `pt-${d.id ?? i}`, kommunenummer: data.demandKommune[i], lon: d.lon, lat: d.lat, kind: 'place' })),
  ];
}

/** The selection problem of a bench instance, one site per municipality (no `sites`) or the given sites. */
export function problemOf(data: BenchData, ranking: RankingResult, sites?: readonly CandidateSiteInput[]): SelectionProblem {
  const context = data.context;
  if (!context) return buildSelectionProblem({ ...data, ranking, sites });
  if (!sites) return { ...buildSelectionProblem({ municipalities: data.municipalities, ranking }), location: context.location };
  const costs = context.costsFor(sites.map((s) => ({ ...s, kind: s.kind === 'premises' ? ('premises' as const) : ('place' as const) })));
  return buildSelectionProblem({ municipalities: data.municipalities, ranking, sites, demand: data.demand, existing: data.existing, costs });
}

/** The location problem alone (for robustness benches). */
export function locationOf(data: BenchData, ranking: RankingResult, sites?: readonly CandidateSiteInput[]): LocationProblem {
  return problemOf(data, ranking, sites).location!;
}

/** Median of timings in ms. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
