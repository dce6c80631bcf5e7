/**
 * Robustness of a ranking and a chosen set to the weights, by seeded Monte Carlo weight sampling in
 * the spirit of SMAA (Stochastic Multicriteria Acceptability Analysis; Lahdelma, Hokkanen &
 * Salminen 1998, EJOR 106: rank acceptability indices).
 *
 * Weight samples (over the criteria with weight > 0 in the scenario; zero weights stay zero):
 * - `around` (default): Dirichlet(κ · w) with w the scenario's weights scaled to sum 1 and κ the
 *   `concentration` (default 50): mean = the chosen weights, larger κ = tighter around them;
 * - `simplex`: Dirichlet(1, …, 1), uniform on the simplex of those criteria.
 * Per sample the precomputed normalised matrix is re-aggregated (no re-normalisation), ranked with
 * the documented tie-break (scores compared at about 1e-5 point resolution), and counted. Ranks are over all municipalities; percentiles use the
 * nearest-rank method on the sampled ranks. `pTopK` = share of samples where the municipality is
 * among the K best eligible by score. `pInSet` = share of samples where the constrained greedy
 * selection (objective `score` or `blend`, with the scenario's rules) picks it; it is computed on the
 * first `setSamples` samples (default 1,000) to keep 10,000-sample runs fast. For `coverage` and
 * `access` the set does not depend on the weights, so pInSet is 0 or 1 (one solve).
 */
import { columnRanges, createWsmScorer, topsisInto, weightedSumInto } from './aggregate';
import type { MunicipalityInput } from './criteria';
import { greedySelect } from './greedy';
import type { LocationProblem } from './location';
import { prepareObjective } from './objective';
import { createRng } from './random';
import { prepareRanking, type RankOptions } from './rank';
import { defaultSelectionOptions, diagnose, type SelectionOptions, type SelectionProblem } from './selection';

/** Options for `robustness`. */
export interface RobustnessOptions {
  samples: number;
  seed: number;
  mode: 'around' | 'simplex';
  concentration: number;
  /** Size of the top-K and of the chosen set. */
  k: number;
  /** Samples used for pInSet (greedy per sample); at most `samples`. */
  setSamples: number;
  /** Selection rules for pInSet (objective, district min/max, include/exclude, radius, blendAlpha). */
  selection: Partial<Omit<SelectionOptions, 'k' | 'method'>>;
}

/** Default robustness options: 1,000 samples, seed 1, around the weights with κ = 50, K = 20, score objective. */
export const defaultRobustnessOptions: RobustnessOptions = {
  samples: 1000, seed: 1, mode: 'around', concentration: 50, k: 20, setSamples: 1000, selection: { objective: 'score' },
};

/** Robustness figures for one municipality. */
export interface RobustnessItem {
  kommunenummer: string;
  eligible: boolean;
  /** Rank with the scenario's own weights. */
  rankBase: number;
  pInSet: number;
  pTopK: number;
  rankP05: number;
  rankMedian: number;
  rankP95: number;
}

/** Result of `robustness`. */
export interface RobustnessResult {
  items: RobustnessItem[];
  samples: number;
  setSamples: number;
  seed: number;
  mode: 'around' | 'simplex';
  notes: string[];
}

/**
 * Samples weights and reports, per municipality, pInSet, pTopK and its rank percentiles.
 * @param municipalities the municipalities (as for `rankMunicipalities`)
 * @param rankOptions the scenario's ranking options (weights, method, normalisation, wish gate)
 * @param options merged over `defaultRobustnessOptions`
 * @param location a location problem with candidates in the same order as `municipalities`, needed for coverage/access/blend sets
 * @throws Error naming the option on bad samples/k/concentration, or the weight on bad weights
 */
