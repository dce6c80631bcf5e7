/**
 * The proposal's selection problem over every candidate site: all populated places of `data/sites.csv` and the
 * offered premises (`context.allSites`, several per municipality), at most one per municipality, with minutes from
 * the scenario's travel-time matrix (`context.costsFor`). Built once per planning revision (≈ 3,000 demand points ×
 * ≈ 1,500 sites, 64-bit) and reused by every ranking, proposal and robustness run of that revision.
 *
 * Also the travel model's error as the engine uses it: the built-in model's cross-validated residuals
 * (`data/travel-calibration.csv`, TØI minus the fold model's estimate) for robustness sampling, and the error margin
 * of the "within the model's error" flag (`ERROR_MARGIN_QUANTILE` of their absolute values; see data/SOURCES.md).
 */
import type { Db } from '../db/connection';
import { getMeta } from '../db/load-dataset';
import {
  buildLocationProblem, buildSelectionProblem, standaloneSavings, type LocationProblem, type MunicipalityInput, type RankingResult, type SelectionProblem,
  type TravelError,
} from '../engine';
import { ERROR_MARGIN_QUANTILE } from '../model/proposal-settings';
import type { CandidateSite, PlanningContext } from './context';

/** Every candidate site of a revision and its location problem (candidates in `sites` order). */
export interface SiteProblem {
  sites: readonly CandidateSite[];
  location: LocationProblem;
  /** Site id → index in `sites` and in the location problem. */
  index: ReadonlyMap<string, number>;
  /** Population-weighted minutes each site saves on its own (`standaloneSavings`): the tie-break priority. */
  savings: Float64Array;
}

const problems = new WeakMap<PlanningContext, SiteProblem>();

/** The all-sites location problem of a planning context (built on first use, then kept with the context). */
export function siteProblem(context: PlanningContext): SiteProblem {
  const hit = problems.get(context);
  if (hit) return hit;
  const sites = context.allSites;
  const costs = context.costsFor(sites);
  // Same demand points (order, weights) and existing stations as the context's own problem; minutes from its matrix.
  const location = buildLocationProblem({
    demand: Array.from(context.location.demandWeight, (weight) => ({ lon: 0, lat: 0, weight })),
    candidates: sites.map((s) => ({ id: s.id, lon: s.lon, lat: s.lat })),
    costs: { candidate: costs.candidate, fixedNearest: context.location.fixedCost },
  });
  const out: SiteProblem = { sites, location, index: new Map(sites.map((s, i) => [s.id, i])), savings: standaloneSavings(location) };
  problems.set(context, out);
  return out;
}

/** The candidate sites as the engine's scenario input takes them, with their tie-break priority (minutes saved alone). */
export function siteInputs(problem: SiteProblem): { id: string; kommunenummer: string; lon: number; lat: number; kind: string; priority: number }[] {
  return problem.sites.map((s, j) => ({ id: s.id, kommunenummer: s.kommunenummer, lon: s.lon, lat: s.lat, kind: s.kind, priority: problem.savings[j] }));
}

/**
 * The selection problem of a ranking over every candidate site: each site inherits its municipality's score,
 * eligibility and police district; at most one site per municipality (the engine's default `maxPerGroup`).
 */
export function proposalProblem(context: PlanningContext, ranking: RankingResult, municipalities: readonly MunicipalityInput[]): SelectionProblem {
  const sp = siteProblem(context);
  const { candidates } = buildSelectionProblem({ municipalities, ranking, sites: siteInputs(sp) });
  return { candidates, location: sp.location };
}

/** The travel model's error as the proposal and its robustness use it. */
export interface TravelErrorModel {
  /** For robustness sampling (one relative residual per demand point and sample, bootstrap; multiplicative). */
  error: TravelError;
  /** The margin of the within-error flag, minutes. */
  marginMin: number;
  /** Which quantile of |residual| the margin is. */
  quantile: number;
  /** Number of residuals (calibration pairs). */
  count: number;
  /**
   * `builtin-cv`: the built-in model's own cross-validated residuals; `builtin-cv-for-imported`: the same residuals
   * standing in for an imported router matrix, whose own error is unknown (a conservative stand-in).
   */
  source: 'builtin-cv' | 'builtin-cv-for-imported';
}

let residualCache: { hash: string; minutes: number[]; relative: number[] } | null = null;

function loadedResiduals(db: Db): { minutes: number[]; relative: number[] } {
  const hash = getMeta(db, 'data_hash') ?? '';
  if (!residualCache || residualCache.hash !== hash) {
    const numbers = (key: string): number[] => {
      const parsed = JSON.parse(getMeta(db, key) ?? '[]') as unknown;
      return Array.isArray(parsed) ? parsed.filter((r): r is number => typeof r === 'number' && Number.isFinite(r)) : [];
    };
    residualCache = { hash, minutes: numbers('travel_residuals'), relative: numbers('travel_relative_residuals') };
  }
  return residualCache;
}

/** The built-in model's cross-validated residuals in minutes (TØI − estimate) as loaded into the database (empty when absent). */
export function travelResiduals(db: Db): number[] {
  return loadedResiduals(db).minutes;
}

/**
 * The `q`-quantile of |residuals| by the nearest-rank method (the value at rank ⌈q · n⌉ of the sorted values).
 * @throws Error when `residuals` is empty or `q` is not in (0, 1]
 */
export function absQuantile(residuals: readonly number[], q: number): number {
  if (residuals.length === 0) throw new Error('residuals must not be empty');
  if (!(q > 0 && q <= 1)) throw new Error('q must be in (0, 1]');
  const sorted = residuals.map(Math.abs).sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
}

/**
 * The travel error of a context's model, or null when no residuals are loaded (then nothing is flagged or sampled).
 * The flag's margin is in minutes (a quantile of |TØI − estimate|); the robustness samples the relative residuals
 * (each point's drive times × (1 + r)), so the error of a trip grows with its length: the calibration trips are
 * 12–89 minutes, and adding their minute errors to 10-minute city trips put Oslo into the 45-minute set.
 */
export function travelErrorOf(db: Db, context: PlanningContext): TravelErrorModel | null {
  const { minutes, relative } = loadedResiduals(db);
  if (minutes.length === 0 || relative.length !== minutes.length) return null;
  return {
    error: { residuals: relative, kind: 'multiplicative' },
    marginMin: absQuantile(minutes, ERROR_MARGIN_QUANTILE),
    quantile: ERROR_MARGIN_QUANTILE,
    count: minutes.length,
    source: context.travelModel.kind === 'builtin' ? 'builtin-cv' : 'builtin-cv-for-imported',
  };
}
