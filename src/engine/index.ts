/**
 * The Stedsvalg engine: pure functions from indicators and rules to rankings, chosen sets and
 * robustness figures. No database, no HTTP, no file system, no clock, no unseeded randomness.
 *
 * Methods: weighted sum and TOPSIS (Hwang & Yoon 1981); maximal covering location (Church & ReVelle
 * 1974); p-median (Hakimi 1964; ReVelle & Swain 1970); greedy submodular maximisation (Nemhauser,
 * Wolsey & Fisher 1978) with vertex-substitution swaps (Teitz & Bart 1968); exact MILP (HiGHS) or
 * complete enumeration; SMAA-style weight sampling (Lahdelma, Hokkanen & Salminen 1998) with
 * bootstrap travel-model error; exactly rounded sums (Shewchuk 1997).
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
export { orderByScore, prepareRanking, rankMatrix, rankMunicipalities } from './rank';
export type { IneligibleReason, MatrixRankedItem, PreparedRanking, RankedItem, RankingResult, RankOptions } from './rank';
export { buildLocationProblem, coverageLists, standaloneSavings } from './location';
export { EARTH_RADIUS_KM, haversineKm, haversineKmScalar } from './sphere';
export type { LonLat } from './sphere';
export type { CostMatrix, DemandPoint, LocationInput, LocationProblem, SitePoint } from './location';
export { evaluateSet } from './coverage';
export type { SetEvaluation } from './coverage';
export { exactSum } from './sum';
export { SELECTION_OBJECTIVES } from './selection';
export { checkSelection, diagnose, violationText, type Violation, type ViolationRule } from './rules';
export type {
  ChosenSite, SelectionCandidate, SelectionObjective, SelectionOptions, SelectionProblem, SelectionResult, SelectionStatus,
} from './selection';
export { selectSites, selectSitesGreedy } from './select';
export { newlyInOrder as marginalCoverage } from './explain';
export { ExactSolveError, loadSolver } from './exact';
export { buildSelectionProblem, candidateSite, defaultSites } from './candidates';
export type { CandidateSiteInput, ScenarioInput } from './candidates';
export { mergeRobustnessCounts, robustness, robustnessCounts, summarizeRobustness } from './robustness';
export type { RobustnessCounts, RobustnessItem, RobustnessOptions, RobustnessResult, RobustnessSite } from './robustness';
export type { TravelError } from './perturb';
export { createRng } from './random';
export type { Rng } from './random';
export { defaultRankOptions, defaultRobustnessOptions, defaultSelectionOptions };

/** All engine defaults in one object, for the UI to show: ranking, selection, robustness. */
export const defaultOptions = {
  rank: defaultRankOptions,
  selection: defaultSelectionOptions,
  robustness: defaultRobustnessOptions,
} as const;
