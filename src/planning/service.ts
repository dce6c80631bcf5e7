/**
 * Planning use-cases for the web layer and the CLI: rank, select and test robustness for a
 * scenario on the database's current data. Thin: load the cached context, call the engine.
 * Robustness and exact selection go through `heavyRunner()` (worker threads in the server).
 */
import type { Db } from '../db/connection';
import {
  buildSelectionProblem, rankMunicipalities, selectSitesGreedy,
  type RankingResult, type RankOptions, type RobustnessResult, type SelectionOptions, type SelectionProblem, type SelectionResult,
} from '../engine';
import { planningContext, type PlanningContext } from './context';
import { heavyRunner, robustnessLane } from './heavy';
import { runnableScenario, type ScenarioParams } from '../model/scenario';

/** The engine's ranking options for a scenario. */
export function rankOptionsOf(params: ScenarioParams): RankOptions {
  return { weights: params.weights, method: params.method, normalization: params.normalization, wishGate: params.wishGate };
}

/** The engine's selection options for a scenario (method chosen by the caller). */
export function selectionOptionsOf(params: ScenarioParams, method: 'exact' | 'greedy'): Partial<SelectionOptions> {
  return {
    k: params.k, objective: params.objective, radius: params.minutes, blendAlpha: params.blendAlpha,
    districtMin: params.districtMin, districtMax: params.districtMax, include: params.include, exclude: params.exclude, method,
  };
}

/**
 * Who is looking. A police district leader may not see other districts' assessments through any
 * route, so for them the `districtAdvice` of municipalities outside their own district is treated
 * as missing (left out of those scores, weights renormalised, as for any missing value): the
 * ranking they see is computed only from advice they are allowed to read.
 */
export interface PlanningView {
  adviceDistrict?: string | null;
}

/** The engine inputs as a viewer may see them (see `PlanningView`). */
export function inputsFor(context: PlanningContext, view: PlanningView = {}): PlanningContext['inputs'] {
  const own = view.adviceDistrict;
  if (!own) return context.inputs;
  return context.inputs.map((m) => (m.policeDistrict === own || m.districtAdvice == null ? m : { ...m, districtAdvice: null }));
}

export interface RankingOutcome {
  ranking: RankingResult;
  context: PlanningContext;
}

/** Ranks all municipalities under a scenario. */
export function rankScenario(db: Db, params: ScenarioParams, view: PlanningView = {}): RankingOutcome {
  const context = planningContext(db, params.travelModel);
  return { ranking: rankMunicipalities(inputsFor(context, view), rankOptionsOf(runnableScenario(params))), context };
}

function selectionProblem(context: PlanningContext, ranking: RankingResult, view: PlanningView): SelectionProblem {
  return { ...buildSelectionProblem({ municipalities: inputsFor(context, view), ranking }), location: context.location };
}

export interface SelectionOutcome extends RankingOutcome {
  selection: SelectionResult;
}

/** Ranks, then chooses K sites under the scenario's rules (greedy: instant; exact: HiGHS). */
export async function selectScenario(db: Db, params: ScenarioParams, method: 'exact' | 'greedy', view: PlanningView = {}): Promise<SelectionOutcome> {
  const { ranking, context } = rankScenario(db, params, view);
  const problem = selectionProblem(context, ranking, view);
  const options = selectionOptionsOf(params, method);
  const selection = method === 'greedy' ? selectSitesGreedy(problem, options) : await heavyRunner().select({ problem, options });
  return { ranking, context, selection };
}

const robustnessMemo = new WeakMap<Db, Map<string, RobustnessResult>>();
const MEMO_ENTRIES = 32;

/**
 * Samples weights around (or across) the scenario's and reports per-municipality stability.
 * `proposal`: the chosen site ids of the scenario's proposal (sample 0's set, so every proposed site
 * has pInSet > 0). Runs
 * through `heavyRunner()` (in the interactive lane up to 1,000 samples); results are kept per
 * (database, planning revision, viewer, scenario, options), so opening one profile after another, or the
 * workspace asking again for the same scenario, costs one run.
 */
export async function robustnessScenario(
  db: Db, params: ScenarioParams, options: { samples: number; seed: number; mode: 'around' | 'simplex'; proposal?: readonly string[] }, view: PlanningView = {},
): Promise<RobustnessResult & { answersLoaded: boolean }> {
  const context = planningContext(db, params.travelModel);
  const checked = runnableScenario(params);
  const key = JSON.stringify([context.revision, view.adviceDistrict ?? null, checked, options]);
  const memo = robustnessMemo.get(db) ?? new Map<string, RobustnessResult>();
  robustnessMemo.set(db, memo);
  let result = memo.get(key);
  if (!result) {
    const { method: _m, k: _k, ...selection } = selectionOptionsOf(checked, 'greedy');
    result = await heavyRunner().robustness({
      municipalities: inputsFor(context, view), rankOptions: rankOptionsOf(checked), lane: robustnessLane(options.samples),
      options: { samples: options.samples, seed: options.seed, mode: options.mode, k: checked.k, selection, proposal: options.proposal ?? null }, location: context.location,
    });
    memo.set(key, result);
    if (memo.size > MEMO_ENTRIES) memo.delete(memo.keys().next().value as string);
  }
  return { ...result, answersLoaded: context.answers.loaded };
}
