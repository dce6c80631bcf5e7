/**
 * `selectSites`: check the rules, solve, then explain the chosen set.
 * Greedy: lazy greedy + swap search. Exact: complete enumeration for small instances, otherwise the
 * HiGHS MILP started from the greedy + swap set; its answer is then polished by the swap search
 * (which can only improve the lexicographic key of `tiebreak.ts`) and re-evaluated exactly.
 * See `selection.ts` for objectives and options, `rules.ts` for the constraints.
 *
 * Reported figures: `objective` is recomputed exactly from the chosen set; `bound` is the solver's
 * dual bound on the weighted objective (a valid bound on the objective because the tie-break term is
 * ≥ 0), converted to reporting units, rounded down to a whole number for integer-valued objectives
 * (after 1e-6 relative slack for the solver's own tolerances) and never reported on the wrong side of
 * the value; `gap` = (bound − value) / max(|value|, 1) in the objective's direction; `status` is
 * `optimal` only when that gap is ≤ `gapTolerance`.
 */
import { evaluateSet } from './coverage';
import { enumerateBest, subsetCount } from './enumerate';
import { exactSearch } from './exact-search';
import { describeSites, exactValue, reportOrder } from './explain';
import { greedySelect, swapCanImprove, swapContext, swapSearch } from './greedy';
import { maximises, prepareObjective, type PreparedObjective } from './objective';
import { checkSelection, diagnose, infeasibleResult, type ResolvedConstraints } from './rules';
import { defaultSelectionOptions, type SelectionOptions, type SelectionProblem, type SelectionResult, type SelectionStatus } from './selection';
import { exactSum } from './sum';
import { tieEpsilon } from './tiebreak';

function mergeOptions(options: Partial<SelectionOptions>): SelectionOptions {
  const opts = { ...defaultSelectionOptions, ...options };
  if (!Number.isFinite(opts.radius) || opts.radius < 0) throw new Error('radius must be a finite number ≥ 0');
  if (!(opts.blendAlpha >= 0 && opts.blendAlpha <= 1)) throw new Error('blendAlpha must be between 0 and 1');
  if (!(opts.timeLimitSeconds > 0)) throw new Error('timeLimitSeconds must be > 0');
  if (!(opts.gapTolerance >= 0 && opts.gapTolerance < 1)) throw new Error('gapTolerance must be ≥ 0 and < 1');
  if (!(opts.errorMargin >= 0)) throw new Error('errorMargin must be ≥ 0');
  return opts;
}

/** What a solver produced before explanation. */
interface Outcome {
  set: number[];
  status: SelectionStatus;
  solver: SelectionResult['solver'];
  bound: number | null;
  stoppedBy: SelectionResult['stoppedBy'];
  notes: string[];
}

/**
 * Chooses K sites (`options.method`: exact by default).
 * @returns a result; infeasible rules give `status: 'infeasible'` with the broken rules in `violated`
 * @throws Error on bad options or input (naming them); `ExactSolveError` when the exact model is too
 *   large for the solver or the solver fails (naming the instance size and what to do)
 */
export async function selectSites(problem: SelectionProblem, options: Partial<SelectionOptions> = {}): Promise<SelectionResult> {
  const opts = mergeOptions(options);
  if (opts.method === 'greedy') return selectSitesGreedy(problem, opts);
  const t0 = performance.now();
  const { resolved, violated } = diagnose(problem, opts);
  if (violated.length > 0) return infeasibleResult(opts, violated);
  const p = prepareObjective(problem, opts);
  const start = heuristicSet(p, resolved, true);
  const count = subsetCount(resolved, opts.enumerationLimit);
  let outcome: Outcome;
  if (count <= opts.enumerationLimit) {
    const { best, evaluated } = enumerateBest(p, resolved);
    const value = exactValue(problem, opts, p, best);
    outcome = { set: best, status: 'optimal', solver: 'enumeration', bound: value, stoppedBy: 'proof', notes: [`optimality proven by complete enumeration of ${evaluated} sets`] };
  } else {
    outcome = await exactOutcome(problem, opts, p, resolved, start, t0);
  }
  return explain(problem, opts, p, resolved, outcome, performance.now() - t0);
}

/**
 * Chooses K sites greedily (synchronous; for instant feedback): lazy greedy, then the swap search
 * (unless `localSearch` is false). Same contract as `selectSites`; status `feasible`, no bound.
 */
export function selectSitesGreedy(problem: SelectionProblem, options: Partial<SelectionOptions> = {}): SelectionResult {
  const opts = { ...mergeOptions(options), method: 'greedy' as const };
  const t0 = performance.now();
  const { resolved, violated } = diagnose(problem, opts);
  if (violated.length > 0) return infeasibleResult(opts, violated);
  const p = prepareObjective(problem, opts);
  const set = heuristicSet(p, resolved, opts.localSearch);
  const notes = [opts.localSearch ? 'greedy with swap improvement; no optimality bound' : 'greedy; no optimality bound'];
  return explain(problem, opts, p, resolved, { set, status: 'feasible', solver: 'greedy', bound: null, stoppedBy: null, notes }, performance.now() - t0);
}

