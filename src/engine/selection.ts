/**
 * Choosing a set of K sites: objectives, constraints, result types, feasibility diagnosis.
 *
 * Objectives (all with existing stations counted as already open):
 * - `score`: maximise Σ score of the chosen (the K best eligible, subject to the rules);
 * - `coverage`: maximise the demand weight newly brought within `radius` (MCLP, Church & ReVelle 1974);
 * - `access`: minimise Σ weight × cost to the nearest open site (p-median, Hakimi 1964; ReVelle &
 *   Swain 1970, with fixed sites);
 * - `blend`: maximise α · (Σ score_j) / (100 · K) + (1 − α) · newlyCovered / coverable, where
 *   `coverable` is the demand weight that some candidate could newly cover. Both terms lie in [0, 1]
 *   (mean score of the set on a 0–1 scale; share of the coverable residents reached), so α reads as
 *   "how much of the decision is score"; α = `blendAlpha` (default 0.5).
 * Constraints: exactly K; per-district minimum and maximum; forced include/exclude; only eligible.
 *
 * Diagnosis: per district d let lo_d = max(min_d, includes in d) and hi_d = min(max_d, eligible
 * non-excluded candidates in d). The rules are feasible iff every include is an eligible candidate,
 * lo_d ≤ hi_d for every d, and Σ lo ≤ K ≤ Σ hi (sums over districts plus candidates without a
 * district). `diagnose` checks exactly these and names each broken rule, so the solvers never meet an
 * infeasible model: an infeasible rule set is a value (`status: 'infeasible'`), never an exception.
 */
import type { LocationProblem } from './location';

/** What the chosen set optimises. */
export type SelectionObjective = 'score' | 'coverage' | 'access' | 'blend';
/** The objectives, for validation and UI lists. */
export const SELECTION_OBJECTIVES: readonly SelectionObjective[] = ['score', 'coverage', 'access', 'blend'];

/** A candidate site. */
export interface SelectionCandidate {
  id: string;
  /** Police district (for district min/max); candidates without one are not district-constrained. */
  district?: string | null;
  /** Default true. */
  eligible?: boolean;
  /** Why not eligible (shown in diagnoses). */
  ineligibleReason?: string | null;
  /** 0–100, needed for `score` and `blend`. */
  score?: number;
}

/** Candidates (and, for coverage/access/blend, a location problem with the same candidate order). */
export interface SelectionProblem {
  candidates: readonly SelectionCandidate[];
  location?: LocationProblem;
}

/** Options for `selectSites`; see `defaultSelectionOptions`. */
export interface SelectionOptions {
  k: number;
  objective: SelectionObjective;
  /** Coverage radius in the location problem's cost unit (minutes in the app). */
  radius: number;
  /** Weight of the score term in `blend` (0–1). */
  blendAlpha: number;
  districtMin: Readonly<Record<string, number>>;
  districtMax: Readonly<Record<string, number>>;
  include: readonly string[];
  exclude: readonly string[];
  method: 'exact' | 'greedy';
  /** Time limit for the exact solver, seconds. */
  timeLimitSeconds: number;
  /** Relative MIP gap at which the exact solver stops (HiGHS `mip_rel_gap`). */
  mipRelGap: number;
}

/** Default selection options: K = 20, coverage within 45 minutes, exact, 10 s limit. */
export const defaultSelectionOptions: SelectionOptions = {
  k: 20,
  objective: 'coverage',
  radius: 45,
  blendAlpha: 0.5,
  districtMin: {},
  districtMax: {},
  include: [],
  exclude: [],
  method: 'exact',
  timeLimitSeconds: 10,
  mipRelGap: 1e-6,
};

/** `optimal` (proved), `feasible` (a valid set, optimality not proved), `infeasible`, `timedOut` (no set found in time). */
export type SelectionStatus = 'optimal' | 'feasible' | 'infeasible' | 'timedOut';

/** One chosen site and why it is there. */
export interface ChosenSite {
  id: string;
  district: string | null;
  /** Gain when added in greedy order over the chosen set (these gains sum to the objective). */
  marginalGain: number;
  /** Objective lost if this site alone were dropped: f(S) − f(S \ {j}) (for access: cost increase). */
  lossIfRemoved: number;
  /** Residents within the radius of this site that no fixed site covers (may overlap other chosen sites). */
  newlyCovered: number | null;
  forced: boolean;
}

/** Result of a selection. */
export interface SelectionResult {
  status: SelectionStatus;
  method: 'exact' | 'greedy';
  objectiveName: SelectionObjective;
  /** Objective value of the chosen set (units: see `selection.ts`), `null` when there is no set. */
  objective: number | null;
  /** Best proved bound (exact only), `null` otherwise. */
  bound: number | null;
  /** Relative gap |bound − objective| / max(|objective|, 1e-9) (exact only), `null` otherwise. */
  gap: number | null;
  selected: string[];
  sites: ChosenSite[];
  /** Residents newly covered by the chosen set (all chosen together), when a location problem is given. */
  newlyCovered: number | null;
  /** Share of all residents within the radius of an open site. */
  coveredShare: number | null;
  /** Population-weighted mean cost to the nearest open site. */
  meanAccess: number | null;
  /** Broken rules (non-empty only when infeasible). */
  violated: string[];
  /** Anything worth knowing about how the answer was produced. */
  notes: string[];
  solveMs: number;
}

/** Constraints resolved to candidate indices. */
export interface ResolvedConstraints {
  k: number;
  n: number;
  /** Eligible and not excluded. */
  allowed: Uint8Array;
  forced: Uint8Array;
  /** District index per candidate, −1 when none. */
  districtOf: Int32Array;
  districts: string[];
  lo: Int32Array;
  hi: Int32Array;
}

