/**
 * Location problems: demand points × candidate sites, with existing (fixed) sites already open.
 *
 * Converts once to flat 64-bit typed arrays: a dense demand × candidate cost matrix (Float64Array,
 * minutes or any distance unit; Infinity = unreachable) and, per demand point, the cost to its
 * nearest fixed site. Costs come either from a precomputed matrix or from straight-line distance
 * (haversine; Sinnott 1984, mean Earth radius 6371.0088 km) passed through a `travelMinutes(km)`
 * function (the app passes its travel model; the engine never imports it). Everything stays in
 * IEEE-754 double precision end to end, so a cost of 45.000001 is never rounded onto a radius of 45.
 *
 * Radius rule (documented, exact): a demand point is within radius R of a site when its cost is
 * ≤ R, compared in double precision with no tolerance.
 *
 * The sparse views built here are exact reductions, not approximations:
 * - coverage (MCLP, Church & ReVelle 1974): a candidate only matters for demand points within the
 *   radius that no fixed site already covers;
 * - access (p-median, Hakimi 1964; ReVelle & Swain 1970, with fixed sites): a demand point is only
 *   ever reassigned to a candidate strictly closer than its nearest fixed site, so only those
 *   (demand, candidate) pairs enter the model;
 * - beyond (Σ weight × max(0, cost − T), "minutes beyond the limit"): the p-median on the costs
 *   max(0, c − T), since max(0, min_j c_j − T) = min_j max(0, c_j − T); only pairs that shorten a
 *   point's time beyond T enter.
 * Access penalty for a demand point that no fixed site reaches: its cost counts as the largest finite
 * cost to any candidate (as if served by the farthest reachable one), so the objective stays finite.
 */

import { EARTH_RADIUS_KM } from './sphere';
import { ExactSum, exactSum } from './sum';

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

/**
 * Precomputed costs (64-bit). `candidate` is demand-major (nDemand × nCandidates). Fixed sites are
 * given either as the full nDemand × nFixed matrix `fixed`, or already reduced to the cost to the
 * nearest fixed site per demand point (`fixedNearest`, nDemand). Infinity = unreachable.
 */
export interface CostMatrix {
  candidate: Float64Array;
  fixed?: Float64Array;
  fixedNearest?: Float64Array;
}

/** Input for `buildLocationProblem`. Provide coordinates, or a cost matrix, or both. */
export interface LocationInput {
  demand: readonly DemandPoint[];
  candidates: readonly SitePoint[];
  fixed?: readonly SitePoint[];
  /** Converts straight-line km to the cost unit (e.g. drive minutes). Default: identity (km). */
  travelMinutes?: (km: number) => number;
  /** Precomputed costs; when given, coordinates are not used. */
  costs?: CostMatrix;
}

/** A location problem as flat arrays. */
export interface LocationProblem {
  readonly nDemand: number;
  readonly nCandidates: number;
  readonly candidateIds: readonly string[];
  readonly demandWeight: Float64Array;
  /** nDemand × nCandidates, demand-major. */
  readonly candidateCost: Float64Array;
  /** Cost to the nearest fixed site (Infinity when none). */
  readonly fixedCost: Float64Array;
  /** The cost counted for a demand point that no open site reaches (see file comment). */
  readonly penaltyCost: Float64Array;
  /** Σ weights (exactly rounded sum). */
  readonly totalWeight: number;
  /** True when every weight is a whole number: coverage values are then exact integers. */
  readonly integerWeights: boolean;
}

function checkPoints(name: string, points: readonly { lon: number; lat: number }[]): void {
  points.forEach((p, i) => {
    if (!Number.isFinite(p.lon) || !Number.isFinite(p.lat)) throw new Error(`${name}[${i}] needs finite lon and lat`);
  });
}

function checkMatrix(name: string, m: unknown, length: number, cols: number): Float64Array {
  if (!(m instanceof Float64Array)) throw new Error(`${name} must be a Float64Array (64-bit costs), got ${Object.prototype.toString.call(m)}`);
  if (m.length !== length) throw new Error(`${name} must have ${length} entries, got ${m.length}`);
  for (let e = 0; e < m.length; e++) {
    const c = m[e];
    if (!(c >= 0)) throw new Error(`${name}[demand ${Math.floor(e / Math.max(1, cols))}, site ${e % Math.max(1, cols)}] must be a number ≥ 0 or Infinity, got ${c}`);
  }
  return m;
}

