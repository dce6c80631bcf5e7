/**
 * From a scenario to the engine's options, and the engine inputs as a viewer may see them. Shared by the planning
 * service (`service.ts`) and the stored proposal (`proposal.ts`).
 */
import type { RankOptions, SelectionOptions } from '../engine';
import type { PlanningContext } from './context';
import type { ScenarioParams } from '../model/scenario';

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
