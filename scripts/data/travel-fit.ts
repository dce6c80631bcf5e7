/**
 * Fitting the land/sea travel model (`src/geo/travel-model.ts`) to TØI's travel times, and its k-fold
 * cross-validated error.
 *
 * The model is minutes = a + b · C(D, m, r, p), with C the least path cost in land-km equivalents when land more
 * than D km from every populated place costs m land-km per km, sea r land-km per km and a ferry crossing p land-km.
 * For fixed (D, m, r, p) the path costs are fixed and (a, b) is a least-absolute-deviations line (exact:
 * `fitLad`). (D, m, r, p) is chosen on a grid by the smallest sum of absolute residuals. The parameters are then
 * interceptMin = a, landMinPerKm = b, remoteLandMinPerKm = b·m, remoteKm = D, seaMinPerKm = b·r,
 * ferryPenaltyMin = b·p.
 *
 * Cross-validation (Stone 1974; Hastie, Tibshirani & Friedman, "Elements of Statistical Learning" §7.10): the
 * pairs are split into k folds (by position in kommunenummer order, i mod k); each fold is predicted by the
 * model fitted, grid search included, on the other k − 1 folds. The reported errors are those held-out errors.
 */
import { CostDistance } from '../../src/geo/cost-distance';
import type { LandGrid, LandSnap } from '../../src/geo/land-grid';
import type { LandSeaParams } from '../../src/geo/travel-model';
import { fitLad, quantile } from './calibration';

/** One calibration pair on the grid. */
export interface GridPair {
  from: LandSnap;
  /** The region's centre(s); the pair's cost is to the nearest. */
  to: readonly LandSnap[];
  observedMin: number;
}

/** The search grid; see the file comment. */
export interface RateGrid {
  remoteKm: readonly number[];
  remoteRatios: readonly number[];
  seaRatios: readonly number[];
  ferryLandKm: readonly number[];
}

/**
 * Default grid (288 points): remote land beyond 4 or 6 km at 1–1.6 × land; sea 1.5–3 × land; ferry 15–30
 * land-km. A coarser first pass over sea 1–6, ferry 0–60 and remote 1–2.5 found the optimum well inside these
 * ranges.
 */
export const defaultRateGrid: RateGrid = {
  remoteKm: [4, 6],
  remoteRatios: [1, 1.1, 1.2, 1.3, 1.4, 1.6],
  seaRatios: [1.5, 2, 2.5, 3],
  ferryLandKm: [15, 17.5, 20, 22.5, 25, 30],
};

/** Path costs (land-km equivalents) and ferry crossings of every pair under one grid point. */
export interface PairCosts {
  remoteKm: number;
  remoteRatio: number;
  seaRatio: number;
  ferryLandKm: number;
  cost: Float64Array;
  crossings: Uint8Array;
}

/**
 * Runs one search per distinct destination cell and reads every pair's cost and crossings. The grid's remote
 * land must already be marked for `remoteKm` (`markRemoteLand`).
 */
export function pairCosts(grid: LandGrid, pairs: readonly GridPair[], point: Omit<PairCosts, 'cost' | 'crossings'>): PairCosts {
  const { remoteRatio, seaRatio, ferryLandKm } = point;
  const search = new CostDistance(grid, { landPerKm: 1, remoteLandPerKm: remoteRatio, seaPerKm: seaRatio, ferryPenalty: ferryLandKm });
  const byTo = new Map<number, { pair: number; offsetKm: number }[]>();
  pairs.forEach((p, i) => p.to.forEach((t) => byTo.set(t.cell, [...(byTo.get(t.cell) ?? []), { pair: i, offsetKm: t.offsetKm }])));
  const cost = new Float64Array(pairs.length).fill(Infinity);
  const crossings = new Uint8Array(pairs.length);
  for (const [cell, list] of [...byTo.entries()].sort((a, b) => a[0] - b[0])) {
    search.run([{ cell, cost: 0 }], { targets: list.map((x) => pairs[x.pair].from.cell) });
    for (const { pair, offsetKm } of list) {
      const c = search.cost(pairs[pair].from.cell) + pairs[pair].from.offsetKm + offsetKm;
      if (c < cost[pair]) {
        cost[pair] = c;
        crossings[pair] = search.crossings(pairs[pair].from.cell);
      }
    }
  }
  return { ...point, cost, crossings };
}

