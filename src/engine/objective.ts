/**
 * Set objectives as incremental states: the marginal gain of adding a site, and the loss of removing
 * one, given the sites already open. Coverage, access and beyond are monotone submodular set
 * functions (Nemhauser, Wolsey & Fisher 1978), which is what makes the lazy greedy in `greedy.ts`
 * valid; score is modular. All gains are "larger is better": for `access` and `beyond` the gain is
 * the reduction in Σ weight × cost. Removal (for the swap search, Teitz & Bart 1968) recomputes a
 * point's best saving from the dense cost matrix over the sites still open.
 */
import { accessLists, coverageLists, type AccessView, type CoverageView } from './location';
import type { SelectionObjective, SelectionOptions, SelectionProblem } from './selection';
import { SCORE_TOLERANCE, tieRanks } from './tiebreak';

/** Objective data converted once (sparse lists, scores). */
export interface PreparedObjective {
  objective: SelectionObjective;
  n: number;
  k: number;
  radius: number;
  blendAlpha: number;
  /** Scores (0 where absent): the objective for score/blend, the first tie-break otherwise. */
  scores: Float64Array;
  /** Final tie-break: position in the priority-then-id order (`tieRanks`). */
  idRank: Int32Array;
  demandWeight: Float64Array | null;
  coverage: CoverageView | null;
  /** Savings view for access (and, on shifted costs, for beyond). */
  access: AccessView | null;
  /**
   * Dense costs for recomputing savings on removal (access/beyond): the cost of (i, j) is
   * `transform(i, matrix[i·nC + j])` when a transform is given (robustness samples), else the matrix
   * entry minus `shift` (beyond), clamped at 0.
   */
  costs: { matrix: Float64Array; nC: number; shift: number | null; transform?: (i: number, c: number) => number } | null;
  /** Objective values are whole numbers (whole weights, and for access/beyond whole costs). */
  integral: boolean;
  /** Objective values within this count as equal (see `tiebreak.ts`). */
  tolerance: number;
}

/** Incremental evaluation state over one set. */
export interface SetState {
  gain(j: number): number;
  /** Adds j and returns its gain. */
  add(j: number): number;
  /** Removes j (must be in the set) and returns the objective lost. */
  remove(j: number): number;
  /** Objective value of the current set, in reporting units (cost for access/beyond). */
  value(): number;
}

/**
 * Converts the problem once for an objective.
 * @throws Error naming the missing input (`location` for coverage/access/beyond/blend, `score` for score/blend)
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
  const shift = objective === 'beyond' ? options.radius : null;
  const access = loc && (objective === 'access' || objective === 'beyond') ? accessLists(loc, shift) : null;
  const integral = loc !== undefined && loc.integerWeights && (objective === 'coverage' || (access !== null && wholeNumbers(access)));
  const scale = coverage ? coverage.coverable : access ? access.baseTotal : objective === 'score' ? 100 * Math.max(1, options.k) : 1;
  return {
    objective, n, k: options.k, radius: options.radius, blendAlpha: options.blendAlpha, scores,
    idRank: tieRanks(problem.candidates.map((c) => c.id), problem.candidates.map((c) => { const v = c.priority ?? 0; return Number.isFinite(v) ? v : 0; })), demandWeight: loc?.demandWeight ?? null, coverage, access,
    costs: access && loc ? { matrix: loc.candidateCost, nC: loc.nCandidates, shift } : null,
    integral, tolerance: integral ? 0 : 1e-12 * Math.max(1, scale),
  };
}

/** True when every base cost and saving is a whole number (then, with whole weights, so is every cost total). */
function wholeNumbers(view: { baseCost: Float64Array; lists: { value: Float64Array } }): boolean {
  return view.baseCost.every((c) => Number.isInteger(c)) && view.lists.value.every((v) => Number.isInteger(v));
}

/** A fresh state for the empty set (fixed sites open). */
export function createState(p: PreparedObjective): SetState {
  if (p.objective === 'score') return scoreState(p);
  if (p.access) return accessState(p);
  const cover = coverageState(p);
  if (p.objective === 'coverage') return cover;
  const alpha = p.blendAlpha;
  const scoreScale = p.k > 0 ? 100 * p.k : 1;
  const coverScale = p.coverage!.coverable > 0 ? p.coverage!.coverable : 1;
  const blend = (s: number, c: number): number => (alpha * s) / scoreScale + ((1 - alpha) * c) / coverScale;
  let scoreSum = 0;
  return {
    gain: (j) => blend(p.scores[j], cover.gain(j)),
    add: (j) => { scoreSum += p.scores[j]; return blend(p.scores[j], cover.add(j)); },
    remove: (j) => { scoreSum -= p.scores[j]; return blend(p.scores[j], cover.remove(j)); },
    value: () => blend(scoreSum, cover.value()),
  };
}