const count = (name: string, v: number): number => {
  if (!Number.isInteger(v) || v < 0) throw new Error(`${name} must be a whole number ≥ 0, got ${v}`);
  return v;
};

/**
 * Resolves the rules to indices and lists every broken rule.
 * @throws Error naming the option when k or a district count is not a whole number ≥ 0
 */
export function diagnose(problem: SelectionProblem, options: SelectionOptions): { resolved: ResolvedConstraints; violated: string[] } {
  const { candidates } = problem;
  const n = candidates.length;
  const k = count('k', options.k);
  const violated: string[] = [];
  const indexOf = new Map(candidates.map((c, i) => [c.id, i]));
  const excluded = new Set(options.exclude);
  const allowed = Uint8Array.from(candidates, (c) => (c.eligible !== false && !excluded.has(c.id) ? 1 : 0));
  const forced = new Uint8Array(n);
  for (const id of options.include) {
    const i = indexOf.get(id);
    if (i === undefined) violated.push(`include ${id} is not a candidate`);
    else if (candidates[i].eligible === false) violated.push(`include ${id} is not eligible${candidates[i].ineligibleReason ? ` (${candidates[i].ineligibleReason})` : ''}`);
    else if (excluded.has(id)) violated.push(`include ${id} is also excluded`);
    else forced[i] = 1;
  }
  const nForced = forced.reduce((a, b) => a + b, 0);
  if (nForced > k) violated.push(`include lists ${nForced} candidates but k is ${k}`);

  const districts = [...new Set([...candidates.map((c) => c.district ?? null).filter((d): d is string => d !== null), ...Object.keys(options.districtMin), ...Object.keys(options.districtMax)])].sort();
  const dIndex = new Map(districts.map((d, i) => [d, i]));
  const districtOf = Int32Array.from(candidates, (c) => (c.district == null ? -1 : dIndex.get(c.district)!));
  const avail = new Int32Array(districts.length);
  const inc = new Int32Array(districts.length);
  let freeAvail = 0;
  let freeInc = 0;
  for (let i = 0; i < n; i++) {
    const d = districtOf[i];
    if (d < 0) { freeAvail += allowed[i]; freeInc += forced[i]; } else { avail[d] += allowed[i]; inc[d] += forced[i]; }
  }
  const lo = new Int32Array(districts.length);
  const hi = new Int32Array(districts.length);
  let sumMin = 0;
  districts.forEach((d, i) => {
    const min = count(`districtMin.${d}`, options.districtMin[d] ?? 0);
    const max = options.districtMax[d] === undefined ? Infinity : count(`districtMax.${d}`, options.districtMax[d]);
    sumMin += min;
    if (min > max) violated.push(`districtMin ${d} = ${min} exceeds districtMax ${d} = ${max}`);
    else if (min > avail[i]) violated.push(`districtMin ${d} = ${min} but only ${avail[i]} eligible candidates in ${d}`);
    if (inc[i] > max) violated.push(`include forces ${inc[i]} candidates in ${d} but districtMax ${d} = ${max}`);
    lo[i] = Math.max(min, inc[i]);
    hi[i] = Math.min(max, avail[i]);
  });
  const sumLo = lo.reduce((a, b) => a + b, 0) + freeInc;
  const sumHi = hi.reduce((a, b) => a + b, 0) + freeAvail;
  const totalAllowed = allowed.reduce((a, b) => a + b, 0);
  if (sumMin > k) violated.push(`sum of district minimums ${sumMin} exceeds k ${k}`);
  else if (sumLo > k && nForced <= k) violated.push(`includes plus district minimums need ${sumLo} sites but k is ${k}`);
  if (totalAllowed < k) violated.push(`k ${k} exceeds the ${totalAllowed} eligible candidates`);
  else if (sumHi < k) violated.push(`district maximums allow at most ${sumHi} sites but k is ${k}`);
  return { resolved: { k, n, allowed, forced, districtOf, districts, lo, hi }, violated };
}

/**
 * Lists every rule a chosen set breaks (empty = the set satisfies all constraints).
 * Used by the tests and as a guard on solver output.
 */
export function checkSelection(problem: SelectionProblem, options: SelectionOptions, selected: readonly string[]): string[] {
  const out: string[] = [];
  const byId = new Map(problem.candidates.map((c) => [c.id, c]));
  const set = new Set(selected);
  if (set.size !== selected.length) out.push('a candidate is chosen twice');
  if (selected.length !== options.k) out.push(`chose ${selected.length} sites, k is ${options.k}`);
  const perDistrict = new Map<string, number>();
  for (const id of selected) {
    const c = byId.get(id);
    if (!c) { out.push(`${id} is not a candidate`); continue; }
    if (c.eligible === false) out.push(`${id} is not eligible`);
    if (options.exclude.includes(id)) out.push(`${id} is excluded`);
    if (c.district != null) perDistrict.set(c.district, (perDistrict.get(c.district) ?? 0) + 1);
  }
  for (const id of options.include) if (!set.has(id)) out.push(`include ${id} is missing`);
  for (const [d, min] of Object.entries(options.districtMin)) if ((perDistrict.get(d) ?? 0) < min) out.push(`districtMin ${d} = ${min} not met`);
  for (const [d, max] of Object.entries(options.districtMax)) if ((perDistrict.get(d) ?? 0) > max) out.push(`districtMax ${d} = ${max} exceeded`);
  return out;
}

/** An infeasible result naming the broken rules. */
export function infeasibleResult(options: SelectionOptions, violated: string[], solveMs = 0): SelectionResult {
  return {
    status: 'infeasible', method: options.method, objectiveName: options.objective, objective: null, bound: null, gap: null,
    selected: [], sites: [], newlyCovered: null, coveredShare: null, meanAccess: null, violated, notes: [], solveMs,
  };
}
