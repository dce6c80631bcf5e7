/**
 * Location problems: demand points × candidate sites, with existing (fixed) sites already open.
 *
 * Converts once to flat typed arrays: a dense demand × candidate cost matrix (Float32Array, minutes
 * or any distance unit; Infinity = unreachable) and, per demand point, the cost to its nearest fixed
 * site. Costs come either from a precomputed matrix or from straight-line distance (haversine;
 * Sinnott 1984, mean Earth radius 6371.0088 km) passed through a `travelMinutes(km)` function (the app
 * passes the calibrated model from `src/geo/travel.ts`; the engine never imports it).
 *
 * The sparse views built here are exact reductions, not approximations:
 * - coverage (MCLP, Church & ReVelle 1974): a candidate only matters for demand points within the
 *   radius that no fixed site already covers;
 * - access (p-median, Hakimi 1964; ReVelle & Swain 1970, with fixed sites): a demand point is only
 *   ever reassigned to a candidate strictly closer than its nearest fixed site, so only those
 *   (demand, candidate) pairs enter the model.
 * Access penalty for a demand point that no fixed site reaches: its cost counts as the largest finite
 * cost to any candidate (as if served by the farthest reachable one), so the objective stays finite.
 */

import { EARTH_RADIUS_KM, haversineKmScalar } from '../geo/distance';

const RAD = Math.PI / 180;

/** A demand point: where people are. `weight` is usually residents. */
export interface DemandPoint {
  id?: string;
  lon: number;
  lat: number;
  weight: number;
}

/** A site (candidate or fixed) at `[lon, lat]`. */
export interface SitePoint {
  id: string;
  lon: number;
  lat: number;
}

/** Input for `buildLocationProblem`. Provide coordinates, or a cost matrix, or both. */
export interface LocationInput {
  demand: readonly DemandPoint[];
  candidates: readonly SitePoint[];
  fixed?: readonly SitePoint[];
  /** Converts straight-line km to the cost unit (e.g. drive minutes). Default: identity (km). */
  travelMinutes?: (km: number) => number;
  /**
   * Precomputed costs; when given, coordinates are not used. `candidate` is demand-major
   * (nDemand × nCandidates), `fixed` is nDemand × nFixed; Infinity = unreachable.
   */
  costs?: { candidate: Float32Array; fixed: Float32Array };
}

/** A location problem as flat arrays. */
export interface LocationProblem {
  readonly nDemand: number;
  readonly nCandidates: number;
  readonly candidateIds: readonly string[];
  readonly demandWeight: Float64Array;
  /** nDemand × nCandidates, demand-major. */
  readonly candidateCost: Float32Array;
  /** Cost to the nearest fixed site (Infinity when none). */
  readonly fixedCost: Float64Array;
  /** The cost counted for a demand point that no open site reaches (see file comment). */
  readonly penaltyCost: Float64Array;
  readonly totalWeight: number;
}

/**
 * Great-circle distance in km between two `[lon, lat]` points in degrees (haversine formula; the
 * one implementation lives in `src/geo/distance.ts`).
 */
export const haversineKm = haversineKmScalar;

function checkPoints(name: string, points: readonly { lon: number; lat: number }[]): void {
  points.forEach((p, i) => {
    if (!Number.isFinite(p.lon) || !Number.isFinite(p.lat)) throw new Error(`${name}[${i}] needs finite lon and lat`);
  });
}

/**
 * Builds a location problem.
 * @throws Error naming the point when a weight or coordinate is not finite, or a matrix has the wrong size
 */
export function buildLocationProblem(input: LocationInput): LocationProblem {
  const { demand, candidates } = input;
  const fixed = input.fixed ?? [];
  const nD = demand.length;
  const nC = candidates.length;
  const nF = fixed.length;
  demand.forEach((d, i) => {
    if (!Number.isFinite(d.weight) || d.weight < 0) throw new Error(`demand[${i}].weight must be a finite number ≥ 0`);
  });
  let candidateCost: Float32Array;
  let fixedMatrix: Float32Array;
  if (input.costs) {
    if (input.costs.candidate.length !== nD * nC) throw new Error('costs.candidate must have nDemand × nCandidates entries');
    if (input.costs.fixed.length !== nD * nF) throw new Error('costs.fixed must have nDemand × nFixed entries');
    candidateCost = input.costs.candidate;
    fixedMatrix = input.costs.fixed;
  } else {
    checkPoints('demand', demand);
    checkPoints('candidates', candidates);
    checkPoints('fixed', fixed);
    const toCost = input.travelMinutes ?? ((km: number) => km);
    candidateCost = straightLineCosts(demand, candidates, toCost);
    fixedMatrix = straightLineCosts(demand, fixed, toCost);
  }
  const fixedCost = new Float64Array(nD).fill(Infinity);
  const penaltyCost = new Float64Array(nD);
  let totalWeight = 0;
  for (let i = 0; i < nD; i++) {
    for (let f = 0; f < nF; f++) fixedCost[i] = Math.min(fixedCost[i], fixedMatrix[i * nF + f]);
    let worst = 0;
    for (let j = 0; j < nC; j++) {
      const c = candidateCost[i * nC + j];
      if (c < Infinity && c > worst) worst = c;
    }
    penaltyCost[i] = Math.max(worst, fixedCost[i] < Infinity ? fixedCost[i] : 0);
    totalWeight += demand[i].weight;
  }
  return {
    nDemand: nD, nCandidates: nC, candidateIds: candidates.map((c) => c.id),
    demandWeight: Float64Array.from(demand, (d) => d.weight), candidateCost, fixedCost, penaltyCost, totalWeight,
  };
}