function scoreState(p: PreparedObjective): SetState {
  let total = 0;
  return {
    gain: (j) => p.scores[j],
    add: (j) => { total += p.scores[j]; return p.scores[j]; },
    remove: (j) => { total -= p.scores[j]; return p.scores[j]; },
    value: () => total,
  };
}

function coverageState(p: PreparedObjective): SetState {
  const { lists } = p.coverage!;
  const w = p.demandWeight!;
  const times = new Int32Array(w.length);
  let newly = 0;
  const sumWhere = (j: number, c: number): number => {
    let g = 0;
    for (let e = lists.start[j]; e < lists.start[j + 1]; e++) if (times[lists.index[e]] === c) g += w[lists.index[e]];
    return g;
  };
  return {
    gain: (j) => sumWhere(j, 0),
    add: (j) => {
      const g = sumWhere(j, 0);
      for (let e = lists.start[j]; e < lists.start[j + 1]; e++) times[lists.index[e]]++;
      newly += g;
      return g;
    },
    remove: (j) => {
      const l = sumWhere(j, 1);
      for (let e = lists.start[j]; e < lists.start[j + 1]; e++) times[lists.index[e]]--;
      newly -= l;
      return l;
    },
    value: () => newly,
  };
}

function accessState(p: PreparedObjective): SetState {
  const { lists, baseCost, baseTotal } = p.access!;
  const { matrix, nC, shift, transform } = p.costs!;
  const w = p.demandWeight!;
  const best = new Float64Array(w.length);
  const members: number[] = [];
  let saved = 0;
  const savingOf = (i: number, j: number): number => {
    const raw = matrix[i * nC + j];
    const c = transform ? transform(i, raw) : shift === null ? raw : Math.max(0, raw - shift);
    return c < baseCost[i] ? baseCost[i] - c : 0;
  };
  const gain = (j: number): number => {
    let g = 0;
    for (let e = lists.start[j]; e < lists.start[j + 1]; e++) {
      const i = lists.index[e];
      if (lists.value[e] > best[i]) g += w[i] * (lists.value[e] - best[i]);
    }
    return g;
  };
  return {
    gain,
    add: (j) => {
      const g = gain(j);
      for (let e = lists.start[j]; e < lists.start[j + 1]; e++) if (lists.value[e] > best[lists.index[e]]) best[lists.index[e]] = lists.value[e];
      members.push(j);
      saved += g;
      return g;
    },
    remove: (j) => {
      members.splice(members.indexOf(j), 1);
      let loss = 0;
      for (let e = lists.start[j]; e < lists.start[j + 1]; e++) {
        const i = lists.index[e];
        if (lists.value[e] < best[i]) continue;
        let next = 0;
        for (const m of members) next = Math.max(next, savingOf(i, m));
        loss += w[i] * (best[i] - next);
        best[i] = next;
      }
      saved -= loss;
      return loss;
    },
    value: () => baseTotal - saved,
  };
}

/** Objective value of a set (indices), in reporting units, from a fresh state. */
export function objectiveValue(p: PreparedObjective, set: readonly number[]): number {
  const state = createState(p);
  for (const j of set) state.add(j);
  return state.value();
}

/**
 * Compares two sets under the rule of `tiebreak.ts`: objective (within the objective's tolerance),
 * then Σ score, then sorted id ranks.
 * @returns > 0 when set a is better than b, < 0 when worse, 0 when they tie on all three keys
 */
export function compareSets(p: PreparedObjective, a: readonly number[], b: readonly number[]): number {
  const sign = maximises(p.objective) ? 1 : -1;
  const va = objectiveValue(p, a);
  const vb = objectiveValue(p, b);
  if (Math.abs(va - vb) > p.tolerance) return sign * (va - vb);
  const sa = a.reduce((s, j) => s + p.scores[j], 0);
  const sb = b.reduce((s, j) => s + p.scores[j], 0);
  if (Math.abs(sa - sb) > SCORE_TOLERANCE) return sa - sb;
  const ra = a.map((j) => p.idRank[j]).sort((x, y) => x - y);
  const rb = b.map((j) => p.idRank[j]).sort((x, y) => x - y);
  for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return rb[i] - ra[i];
  return 0;
}

/** True when larger objective values are better. */
export const maximises = (objective: SelectionObjective): boolean => objective !== 'access' && objective !== 'beyond';
