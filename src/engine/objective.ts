/**
 * Set objectives as incremental "gain models": the marginal gain of adding a site given the sites
 * already open. Coverage and access are monotone submodular set functions (Nemhauser, Wolsey & Fisher
 * 1978), which is what makes the lazy greedy in `greedy.ts` valid; score is modular.
 * All gains are "larger is better": for `access` the gain is the reduction in Σ weight × cost.
 */
import { coverageLists, accessLists, type SparseLists } from './location';
import type { SelectionObjective, SelectionOptions, SelectionProblem } from './selection';

/** Objective data converted once (sparse lists, scores). */
export interface PreparedObjective {
  objective: SelectionObjective;
  n: number;
  scores: Float64Array;
  demandWeight: Float64Array | null;
  coverage: { lists: SparseLists; fixedCovered: number; coverable: number } | null;
  access: { lists: SparseLists; baseCost: Float64Array; baseTotal: number } | null;
  k: number;
  blendAlpha: number;
}

/** Incremental evaluation state over one growing set. */
export interface GainModel {
  gain(j: number): number;
  add(j: number): number;
  /** Objective value of the current set, in reporting units (see `selection.ts`). */
  value(): number;
}

/**
 * Converts the problem once for an objective.
 * @throws Error naming the missing input (`location` for coverage/access/blend, `score` for score/blend)
 */
export function prepareObjective(problem: SelectionProblem, options: SelectionOptions): PreparedObjective {
  const { objective } = options;
  const n = problem.candidates.length;
  const needsScore = objective === 'score' || objective === 'blend';
  const scores = Float64Array.from(problem.candidates, (c, i) => {
    const s = c.score ?? NaN;
    if (needsScore && !Number.isFinite(s)) throw new Error(`candidates[${i}].score must be a finite number for objective ${objective}`);
    return Number.isFinite(s) ? s : 0;
  });
  const loc = problem.location;
  if (objective !== 'score' && !loc) throw new Error(`location is required for objective ${objective}`);
  if (loc && loc.nCandidates !== n) throw new Error('location.nCandidates must equal the number of candidates');
  const coverage = loc && (objective === 'coverage' || objective === 'blend') ? coverageLists(loc, options.radius) : null;
  let access: PreparedObjective['access'] = null;
  if (loc && objective === 'access') {
    const a = accessLists(loc);
    let baseTotal = 0;
    for (let i = 0; i < loc.nDemand; i++) baseTotal += loc.demandWeight[i] * a.baseCost[i];
    access = { ...a, baseTotal };
  }
  return { objective, n, scores, demandWeight: loc?.demandWeight ?? null, coverage, access, k: options.k, blendAlpha: options.blendAlpha };
}

/** A fresh gain model for the empty set (fixed sites open). */
export function createGainModel(p: PreparedObjective): GainModel {
  const w = p.demandWeight;
  if (p.objective === 'score') {
    let total = 0;
    return { gain: (j) => p.scores[j], add: (j) => { total += p.scores[j]; return p.scores[j]; }, value: () => total };
  }
  if (p.objective === 'access') {
    const { lists, baseCost, baseTotal } = p.access!;
    const cur = Float64Array.from(baseCost);
    let saved = 0;
    const gain = (j: number): number => {
      let g = 0;
      for (let e = lists.start[j]; e < lists.start[j + 1]; e++) {
        const i = lists.index[e];
        const c = baseCost[i] - lists.value[e];
        if (c < cur[i]) g += w![i] * (cur[i] - c);
      }
      return g;
    };
    const add = (j: number): number => {
      const g = gain(j);
      for (let e = lists.start[j]; e < lists.start[j + 1]; e++) {
        const i = lists.index[e];
        cur[i] = Math.min(cur[i], baseCost[i] - lists.value[e]);
      }
      saved += g;
      return g;
    };
    return { gain, add, value: () => baseTotal - saved };
  }
  const { lists, coverable } = p.coverage!;
  const covered = new Uint8Array(w!.length);
  let newly = 0;
  let scoreSum = 0;
  const coverGain = (j: number): number => {
    let g = 0;
    for (let e = lists.start[j]; e < lists.start[j + 1]; e++) if (!covered[lists.index[e]]) g += w![lists.index[e]];
    return g;
  };
  const alpha = p.blendAlpha;
  const scoreScale = p.k > 0 ? 100 * p.k : 1;
  const coverScale = coverable > 0 ? coverable : 1;
  const blend = (s: number, c: number): number => (p.objective === 'coverage' ? c : (alpha * s) / scoreScale + ((1 - alpha) * c) / coverScale);
  return {
    gain: (j) => blend(p.scores[j], coverGain(j)),
    add: (j) => {
      const c = coverGain(j);
      for (let e = lists.start[j]; e < lists.start[j + 1]; e++) covered[lists.index[e]] = 1;
      newly += c;
      scoreSum += p.scores[j];
      return blend(p.scores[j], c);
    },
    value: () => blend(scoreSum, newly),
  };
}

/** Objective value of a set (indices), in reporting units. */
export function objectiveValue(p: PreparedObjective, set: readonly number[]): number {
  const model = createGainModel(p);
  for (const j of set) model.add(j);
  return model.value();
}

/** True when larger objective values are better. */
export const maximises = (objective: SelectionObjective): boolean => objective !== 'access';
