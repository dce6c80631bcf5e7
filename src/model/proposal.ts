/**
 * The proposal as it is stored, shown, held by a shortlist and exported: the chosen set of municipalities, the site
 * chosen in each, the solver's outcome and the per-site figures. Types only (the browser imports them too).
 */
import type { ChosenSite, RobustnessResult, SelectionObjective, SelectionStatus, Violation } from '../engine';
import type { ScenarioParams } from './scenario';

/**
 * One chosen site, in the set's order. The per-site figures are the engine's (`ChosenSite`: score, marginal gain in the set's order, loss if removed,
 * residents newly within the limit, gain at risk and the within-error flag, forced), stored unrounded.
 */
export interface ProposalSite extends Pick<ChosenSite, 'score' | 'marginalGain' | 'lossIfRemoved' | 'newlyCovered' | 'gainAtRisk' | 'withinError' | 'forced'> {
  /** 1-based place in the set's order (included municipalities first, then the greedy order over the set). */
  position: number;
  kommunenummer: string;
  /** The municipality's name. */
  name: string;
  policeDistrict: string;
  siteId: string;
  /** A populated place of data/sites.csv, or premises the municipality offered. */
  siteKind: 'place' | 'premises';
  /** e.g. "Hansnes (9130)", or the premises' address. */
  siteLabel: string;
  lon: number;
  lat: number;
}

/** The error margin behind the within-error flags. */
export interface ProposalErrorMargin {
  minutes: number;
  /** Quantile of the absolute cross-validated residuals (0.5 = the median). */
  quantile: number;
  /** Number of residuals (TØI calibration pairs). */
  residuals: number;
  source: 'builtin-cv' | 'builtin-cv-for-imported';
}

/** A proposal: stored (`id` set) or a preview that was not stored (`id` null). */
export interface Proposal {
  id: string | null;
  /** The input key (see `proposal-key.ts`). */
  key: string;
  createdAt: string;
  solver: 'exact' | 'greedy';
  params: ScenarioParams;
  status: SelectionStatus;
  /** How the set was found: complete enumeration, Lagrangean branch-and-bound, HiGHS branch-and-cut, or greedy + swaps. */
  solverName: 'enumeration' | 'lagrangean' | 'highs' | 'greedy';
  objectiveName: SelectionObjective;
  /** The objective value recomputed exactly from the set. */
  objective: number | null;
  bound: number | null;
  gap: number | null;
  gapTolerance: number;
  stoppedBy: 'proof' | 'timeLimit' | 'otherLimit' | null;
  /** Σ marginal gains: the set's total in the gain column's unit. */
  totalGain: number;
  /** The chosen municipalities (kommunenummer) in the set's order: what the proposal answers. */
  selected: string[];
  /** The chosen site ids, same order. */
  selectedSites: string[];
  sites: ProposalSite[];
  scoreSum: number;
  newlyCovered: number | null;
  coveredShare: number | null;
  meanAccess: number | null;
  beyondCost: number | null;
  /** Candidate sites the solver chose among (all populated places and offered premises). */
  candidateSites: number;
  violated: Violation[];
  notes: string[];
  solveMs: number;
  errorMargin: ProposalErrorMargin | null;
  travelModel: { ref: string; label: { nb: string; en: string } };
  revision: { dataHash: string; dataVintage: string; answersRevision: string; assessmentsRevision: string; viewDistrict: string | null };
  answers: { loaded: boolean; sample: boolean; count: number };
}

/** The robustness of a stored proposal (the proposal is sample 0). */
export interface ProposalRobustness extends RobustnessResult {
  proposalId: string;
  /** The proposal's sites and municipalities, as sample 0 used them. */
  proposal: { sites: string[]; municipalities: string[] };
  travelError: { residuals: number; kind: 'additive' | 'multiplicative'; source: string } | null;
  createdAt: string;
}
