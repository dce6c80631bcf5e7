/**
 * `selectSites`: check the rules, solve (greedy or exact), then explain the chosen set.
 * See `selection.ts` for objectives, constraints and the diagnosis; `greedy.ts` and `exact.ts` for
 * the two solvers. Timing uses `performance.now()` for the `solveMs` figure only (no effect on results).
 */
import { evaluateSet } from './coverage';
import { exactSelect, type ExactOutcome } from './exact';
import { greedySelect } from './greedy';
import { createGainModel, objectiveValue, prepareObjective, type PreparedObjective } from './objective';
import {
  checkSelection, defaultSelectionOptions, diagnose, infeasibleResult, SELECTION_OBJECTIVES,
  type ChosenSite, type ResolvedConstraints, type SelectionOptions, type SelectionProblem, type SelectionResult,
} from './selection';

function mergeOptions(options: Partial<SelectionOptions>): SelectionOptions {
  const opts: SelectionOptions = { ...defaultSelectionOptions, ...options };
  if (!SELECTION_OBJECTIVES.includes(opts.objective)) throw new Error(`objective must be one of ${SELECTION_OBJECTIVES.join(', ')}, got "${String(opts.objective)}"`);
  if (!Number.isFinite(opts.radius) || opts.radius < 0) throw new Error('radius must be a finite number ≥ 0');
  if (!(opts.blendAlpha >= 0 && opts.blendAlpha <= 1)) throw new Error('blendAlpha must be between 0 and 1');
  if (!(opts.timeLimitSeconds > 0)) throw new Error('timeLimitSeconds must be > 0');
  return opts;
}

/**
 * Chooses K sites. Greedy answers synchronously inside; exact awaits HiGHS.
 * @param problem candidates (+ location problem for coverage/access/blend)
 * @param options merged over `defaultSelectionOptions`
 * @returns a result with `status`; infeasible rules give `status: 'infeasible'` and `violated`, never a throw
 * @throws Error naming the option or input on malformed input (bad k, missing scores or location)
 */
export async function selectSites(problem: SelectionProblem, options: Partial<SelectionOptions> = {}): Promise<SelectionResult> {
  const opts = mergeOptions(options);
  if (opts.method === 'greedy') return selectSitesGreedy(problem, opts);
  const t0 = performance.now();
  const { resolved, violated } = diagnose(problem, opts);
  if (violated.length > 0) return infeasibleResult(opts, violated);
  const prepared = prepareObjective(problem, opts);
  const outcome = await exactSelect(prepared, resolved, opts);
  if (outcome.status === 'infeasible') return infeasibleResult(opts, ['the solver proved the rules infeasible'], performance.now() - t0);
  return explain(problem, opts, prepared, resolved, outcome, performance.now() - t0);
}

/**
 * Chooses K sites greedily (synchronous; for instant feedback). Same contract as `selectSites`;
 * status is `feasible` (no optimality proof), `bound` and `gap` are `null`.
 */
export function selectSitesGreedy(problem: SelectionProblem, options: Partial<SelectionOptions> = {}): SelectionResult {
  const opts = { ...mergeOptions(options), method: 'greedy' as const };
  const t0 = performance.now();
  const { resolved, violated } = diagnose(problem, opts);
  if (violated.length > 0) return infeasibleResult(opts, violated);
  const prepared = prepareObjective(problem, opts);
  const g = greedySelect(prepared, resolved);
  const outcome: ExactOutcome = { status: 'feasible', selected: g.order, objective: g.value, bound: null, gap: null };
  return explain(problem, opts, prepared, resolved, outcome, performance.now() - t0);
}

function explain(
  problem: SelectionProblem, opts: SelectionOptions, p: PreparedObjective, rc: ResolvedConstraints,
  outcome: ExactOutcome, solveMs: number,
): SelectionResult {
  if (outcome.status === 'timedOut') {
    return { ...infeasibleResult(opts, [], solveMs), status: 'timedOut', notes: [`no set found within ${opts.timeLimitSeconds} s`] };
  }
  const order = greedyOrder(p, outcome.selected, rc);
  const sites = describeSites(problem, opts, p, rc, order);
  const selected = order.map((j) => problem.candidates[j].id);
  const broken = checkSelection(problem, opts, selected);
  if (broken.length > 0) throw new Error(`solver returned a set that breaks the rules: ${broken.join('; ')}`);
  const evaluation = problem.location ? evaluateSet(problem.location, order, opts.radius) : null;
  const notes: string[] = [];
  if (opts.objective === 'blend') notes.push('blend = α·mean score/100 + (1−α)·newly covered/coverable residents');
  return {
    status: outcome.status, method: opts.method, objectiveName: opts.objective, objective: outcome.objective,
    bound: outcome.bound, gap: outcome.gap, selected, sites,
    newlyCovered: evaluation?.newlyCovered ?? null, coveredShare: evaluation?.coveredShare ?? null,
    meanAccess: evaluation?.meanAccess ?? null, violated: [], notes, solveMs,
  };
}

/** Orders a set as the greedy would grow it (forced first), so the gains sum to the objective. */
function greedyOrder(p: PreparedObjective, set: readonly number[], rc: ResolvedConstraints): number[] {
  const model = createGainModel(p);
  const rest = new Set(set);
  const order: number[] = [];
  for (const j of set) if (rc.forced[j]) { model.add(j); order.push(j); rest.delete(j); }
  while (rest.size > 0) {
    let best = -1;
    let bestGain = -Infinity;
    for (const j of rest) {
      const g = model.gain(j);
      if (g > bestGain) { bestGain = g; best = j; }
    }
    model.add(best);
    order.push(best);
    rest.delete(best);
  }
  return order;
}

function describeSites(
  problem: SelectionProblem, opts: SelectionOptions, p: PreparedObjective, rc: ResolvedConstraints, order: number[],
): ChosenSite[] {
  const model = createGainModel(p);
  const total = objectiveValue(p, order);
  const cov = problem.location ? (p.coverage ?? prepareObjective(problem, { ...opts, objective: 'coverage' }).coverage) : null;
  return order.map((j) => {
    const marginalGain = model.add(j);
    const without = objectiveValue(p, order.filter((x) => x !== j));
    let own: number | null = null;
    if (cov) {
      own = 0;
      for (let e = cov.lists.start[j]; e < cov.lists.start[j + 1]; e++) own += p.demandWeight![cov.lists.index[e]];
    }
    return {
      id: problem.candidates[j].id, district: problem.candidates[j].district ?? null, marginalGain,
      lossIfRemoved: p.objective === 'access' ? without - total : total - without, newlyCovered: own, forced: rc.forced[j] === 1,
    };
  });
}