/** Greedy, then (optionally) swaps: the heuristic set every method starts from. */
export function heuristicSet(p: PreparedObjective, rc: ResolvedConstraints, localSearch: boolean): number[] {
  const ctx = swapContext(p, rc);
  const greedy = greedySelect(p, rc, ctx);
  return localSearch && swapCanImprove(p, rc) ? swapSearch(p, rc, greedy, 50, ctx) : greedy;
}

async function exactOutcome(problem: SelectionProblem, opts: SelectionOptions, p: PreparedObjective, rc: ResolvedConstraints, start: number[], t0: number): Promise<Outcome> {
  const startValue = exactValue(problem, opts, p, start);
  // δ must not exceed gapTolerance · |optimum|: a maximised start is below the optimum; a minimised
  // one is above it, so a third of it is taken (a start within 4× of the optimum keeps the proof
  // inside the tolerance: ε·S_K + absoluteGap = ¾ δ).
  const scale = Math.max(1, Math.abs(startValue) / (maximises(p.objective) ? 1 : 3));
  const resolution = p.integral ? 1 : opts.gapTolerance * scale;
  const tieBroken = p.objective === 'coverage' || p.objective === 'access' || p.objective === 'beyond';
  const allowedScores = p.scores.filter((_, j) => rc.allowed[j] === 1);
  const epsilon = tieBroken ? tieEpsilon(allowedScores, rc.k, p.integral ? 0.5 : resolution / 2) : 0;
  const instance = problem.location ? `${problem.location.nDemand.toLocaleString('en')} demand points × ${rc.n.toLocaleString('en')} candidate sites` : `${rc.n.toLocaleString('en')} candidates`;
  const search = await exactSearch(p, rc, start, {
    epsilon, absoluteGap: p.integral ? (epsilon > 0 ? Math.max(1e-7, Math.min(0.25, epsilon * 1e-3)) : 0.5) : resolution / 4,
    enumerationLimit: opts.enumerationLimit, maxModelNonzeros: opts.maxModelNonzeros, instance,
    timeLeft: () => opts.timeLimitSeconds - (performance.now() - t0) / 1000,
    // The solver's bound is only good to its own tolerances: a whole-number bound may sit 1e-6 relative below the next integer.
    solverSlack: (b) => (p.integral ? Math.min(0.5, 1e-6 * Math.max(1, Math.abs(b))) : 0),
  }, opts.lagrangean);
  const set = swapSearch(p, rc, search.set);
  const value = exactValue(problem, opts, p, set);
  const bound = search.bound === null ? null : reportBound(p, search.bound, value);
  const gap = bound === null ? null : gapOf(p, value, bound);
  const optimal = gap !== null && gap <= opts.gapTolerance;
  const notes = [...search.notes];
  if (search.stoppedBy === 'timeLimit') notes.push(`stopped by the time limit of ${opts.timeLimitSeconds} s`);
  if (!optimal) notes.push(`not proven optimal: gap ${gap === null ? 'unknown' : gap.toExponential(2)} > tolerance ${opts.gapTolerance}`);
  return { set, status: optimal ? 'optimal' : 'feasible', solver: search.solver, bound, stoppedBy: optimal ? 'proof' : search.stoppedBy === 'proof' ? 'otherLimit' : search.stoppedBy, notes };
}

/** The solver's dual bound (maximisation form) in reporting units, on the right side of `value`. */
function reportBound(p: PreparedObjective, dualBound: number, value: number): number {
  const b = p.integral ? Math.floor(dualBound) : dualBound;
  return p.access ? Math.max(0, Math.min(value, p.access.baseTotal - b)) : Math.max(value, b);
}

function gapOf(p: PreparedObjective, value: number, bound: number): number {
  const diff = maximises(p.objective) ? bound - value : value - bound;
  return Math.max(0, diff) / Math.max(Math.abs(value), 1);
}

function explain(problem: SelectionProblem, opts: SelectionOptions, p: PreparedObjective, rc: ResolvedConstraints, outcome: Outcome, solveMs: number): SelectionResult {
  const order = reportOrder(p, rc, outcome.set);
  const selected = order.map((j) => problem.candidates[j].id);
  const broken = checkSelection(problem, opts, selected);
  if (broken.length > 0) throw new Error(`solver returned a set that breaks the rules: ${broken.join('; ')}`);
  const ev = problem.location ? evaluateSet(problem.location, order, opts.radius) : null;
  const value = exactValue(problem, opts, p, order, ev ?? undefined);
  const bound = outcome.bound;
  const notes = [...outcome.notes, 'ties: objective first, then Σ score of the chosen sites, then each site’s priority (minutes saved alone), then candidate id'];
  if (opts.objective === 'blend') notes.push('blend = α·mean score/100 + (1−α)·newly covered/coverable residents');
  return {
    status: outcome.status, method: opts.method, solver: outcome.solver, objectiveName: opts.objective, objective: value,
    bound, gap: bound === null ? null : gapOf(p, value, bound), gapTolerance: opts.gapTolerance, stoppedBy: outcome.stoppedBy,
    selected, selectedGroups: order.map((j) => rc.groups[rc.groupOf[j]]), sites: describeSites(problem, opts, p, rc, order),
    scoreSum: exactSum(order.map((j) => p.scores[j])),
    newlyCovered: ev?.newlyCovered ?? null, coveredShare: ev?.coveredShare ?? null, meanAccess: ev?.meanAccess ?? null, beyondCost: ev?.beyondCost ?? null,
    violated: [], notes, solveMs,
  };
}