/**
 * Builds a location problem.
 * @throws Error naming the point when a weight or coordinate is not finite, or naming the matrix
 *   entry when a cost is negative/NaN, a matrix is not a Float64Array or has the wrong size
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
  let candidateCost: Float64Array;
  const fixedCost = new Float64Array(nD).fill(Infinity);
  if (input.costs) {
    candidateCost = checkMatrix('costs.candidate', input.costs.candidate, nD * nC, nC);
    if (input.costs.fixedNearest !== undefined) {
      fixedCost.set(checkMatrix('costs.fixedNearest', input.costs.fixedNearest, nD, 1));
    } else {
      const m = checkMatrix('costs.fixed', input.costs.fixed ?? new Float64Array(0), nD * nF, nF);
      reduceNearest(m, nD, nF, fixedCost);
    }
  } else {
    checkPoints('demand', demand);
    checkPoints('candidates', candidates);
    checkPoints('fixed', fixed);
    const toCost = input.travelMinutes ?? ((km: number) => km);
    candidateCost = straightLineCosts(demand, candidates, toCost);
    reduceNearest(straightLineCosts(demand, fixed, toCost), nD, nF, fixedCost);
  }
  const penaltyCost = new Float64Array(nD);
  for (let i = 0; i < nD; i++) {
    let worst = 0;
    for (let j = 0; j < nC; j++) {
      const c = candidateCost[i * nC + j];
      if (c < Infinity && c > worst) worst = c;
    }
    penaltyCost[i] = Math.max(worst, fixedCost[i] < Infinity ? fixedCost[i] : 0);
  }
  const demandWeight = Float64Array.from(demand, (d) => d.weight);
  return {
    nDemand: nD, nCandidates: nC, candidateIds: candidates.map((c) => c.id), demandWeight, candidateCost, fixedCost, penaltyCost,
    totalWeight: exactSum(demandWeight), integerWeights: demandWeight.every((w) => Number.isInteger(w)),
  };
}

function reduceNearest(matrix: Float64Array, nD: number, nF: number, out: Float64Array): void {
  for (let i = 0; i < nD; i++) for (let f = 0; f < nF; f++) if (matrix[i * nF + f] < out[i]) out[i] = matrix[i * nF + f];
}

function straightLineCosts(demand: readonly DemandPoint[], sites: readonly SitePoint[], toCost: (km: number) => number): Float64Array {
  const nS = sites.length;
  const out = new Float64Array(demand.length * nS);
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

/** Coverage view for a radius (see `coverageLists`). */
export interface CoverageView {
  lists: SparseLists;
  /** Weight already within the radius of a fixed site. */
  fixedCovered: number;
  /** Weight that some candidate could newly bring within the radius. */
  coverable: number;
}

/** Access view: savings per (candidate, demand) pair against each point's base cost. */
export interface AccessView {
  lists: SparseLists;
  /** Per demand point: the cost it counts at with no candidate open. */
  baseCost: Float64Array;
  /** Σ weight × baseCost (exactly rounded). */
  baseTotal: number;
}

const coverageCache = new WeakMap<LocationProblem, Map<number, CoverageView>>();
const accessCache = new WeakMap<LocationProblem, Map<number, AccessView>>();

/**
 * Coverage view for a radius: per candidate, the demand points with cost ≤ `radius` that no fixed site
 * covers (value = 1), plus the weight the fixed sites already cover. Memoised per problem and radius.
 */
export function coverageLists(problem: LocationProblem, radius: number): CoverageView {
  let byRadius = coverageCache.get(problem);
  if (!byRadius) coverageCache.set(problem, (byRadius = new Map()));
  let view = byRadius.get(radius);
  if (!view) byRadius.set(radius, (view = buildCoverage(problem, radius)));
  return view;
}

