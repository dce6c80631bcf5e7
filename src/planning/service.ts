/**
 * Planning use-cases for the web layer and the CLI: rank, select and test robustness for a
 * scenario on the database's current data. Thin: load the cached context, call the engine.
 * The proposal (`select` exact) is the stored result of `proposal.ts`; robustness is that stored
 * proposal's (the proposal as sample 0). Heavy work goes through `heavyRunner()` (worker threads in the server).
 */
import type { Db } from '../db/connection';
import { rankMunicipalities, type RankingResult } from '../engine';
import { PROPOSAL_ROBUSTNESS } from '../model/proposal-settings';
import { planningContext, type PlanningContext } from './context';
import { proposalFor, proposalRobustness, type ProposalRequest, type RobustnessSettings } from './proposal';
import type { Proposal, ProposalRobustness } from '../model/proposal';
import { runnableScenario, type ScenarioParams } from '../model/scenario';
import { inputsFor, rankOptionsOf, type PlanningView } from './service-options';

export { inputsFor, rankOptionsOf, selectionOptionsOf } from './service-options';
export type { PlanningView } from './service-options';

export interface RankingOutcome {
  ranking: RankingResult;
  context: PlanningContext;
}

/** Ranks all municipalities under a scenario. */
export function rankScenario(db: Db, params: ScenarioParams, view: PlanningView = {}): RankingOutcome {
  const context = planningContext(db, params.travelModel);
  return { ranking: rankMunicipalities(inputsFor(context, view), rankOptionsOf(runnableScenario(params))), context };
}

export interface SelectionOutcome extends RankingOutcome {
  /** Exact: the stored proposal; greedy: a preview (stored only when it had been stored before). */
  selection: Proposal;
}

/** The exact solver's limits a caller may set (not part of the scenario): see `SelectionOptions`. */
export type SolverLimits = NonNullable<ProposalRequest['limits']>;

/**
 * Ranks, then chooses K municipalities and a site in each over every candidate site. `exact` returns the stored
 * proposal (solved once, then read); `greedy` an instant preview that is not stored. With `limits` (the CLI's
 * --time-limit/--gap) the exact solve is run afresh and not stored, so a cut-short set never becomes the proposal.
 */
export async function selectScenario(
  db: Db, params: ScenarioParams, method: 'exact' | 'greedy', view: PlanningView = {}, limits: SolverLimits = {},
): Promise<SelectionOutcome> {
  const custom = limits.timeLimitSeconds !== undefined || limits.gapTolerance !== undefined;
  const { proposal, ranking, context } = await proposalFor(db, params, { solver: method, view, store: method === 'exact' && !custom, limits });
  return { ranking, context, selection: proposal };
}

/**
 * The robustness of the scenario's stored (exact) proposal: the proposal is sample 0, weights and the travel model's
 * cross-validated residuals are sampled (see `proposal.ts`); stored beside the proposal, so opening one profile after
 * another, or the workspace asking again, costs one run.
 */
export async function robustnessScenario(
  db: Db, params: ScenarioParams, settings: RobustnessSettings = PROPOSAL_ROBUSTNESS, view: PlanningView = {},
): Promise<ProposalRobustness & { answersLoaded: boolean }> {
  const { proposal, context } = await proposalFor(db, params, { view });
  return { ...(await proposalRobustness(db, proposal, settings, view)), answersLoaded: context.answers.loaded };
}
