/**
 * Choosing a set of K sites: objectives, options, result types.
 *
 * Objectives (all with existing stations counted as already open):
 * - `score`: maximise Σ score of the chosen (the K best eligible, subject to the rules);
 * - `coverage`: maximise the demand weight newly brought within `radius` (MCLP, Church & ReVelle 1974);
 * - `access`: minimise Σ weight × cost to the nearest open site (p-median, Hakimi 1964; ReVelle &
 *   Swain 1970, with fixed sites);
 * - `beyond`: minimise Σ weight × max(0, cost − radius), e.g. resident-minutes beyond the 45-minute
 *   limit, so that 46 and 120 minutes are not the same (a p-median on shifted costs, see `location.ts`);
 * - `blend`: maximise α · (Σ score_j) / (100 · K) + (1 − α) · newlyCovered / coverable, where
 *   `coverable` is the demand weight that some candidate could newly cover; α = `blendAlpha`.
 * Ties are broken the same way everywhere (greedy, exact, robustness): the objective first, then the
 * chosen sites' Σ score, then the candidate ids; see `tiebreak.ts` for the rule and its proof.
 *
 * Constraints (see `rules.ts`): exactly K sites; at most `maxPerGroup` sites per group (a group is a
 * municipality: several candidate sites may belong to one kommunenummer; a candidate without a group
 * is its own group); per police district a minimum and maximum number of sites; include/exclude by
 * group ("include 5601" = some site of 5601); only eligible candidates.
 */
import type { LocationProblem } from './location';
import type { Violation } from './rules';

/** What the chosen set optimises. */
export type SelectionObjective = 'score' | 'coverage' | 'access' | 'beyond' | 'blend';
/** The objectives, for validation and UI lists. */
export const SELECTION_OBJECTIVES: readonly SelectionObjective[] = ['score', 'coverage', 'access', 'beyond', 'blend'];

/** A candidate site. */
export interface SelectionCandidate {
  id: string;
  /** Group (the municipality's kommunenummer); default: the candidate's own id. */
  group?: string | null;
  /** Police district (for district min/max); candidates without one are not district-constrained. */
  district?: string | null;
  /** Default true. */
  eligible?: boolean;
  /** Why not eligible (shown in diagnoses). */
  ineligibleReason?: string | null;
  /** 0–100: needed for `score` and `blend`; the tie-break for the other objectives (0 when absent). */
  score?: number;
  /**
   * The third tie-break key, after the objective and the score: higher wins (0 when absent). The planning layer
   * gives each site the population-weighted minutes it saves on its own (`standaloneSavings`), so among sites of
   * equal gain and score the one nearer the people it serves is chosen; the id decides only after that.
   */
  priority?: number;
}

/** Candidates (and, for coverage/access/beyond/blend, a location problem with the same candidate order). */
export interface SelectionProblem {
  candidates: readonly SelectionCandidate[];
  location?: LocationProblem;
}

/** Options for `selectSites`; see `defaultSelectionOptions`. */
export interface SelectionOptions {
  k: number;
  objective: SelectionObjective;
  /** Coverage radius, and the limit T of `beyond`, in the location problem's cost unit (minutes in the app). */
  radius: number;
  /** Weight of the score term in `blend` (0–1). */
  blendAlpha: number;
  districtMin: Readonly<Record<string, number>>;
  districtMax: Readonly<Record<string, number>>;
  /** Groups (kommunenummer) that must hold a chosen site. */
  include: readonly string[];
  /** Groups that may hold none. */
  exclude: readonly string[];
  /** At most this many chosen sites per group. */
  maxPerGroup: number;
  method: 'exact' | 'greedy';
  /** Wall-clock limit for the exact solver, seconds. */
  timeLimitSeconds: number;
  /**
   * Relative optimality tolerance: `status` is `optimal` only when the proven gap
   * (bound − value) / max(|value|, 1) is ≤ this (for integer-valued objectives the bound is rounded
   * down to a whole number first, so a gap below 1 resident proves the exact optimum).
   */
  gapTolerance: number;
  /**
   * Model error in the cost unit (e.g. minutes): a site whose marginal gain comes only from residents
   * whose times lie within ± this of the limit is flagged `withinError`. 0 = flag only zero-gain sites.
   */
  errorMargin: number;
  /** Improve greedy sets by swaps (same objective and tie-break). */
  localSearch: boolean;
  /** Exact by complete enumeration when there are at most this many feasible-size sets (0 = never). */
  enumerationLimit: number;
  /**
   * Exact beyond enumeration: Lagrangean branch-and-bound first, HiGHS only for what it leaves (true);
   * false sends the whole model to HiGHS (for comparison and tests).
   */
  lagrangean: boolean;
  /** Refuse (with a clear error) an exact model with more nonzeros than this. */
  maxModelNonzeros: number;
}