/** A fitted model on a subset of pairs. */
export interface FitResult {
  params: LandSeaParams;
  /** Index of the chosen grid point in the list passed to `fitOnSubset`. */
  choice: number;
  loss: number;
}

/** Fits (a, b) for every grid point on the given pairs and keeps the smallest sum of absolute residuals. */
export function fitOnSubset(all: readonly PairCosts[], observed: readonly number[], subset: readonly number[]): FitResult {
  let best: FitResult | null = null;
  all.forEach((pc, choice) => {
    const xs = subset.map((i) => pc.cost[i]);
    const ys = subset.map((i) => observed[i]);
    const { a, b } = fitLad(xs, ys);
    if (!(b > 0)) return;
    const loss = subset.reduce((s, i) => s + Math.abs(observed[i] - a - b * pc.cost[i]), 0);
    if (!best || loss < best.loss - 1e-9) {
      best = {
        choice, loss,
        params: {
          interceptMin: a, landMinPerKm: b, remoteLandMinPerKm: b * pc.remoteRatio, remoteKm: pc.remoteKm,
          seaMinPerKm: b * pc.seaRatio, ferryPenaltyMin: b * pc.ferryLandKm,
        },
      };
    }
  });
  if (!best) throw new Error('travel fit: no grid point gave a positive land rate');
  return best;
}

/** Held-out predictions of k-fold cross-validation, one per pair. */
export interface CrossValidation {
  k: number;
  predicted: Float64Array;
  /** Ferry crossings on the route of the fold's model. */
  crossings: Uint8Array;
  /** The parameters chosen in each fold (shows how stable the fit is). */
  foldParams: LandSeaParams[];
}

/** k-fold cross-validation with the grid search inside each fold. */
export function crossValidate(all: readonly PairCosts[], observed: readonly number[], k = 10): CrossValidation {
  const n = observed.length;
  const predicted = new Float64Array(n);
  const crossings = new Uint8Array(n);
  const foldParams: LandSeaParams[] = [];
  for (let f = 0; f < k; f++) {
    const train: number[] = [];
    const test: number[] = [];
    for (let i = 0; i < n; i++) (i % k === f ? test : train).push(i);
    const fit = fitOnSubset(all, observed, train);
    foldParams.push(fit.params);
    const pc = all[fit.choice];
    for (const i of test) {
      predicted[i] = fit.params.interceptMin + fit.params.landMinPerKm * pc.cost[i];
      crossings[i] = pc.crossings[i];
    }
  }
  return { k, predicted, crossings, foldParams };
}

/** Error summary (estimate − observed) of a group of pairs. */
export interface ErrorStats {
  n: number;
  medianAbsErrorMin: number;
  p90AbsErrorMin: number;
  meanErrorMin: number;
  medianErrorMin: number;
}

/** Summarises errors over the indices given (all when omitted). */
export function errorStats(predicted: ArrayLike<number>, observed: readonly number[], indices?: readonly number[]): ErrorStats {
  const idx = indices ?? observed.map((_, i) => i);
  if (idx.length === 0) return { n: 0, medianAbsErrorMin: NaN, p90AbsErrorMin: NaN, meanErrorMin: NaN, medianErrorMin: NaN };
  const err = idx.map((i) => predicted[i] - observed[i]);
  const abs = err.map(Math.abs);
  return {
    n: idx.length,
    medianAbsErrorMin: quantile(abs, 0.5),
    p90AbsErrorMin: quantile(abs, 0.9),
    meanErrorMin: err.reduce((a, b) => a + b, 0) / err.length,
    medianErrorMin: quantile(err, 0.5),
  };
}
