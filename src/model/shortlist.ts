/**
 * Shortlist value types: the candidates a planner keeps, and the frozen snapshot of every figure at
 * creation that lets a shortlist reproduce after the data or the answers change.
 */
import type { CriterionId } from '../engine';
import type { ScenarioParams } from './scenario';
import type { ResponseContent } from './answers';
import type { Municipality } from './municipality';

export type CandidateStatus = 'proposed' | 'approved' | 'rejected' | 'reserve';
export const CANDIDATE_STATUSES: readonly CandidateStatus[] = ['proposed', 'approved', 'rejected', 'reserve'];

export type Advice = 'supports' | 'neutral' | 'advisesAgainst';

/** Where the station would be: the municipality's population-weighted centre or offered premises. */
export interface CandidateSite {
  kind: 'centre' | 'premises';
  lon: number;
  lat: number;
  /** Admin centre name or the premises' address. */
  label: string;
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

/** Robustness figures of one candidate (weight sampling, see `src/engine/robustness.ts`). */
export interface SnapshotRobustness {
  pInSet: number;
  pTopK: number;
  rankP05: number;
  rankMedian: number;
  rankP95: number;
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
  robustness: SnapshotRobustness | null;
  /** Whether the scenario's proposed set contains it. */
  inProposedSet: boolean;
  /** The selection's explanation when it is in the proposed set. */
  selection: { marginalGain: number; lossIfRemoved: number; forced: boolean } | null;
  /** Residents within the scenario's radius of this site alone that no existing station covers. */
  newlyCovered: number | null;
  /** The engine's candidate site (premises with coordinates when offered, else the centre). */
  site: CandidateSite;
  answer: SnapshotAnswer | null;
  districtAdvice: Advice | null;
}

/** The frozen snapshot of a shortlist (schema 1). */
export interface ShortlistSnapshot {
  schema: 1;
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
  /** Coverage of the shortlist's own candidates opened together. */
  set: { newlyCovered: number; coveredShare: number; meanAccessMin: number } | null;
  robustness: { samples: number; seed: number; mode: 'around' | 'simplex'; setSamples: number; notes: string[] } | null;
  data: { hash: string; vintage: string };
  answers: { loaded: boolean; sample: boolean; count: number; revision: string };
  assessmentsRevision: string;
  inputHash: string;
  candidates: SnapshotCandidate[];
}
