/**
 * Shortlist value types: the candidates a planner keeps, and the frozen snapshot of every figure at
 * creation that lets a shortlist reproduce after the data or the answers change.
 */
import type { CriterionId } from '../engine';
import type { ProposalErrorMargin } from './proposal';
import type { ScenarioParams } from './scenario';
import type { ResponseContent } from './answers';
import type { Municipality } from './municipality';

export type CandidateStatus = 'proposed' | 'approved' | 'rejected' | 'reserve';
export const CANDIDATE_STATUSES: readonly CandidateStatus[] = ['proposed', 'approved', 'rejected', 'reserve'];

export type Advice = 'supports' | 'neutral' | 'advisesAgainst';

/**
 * Where the station would be: a populated place (`place`, from data/sites.csv), offered premises, or (`centre`,
 * shortlists made before issue 11) the municipality's main populated place. Never the administrative centre.
 */
export interface CandidateSite {
  kind: 'centre' | 'place' | 'premises';
  lon: number;
  lat: number;
  /** The place's name and postcode (e.g. "Hansnes (9130)") or the premises' address. */
  label: string;
  /** The candidate site's id (e.g. `s9130`, `p1936`); absent on shortlists made before issue 11. */
  siteId?: string;
}

/** How a shortlist was made. */
export type ShortlistOrigin = 'scenario' | 'params' | 'manual';
export type ShortlistSolver = 'exact' | 'greedy' | 'manual';

/** The municipality indicators kept in a snapshot (as stored in the database at creation). */
export type SnapshotIndicators = Pick<
  Municipality,
  'population' | 'areaKm2' | 'densityPerKm2' | 'crimePer1000' | 'violencePer1000' | 'crimeTrendPer1000' | 'driveMinMean' |
  'residentsBeyond45' | 'shareBeyond45' | 'nearestStationMin'
>;
export const INDICATOR_KEYS: readonly (keyof SnapshotIndicators)[] = [
  'population', 'areaKm2', 'densityPerKm2', 'crimePer1000', 'violencePer1000', 'crimeTrendPer1000',
  'driveMinMean', 'residentsBeyond45', 'shareBeyond45', 'nearestStationMin',
];

/** A municipality's answer as it stood when the snapshot was taken. */
export interface SnapshotAnswer {
  content: ResponseContent;
  sample: boolean;
  source: string;
  version: number;
}

/**
 * Robustness figures of one candidate from the proposal's robustness run (see `src/planning/proposal.ts`): how
 * often its municipality is in the re-chosen set under sampled weights, sampled travel error and both.
 */
export interface SnapshotRobustness {
  /** Under weights and travel error together (under weights alone when the travel model is not sampled). */
  pInSet: number;
  pInSetWeights?: number;
  pInSetTravel?: number | null;
  stableUnderWeights?: boolean;
  stableUnderTravel?: boolean | null;
  stableUnderBoth?: boolean;
  pTopK: number;
  rankP05: number;
  rankMedian: number;
  rankP95: number;
}

/** A candidate's figures within the shortlist's set, in the set's order (the proposal's own figures for a shortlist made from it). */
export interface SnapshotSetFigures {
  /** Objective gain when added in the set's order; the column sums to the set's total. */
  marginalGain: number;
  lossIfRemoved: number;
  forced: boolean;
  /** 1-based place in the set's order. */
  position?: number;
  newlyCovered?: number | null;
  gainAtRisk?: number;
  withinError?: boolean;
}

/** Every figure of one candidate at creation. */
export interface SnapshotCandidate {
  kommunenummer: string;
  name: string;
  county: string;
  policeDistrict: string;
  policeDistrictNumber: string;
  adminCentre: string;
  /** 1-based rank among all municipalities. */
  rank: number;
  eligibleRank: number | null;
  /** 0–100. */
  score: number;
  eligible: boolean;
  ineligibleReason: string | null;
  /** Raw criterion values (`null` = missing). */
  values: Record<string, number | null>;
  /** Criterion → points of the score. */
  contributions: Record<string, number>;
  missing: CriterionId[];
  indicators: SnapshotIndicators;
  /**
   * SSB suppressed the municipality's violence count (0–4), so `violencePer1000` and the violence criterion use the
   * interval's midpoint; absent on snapshots made before the flag was kept (unknown).
   */
  violenceSuppressed?: boolean;
  robustness: SnapshotRobustness | null;
  /** Whether the scenario's proposed set contains it. */
  inProposedSet: boolean;
  /** Its figures within the shortlist's set (see `SnapshotSetFigures`); null when no location problem was given. */
  selection: SnapshotSetFigures | null;
  /** Residents it newly brings within the scenario's limit in the set's order (the column sums to the set's figure). */
  newlyCovered: number | null;
  /** The site: the one the proposal chose in the municipality, or (hand-picked) its offered premises, else its main populated place. */
  site: CandidateSite;
  answer: SnapshotAnswer | null;
  districtAdvice: Advice | null;
}

/** The stored proposal a snapshot was made from (see `src/planning/proposal-types.ts`). */
export interface SnapshotProposal {
  id: string;
  key: string;
  createdAt: string;
  solver: 'exact' | 'greedy';
  solverName: string;
  status: string;
  objectiveName: string;
  objective: number | null;
  bound: number | null;
  gap: number | null;
  totalGain: number;
  candidateSites: number;
  errorMargin: ProposalErrorMargin | null;
  travelModel: { ref: string; label: { nb: string; en: string } };
  selected: string[];
  selectedSites: string[];
}

/** The frozen snapshot of a shortlist (schema 1 before issue 11; 2 adds the stored proposal and per-site figures). */
export interface ShortlistSnapshot {
  schema: 1 | 2;
  createdAt: string;
  params: ScenarioParams;
  solver: ShortlistSolver;
  ranking: {
    method: string;
    normalization: string;
    wishGate: boolean;
    answersLoaded: boolean;
    baseline: number;
    /** Weights as used, scaled to sum 1. */
    weights: Record<string, number>;
  };
  /** The scenario's proposed set, when one was computed. */
  selection: {
    status: string;
    objectiveName: string;
    objective: number | null;
    newlyCovered: number | null;
    coveredShare: number | null;
    meanAccess: number | null;
    selected: string[];
    notes: string[];
  } | null;
  /** The stored proposal the shortlist was made from or compared with (schema 2). */
  proposal?: SnapshotProposal | null;
  /** How the per-candidate figures were computed: the proposal's own, or the hand-picked list's (schema 2). */
  figures?: { from: 'proposal' | 'list'; objectiveName: string; totalGain: number };
  /** Coverage of the shortlist's own candidates opened together. */
  set: { newlyCovered: number; coveredShare: number; meanAccessMin: number } | null;
  robustness: {
    samples: number; seed: number; mode: 'around' | 'simplex'; setSamples: number; notes: string[];
    /** What was sampled (schema 2). */
    sampled?: { weights: boolean; travel: boolean };
    method?: string[];
    proposalId?: string;
  } | null;
  data: { hash: string; vintage: string };
  answers: { loaded: boolean; sample: boolean; count: number; revision: string };
  assessmentsRevision: string;
  inputHash: string;
  candidates: SnapshotCandidate[];
}