function buildCoverage(problem: LocationProblem, radius: number): CoverageView {
  const { nDemand: nD, nCandidates: nC, candidateCost, fixedCost, demandWeight } = problem;
  const fixedW: number[] = [];
  const coverableW: number[] = [];
  const lists = buildLists(nD, nC, (i, j) => (fixedCost[i] > radius && candidateCost[i * nC + j] <= radius ? 1 : NaN));
  const reach = new Uint8Array(nD);
  for (let e = 0; e < lists.index.length; e++) reach[lists.index[e]] = 1;
  for (let i = 0; i < nD; i++) {
    if (fixedCost[i] <= radius) fixedW.push(demandWeight[i]);
    else if (reach[i]) coverableW.push(demandWeight[i]);
  }
  return { lists, fixedCovered: exactSum(fixedW), coverable: exactSum(coverableW) };
}

/**
 * Access view (p-median): per candidate, the demand points it would serve better than their base cost
 * (nearest fixed site, or the penalty), with value = base − cost (the saving per unit weight).
 * With `beyond` = T, the same view on the costs max(0, c − T) ("minutes beyond the limit").
 */
export function accessLists(problem: LocationProblem, beyond: number | null = null): AccessView {
  const key = beyond === null ? -1 : beyond;
  let byKey = accessCache.get(problem);
  if (!byKey) accessCache.set(problem, (byKey = new Map()));
  let view = byKey.get(key);
  if (!view) byKey.set(key, (view = buildAccess(problem, beyond)));
  return view;
}

function buildAccess(problem: LocationProblem, beyond: number | null): AccessView {
  const { nDemand: nD, nCandidates: nC, candidateCost, demandWeight } = problem;
  const shift = (c: number): number => (beyond === null ? c : Math.max(0, c - beyond));
  const baseCost = accessBaseCost(problem).map(shift);
  const lists = buildLists(nD, nC, (i, j) => {
    const c = shift(candidateCost[i * nC + j]);
    return c < baseCost[i] ? baseCost[i] - c : NaN;
  });
  return { lists, baseCost, baseTotal: exactSum(Array.from(baseCost, (b, i) => demandWeight[i] * b)) };
}

const siteMajorCache = new WeakMap<LocationProblem, Float64Array>();

/**
 * The candidate costs transposed (nCandidates × nDemand, site-major), built once per problem: scanning
 * one site's costs to every demand point is then a contiguous read.
 */
export function siteMajorCosts(problem: LocationProblem): Float64Array {
  let t = siteMajorCache.get(problem);
  if (!t) {
    const { nDemand: nD, nCandidates: nC, candidateCost } = problem;
    t = new Float64Array(nD * nC);
    for (let i = 0; i < nD; i++) for (let j = 0; j < nC; j++) t[j * nD + i] = candidateCost[i * nC + j];
    siteMajorCache.set(problem, t);
  }
  return t;
}

/** Per demand point: cost to the nearest fixed site, or the penalty cost when none reaches it. */
export function accessBaseCost(problem: LocationProblem): Float64Array {
  return problem.fixedCost.map((f, i) => (f < Infinity ? f : problem.penaltyCost[i]));
}

/**
 * Population-weighted minutes each candidate saves on its own: Σ_i w_i · max(0, base_i − c_ij), base_i the demand
 * point's cost to the nearest existing site (or its penalty). Summed exactly (`ExactSum`), so the figure does not
 * depend on the order of the demand points. The planning layer's tie-break priority (`SelectionCandidate.priority`).
 */
export function standaloneSavings(problem: LocationProblem): Float64Array {
  const { nDemand: nD, nCandidates: nC, candidateCost, demandWeight } = problem;
  const base = accessBaseCost(problem);
  const sums = Array.from({ length: nC }, () => new ExactSum());
  for (let i = 0; i < nD; i++) {
    const row = i * nC;
    for (let j = 0; j < nC; j++) {
      const c = candidateCost[row + j];
      if (c < base[i]) sums[j].add(demandWeight[i] * (base[i] - c));
    }
  }
  return Float64Array.from(sums, (s) => s.value());
}

/** Builds per-candidate lists from `valueOf(i, j)` (NaN = no entry) in two passes over the matrix. */
function buildLists(nD: number, nC: number, valueOf: (i: number, j: number) => number): SparseLists {
  const start = new Int32Array(nC + 1);
  for (let i = 0; i < nD; i++) {
    for (let j = 0; j < nC; j++) {
      const v = valueOf(i, j);
      if (v === v) start[j + 1]++;
    }
  }
  for (let j = 0; j < nC; j++) start[j + 1] += start[j];
  const cursor = start.slice(0, nC);
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