/** Default selection options: K = 20, coverage within 45 minutes, exact, 10 s limit, gap 1e-6. */
export const defaultSelectionOptions: SelectionOptions = {
  k: 20,
  objective: 'coverage',
  radius: 45,
  blendAlpha: 0.5,
  districtMin: {},
  districtMax: {},
  include: [],
  exclude: [],
  maxPerGroup: 1,
  method: 'exact',
  timeLimitSeconds: 10,
  gapTolerance: 1e-6,
  errorMargin: 0,
  localSearch: true,
  enumerationLimit: 20000,
  lagrangean: true,
  maxModelNonzeros: 8_000_000,
};

/** `optimal` (proved within `gapTolerance`), `feasible` (a valid set, not proved), `infeasible`, `timedOut` (no set in time). */
export type SelectionStatus = 'optimal' | 'feasible' | 'infeasible' | 'timedOut';

/** One chosen site and why it is there. */
export interface ChosenSite {
  id: string;
  /** Its group (municipality); the id itself for an ungrouped candidate. */
  group: string;
  district: string | null;
  score: number | null;
  /** Objective gain when added in the set's order (forced first, then greedy order); sums to the objective. */
  marginalGain: number;
  /** Objective lost if this site alone were dropped: f(S) − f(S \ {j}) (for access/beyond: cost increase). */
  lossIfRemoved: number;
  /** Residents it newly brings within the radius in the set's order (sums to the set's `newlyCovered`). */
  newlyCovered: number | null;
  /** Part of `marginalGain` decided by times within ± `errorMargin` of the limit (see `explain.ts`). */
  gainAtRisk: number;
  /** The gain is within the model's error: nothing of it survives an error of ± `errorMargin`. */
  withinError: boolean;
  forced: boolean;
}

/** Result of a selection. */
export interface SelectionResult {
  status: SelectionStatus;
  method: 'exact' | 'greedy';
  /** How the set was found: complete enumeration, HiGHS branch-and-cut, or greedy (+ swaps). */
  solver: 'enumeration' | 'highs' | 'greedy' | 'lagrangean';
  objectiveName: SelectionObjective;
  /** Objective value recomputed exactly from the chosen set (units: see the file comment), `null` without a set. */
  objective: number | null;
  /** Best proved bound on the objective (exact only), `null` otherwise. */
  bound: number | null;
  /** (bound − objective) / max(|objective|, 1) in the objective's direction (exact only), `null` otherwise. */
  gap: number | null;
  /** The tolerance `optimal` was judged against. */
  gapTolerance: number;
  /** Why the exact solver stopped: proof within tolerance, time limit, or (greedy) not applicable. */
  stoppedBy: 'proof' | 'timeLimit' | 'otherLimit' | null;
  /** Chosen site ids in the set's order. */
  selected: string[];
  /** The groups (municipalities) of the chosen sites, same order. */
  selectedGroups: string[];
  sites: ChosenSite[];
  /** Σ score of the chosen sites (the first tie-break). */
  scoreSum: number;
  /** Residents newly covered by the chosen set (all chosen together), when a location problem is given. */
  newlyCovered: number | null;
  /** Share of all residents within the radius of an open site. */
  coveredShare: number | null;
  /** Population-weighted mean cost to the nearest open site. */
  meanAccess: number | null;
  /** Σ weight × max(0, cost − radius) for the chosen set. */
  beyondCost: number | null;
  /** Broken rules (non-empty only when infeasible). */
  violated: Violation[];
  /** Anything worth knowing about how the answer was produced. */
  notes: string[];
  solveMs: number;
}
