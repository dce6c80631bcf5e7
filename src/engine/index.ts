/**
 * The Stedsvalg engine: pure functions from indicators and rules to rankings, chosen sets and
 * robustness figures. No database, no HTTP, no file system, no clock, no unseeded randomness.
 *
 * Methods: weighted sum and TOPSIS (Hwang & Yoon 1981); maximal covering location (Church & ReVelle
 * 1974); p-median (Hakimi 1964; ReVelle & Swain 1970); greedy submodular maximisation (Nemhauser,
 * Wolsey & Fisher 1978); SMAA-style weight sampling (Lahdelma, Hokkanen & Salminen 1998).
 */
import { defaultRankOptions } from './rank';
import { defaultRobustnessOptions } from './robustness';
import { defaultSelectionOptions } from './selection';

export { CRITERIA, CRITERION_IDS, DEFAULT_WEIGHTS, criterion } from './criteria';
export type { CriterionDef, CriterionId, Direction, MunicipalityAnswer, MunicipalityInput } from './criteria';
export { NORMALIZATIONS, normalizeColumn, normalizeMatrix } from './normalize';
export type { DecisionMatrix, Normalization } from './normalize';
export { AGGREGATIONS, aggregate, validateWeights } from './aggregate';
export type { Aggregated, AggregationMethod } from './aggregate';
export { INELIGIBLE_REASON_LABELS, orderByScore, prepareRanking, rankMatrix, rankMunicipalities } from './rank';
export type { IneligibleReason, MatrixRankedItem, PreparedRanking, RankedItem, RankingResult, RankOptions } from './rank';
export { buildLocationProblem, haversineKm } from './location';
export type { DemandPoint, LocationInput, LocationProblem, SitePoint } from './location';
export { evaluateSet } from './coverage';
export type { SetEvaluation } from './coverage';
export { SELECTION_OBJECTIVES, checkSelection, diagnose } from './selection';
export type {
  ChosenSite, SelectionCandidate, SelectionObjective, SelectionOptions, SelectionProblem, SelectionResult, SelectionStatus,
} from './selection';
export { selectSites, selectSitesGreedy } from './select';
export { loadSolver } from './exact';
export { buildSelectionProblem, candidateSite } from './candidates';
export type { ScenarioInput } from './candidates';
export { robustness } from './robustness';
export type { RobustnessItem, RobustnessOptions, RobustnessResult } from './robustness';
export { createRng } from './random';
export type { Rng } from './random';
export { defaultRankOptions, defaultRobustnessOptions, defaultSelectionOptions };

/** All engine defaults in one object, for the UI to show: ranking, selection, robustness. */
export const defaultOptions = {
  rank: defaultRankOptions,
  selection: defaultSelectionOptions,
  robustness: defaultRobustnessOptions,
} as const;