export function robustness(
  municipalities: readonly MunicipalityInput[], rankOptions: RankOptions = {},
  options: Partial<RobustnessOptions> = {}, location?: LocationProblem,
): RobustnessResult {
  const opts: RobustnessOptions = { ...defaultRobustnessOptions, ...options };
  if (!Number.isInteger(opts.samples) || opts.samples < 1) throw new Error('samples must be a whole number ≥ 1');
  if (!(opts.concentration > 0)) throw new Error('concentration must be > 0');
  const prep = prepareRanking(municipalities, rankOptions);
  const n = municipalities.length;
  // Only criteria with weight > 0 take part; a compact copy of their columns halves the hot loop.
  const active = prep.criteriaIds.map((_, c) => c).filter((c) => prep.weights[c] > 0);
  const m = active.length;
  const normalized = new Float64Array(n * m);
  for (let i = 0; i < n; i++) active.forEach((c, a) => (normalized[i * m + a] = prep.normalized[i * prep.criteriaIds.length + c]));
  const baseWeights = Float64Array.from(active, (c) => prep.weights[c]);
  const rng = createRng(opts.seed);
  const total = baseWeights.reduce((a, b) => a + b, 0);
  const alpha = Float64Array.from(baseWeights, (w) => (opts.mode === 'around' ? (opts.concentration * w) / total : 1));
  const tieRank = tieBreakRank(prep.matrix.ids, prep.population);
  const { lo, hi } = columnRanges(normalized, n, m);
  const set = setSampler(municipalities, prep.eligible, opts, location);
  const setSamples = set.weightDependent ? Math.min(opts.setSamples, opts.samples) : 0;

  const hist = new Int32Array(n * n);
  const inTopK = new Int32Array(n);
  const inSet = new Float64Array(n);
  const w = new Float64Array(m);
  const scores = new Float64Array(n);
  const order = new Int32Array(n);
  const wsm = createWsmScorer(normalized, n, m);
  const sortByScore = rankSorter(tieRank, scores, order);
  for (let s = 0; s < opts.samples; s++) {
    rng.dirichlet(alpha, w);
    if (prep.options.method === 'topsis') topsisInto(normalized, n, m, w, lo, hi, scores, null);
    else wsm(w, scores);
    sortByScore();
    let eligibleSeen = 0;
    for (let r = 0; r < n; r++) {
      const i = order[r];
      hist[i * n + r]++;
      if (prep.eligible[i] && eligibleSeen++ < opts.k) inTopK[i]++;
    }
    if (s < setSamples) for (const j of set.choose(scores)) inSet[j]++;
  }
  if (!set.weightDependent) {
    weightedSumInto(normalized, n, m, baseWeights, scores, null);
    for (const j of set.choose(scores)) inSet[j] = 1;
  }
  baseWeights.forEach((x, c) => (w[c] = x));
  if (prep.options.method === 'topsis') topsisInto(normalized, n, m, w, lo, hi, scores, null);
  else weightedSumInto(normalized, n, m, w, scores, null);
  sortByScore();
  const rankBase = new Int32Array(n);
  order.forEach((i, r) => (rankBase[i] = r + 1));

  const items = Array.from(order, (i): RobustnessItem => ({
    kommunenummer: prep.matrix.ids[i], eligible: prep.eligible[i] === 1, rankBase: rankBase[i],
    pInSet: set.weightDependent ? inSet[i] / Math.max(1, setSamples) : inSet[i], pTopK: inTopK[i] / opts.samples,
    rankP05: percentileRank(hist, i, n, opts.samples, 0.05), rankMedian: percentileRank(hist, i, n, opts.samples, 0.5),
    rankP95: percentileRank(hist, i, n, opts.samples, 0.95),
  }));
  const notes = set.weightDependent ? [] : [`the ${set.objective} set does not depend on the weights: pInSet is 0 or 1`];
  if (set.infeasible.length > 0) notes.push(`selection rules are infeasible: ${set.infeasible.join('; ')}`);
  return { items, samples: opts.samples, setSamples, seed: opts.seed, mode: opts.mode, notes };
}

/**
 * A fast sorter: each score is quantised to an unsigned integer (resolution 100 / 2^(32 − b) points,
 * b = bits for the tie-break position, about 1e-5 points for 357 items) and packed above the
 * tie-break position; an LSD radix sort (4 passes of 8 bits) then orders the keys in O(n).
 */
function rankSorter(tieRank: Int32Array, scores: Float64Array, order: Int32Array): () => void {
  const n = tieRank.length;
  let tieBits = 1;
  while (1 << tieBits < n) tieBits++;
  const qMax = 2 ** (32 - tieBits) - 1;
  const byTie = new Int32Array(n);
  tieRank.forEach((r, i) => (byTie[r] = i));
  let keys = new Uint32Array(n);
  let tmp = new Uint32Array(n);
  const counts = new Int32Array(256);
  const tieMask = (1 << tieBits) - 1;
  return () => {
    for (let i = 0; i < n; i++) {
      const q = Math.min(qMax, Math.max(0, Math.round(((100 - scores[i]) / 100) * qMax)));
      keys[i] = (q * (tieMask + 1) + tieRank[i]) >>> 0;
    }
    for (let shift = 0; shift < 32; shift += 8) {
      counts.fill(0);
      for (let i = 0; i < n; i++) counts[(keys[i] >>> shift) & 255]++;
      for (let b = 1; b < 256; b++) counts[b] += counts[b - 1];
      for (let i = n - 1; i >= 0; i--) tmp[--counts[(keys[i] >>> shift) & 255]] = keys[i];
      const swap = keys;
      keys = tmp;
      tmp = swap;
    }
    for (let r = 0; r < n; r++) order[r] = byTie[keys[r] & tieMask];
  };
}

/** Position of each item in the static tie-break order (population desc, id asc). */
function tieBreakRank(ids: readonly string[], population: Float64Array): Int32Array {
  const idx = Array.from({ length: ids.length }, (_, i) => i).sort(
    (a, b) => population[b] - population[a] || (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0),
  );
  const rank = new Int32Array(ids.length);
  idx.forEach((i, r) => (rank[i] = r));
  return rank;
}

function percentileRank(hist: Int32Array, i: number, n: number, samples: number, p: number): number {
  const target = Math.max(1, Math.ceil(p * samples));
  let cum = 0;
  for (let r = 0; r < n; r++) {
    cum += hist[i * n + r];
    if (cum >= target) return r + 1;
  }
  return n;
}

/** Builds the per-sample set chooser (constrained greedy on the scenario's rules). */
function setSampler(
  municipalities: readonly MunicipalityInput[], eligible: Uint8Array, opts: RobustnessOptions, location?: LocationProblem,
): { weightDependent: boolean; objective: string; infeasible: string[]; choose: (scores: Float64Array) => number[] } {
  const selOpts: SelectionOptions = { ...defaultSelectionOptions, objective: 'score', ...opts.selection, k: opts.k, method: 'greedy' };
  const problem: SelectionProblem = {
    candidates: municipalities.map((x, i) => ({ id: x.kommunenummer, district: x.policeDistrict, eligible: eligible[i] === 1, score: 0 })),
    location,
  };
  const { resolved, violated } = diagnose(problem, selOpts);
  const weightDependent = selOpts.objective === 'score' || selOpts.objective === 'blend';
  if (violated.length > 0) return { weightDependent, objective: selOpts.objective, infeasible: violated, choose: () => [] };
  const prepared = prepareObjective(problem, selOpts);
  return {
    weightDependent, objective: selOpts.objective, infeasible: [],
    choose: (scores) => greedySelect({ ...prepared, scores }, resolved).order,
  };
}