function straightLineCosts(demand: readonly DemandPoint[], sites: readonly SitePoint[], toCost: (km: number) => number): Float32Array {
  const nS = sites.length;
  const out = new Float32Array(demand.length * nS);
  const sLat = Float64Array.from(sites, (s) => s.lat * RAD);
  const sLon = Float64Array.from(sites, (s) => s.lon * RAD);
  const sCos = sLat.map(Math.cos);
  demand.forEach((d, i) => {
    const lat = d.lat * RAD;
    const lon = d.lon * RAD;
    const cosLat = Math.cos(lat);
    for (let j = 0; j < nS; j++) {
      const h = Math.sin((sLat[j] - lat) / 2) ** 2 + cosLat * sCos[j] * Math.sin((sLon[j] - lon) / 2) ** 2;
      out[i * nS + j] = toCost(2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h))));
    }
  });
  return out;
}

/** A compressed sparse list: for item j, entries `index[start[j]..start[j+1])` with `value`s. */
export interface SparseLists {
  readonly start: Int32Array;
  readonly index: Int32Array;
  readonly value: Float64Array;
}

/**
 * Coverage view for a radius: per candidate, the demand points within `radius` that no fixed site
 * covers (value = 1), plus the weight the fixed sites already cover.
 */
export function coverageLists(problem: LocationProblem, radius: number): { lists: SparseLists; fixedCovered: number; coverable: number } {
  // Memoised per problem object and radius (problems are immutable), so re-ranking with new weights
  // does not rebuild the lists.
  let byRadius = coverageCache.get(problem);
  if (!byRadius) coverageCache.set(problem, (byRadius = new Map()));
  const hit = byRadius.get(radius);
  if (hit) return hit;
  const built = buildCoverageLists(problem, radius);
  byRadius.set(radius, built);
  return built;
}

type CoverageView = { lists: SparseLists; fixedCovered: number; coverable: number };
const coverageCache = new WeakMap<LocationProblem, Map<number, CoverageView>>();
const accessCache = new WeakMap<LocationProblem, { lists: SparseLists; baseCost: Float64Array }>();

function buildCoverageLists(problem: LocationProblem, radius: number): CoverageView {
  const { nDemand: nD, nCandidates: nC, candidateCost, fixedCost, demandWeight } = problem;
  const counts = new Int32Array(nC + 1);
  let fixedCovered = 0;
  let coverable = 0;
  for (let i = 0; i < nD; i++) {
    if (fixedCost[i] <= radius) { fixedCovered += demandWeight[i]; continue; }
    let any = false;
    for (let j = 0; j < nC; j++) if (candidateCost[i * nC + j] <= radius) { counts[j + 1]++; any = true; }
    if (any) coverable += demandWeight[i];
  }
  return { lists: fill(problem, counts, (i, j) => (fixedCost[i] > radius && candidateCost[i * nC + j] <= radius ? 1 : NaN)), fixedCovered, coverable };
}

/**
 * Access view: per candidate, the demand points it would serve better than their current base cost
 * (nearest fixed site, or the penalty), with value = base − cost (the saving per unit weight).
 */
export function accessLists(problem: LocationProblem): { lists: SparseLists; baseCost: Float64Array } {
  const hit = accessCache.get(problem);
  if (hit) return hit;
  const { nDemand: nD, nCandidates: nC, candidateCost } = problem;
  const baseCost = accessBaseCost(problem);
  const counts = new Int32Array(nC + 1);
  for (let i = 0; i < nD; i++) {
    for (let j = 0; j < nC; j++) if (candidateCost[i * nC + j] < baseCost[i]) counts[j + 1]++;
  }
  const built = { lists: fill(problem, counts, (i, j) => (candidateCost[i * nC + j] < baseCost[i] ? baseCost[i] - candidateCost[i * nC + j] : NaN)), baseCost };
  accessCache.set(problem, built);
  return built;
}

/** Per demand point: cost to the nearest fixed site, or the penalty cost when none reaches it. */
export function accessBaseCost(problem: LocationProblem): Float64Array {
  return problem.fixedCost.map((f, i) => (f < Infinity ? f : problem.penaltyCost[i]));
}

function fill(problem: LocationProblem, counts: Int32Array, valueOf: (i: number, j: number) => number): SparseLists {
  const { nDemand: nD, nCandidates: nC } = problem;
  for (let j = 0; j < nC; j++) counts[j + 1] += counts[j];
  const start = counts.slice();
  const cursor = counts.slice(0, nC);
  const index = new Int32Array(start[nC]);
  const value = new Float64Array(start[nC]);
  for (let i = 0; i < nD; i++) {
    for (let j = 0; j < nC; j++) {
      const v = valueOf(i, j);
      if (v !== v) continue;
      index[cursor[j]] = i;
      value[cursor[j]++] = v;
    }
  }
  return { start, index, value };
}
