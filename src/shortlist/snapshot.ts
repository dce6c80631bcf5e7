/**
 * Building a shortlist's frozen snapshot from a scenario outcome (pure: values in, values out).
 * Figures are copied from the stored proposal and the engine's results without rounding, so a
 * snapshot and the proposal it was made from are equal number for number.
 */
import type { RankingResult } from '../engine';
import type { Municipality } from '../db/municipalities-repo';
import type { Proposal, ProposalRobustness, ProposalSite } from '../model/proposal';
import type { ScenarioParams } from '../model/scenario';
import { inputHash } from './input-hash';
import type {
  Advice, CandidateSite, ShortlistSnapshot, ShortlistSolver, SnapshotAnswer, SnapshotCandidate, SnapshotIndicators, SnapshotProposal,
  SnapshotRobustness,
} from '../model/shortlist';

/** Everything `buildSnapshot` needs: the stored proposal, the engine's outputs and the data they were computed on. */
export interface SnapshotInput {
  params: ScenarioParams;
  solver: ShortlistSolver;
  /** ISO 8601 timestamp from the shell. */
  now: string;
  /** The shortlist's candidates in order (kommunenummer). */
  candidates: readonly string[];
  ranking: RankingResult;
  /** The scenario's stored proposal (null when none was computed). */
  proposal: Proposal | null;
  robustness: ProposalRobustness | null;
  municipalities: readonly Municipality[];
  /** The site of each candidate (kommunenummer → site). */
  sites: ReadonlyMap<string, CandidateSite>;
  /** Per-candidate figures in the set's order, and where they come from (null without a location problem). */
  figures: { from: 'proposal' | 'list'; objectiveName: string; totalGain: number; sites: ReadonlyMap<string, ProposalSite> } | null;
  /** The candidates' sites opened together. */
  set: { newlyCovered: number; coveredShare: number; meanAccessMin: number } | null;
  answers: ReadonlyMap<string, SnapshotAnswer>;
  answersStatus: { loaded: boolean; sample: boolean; count: number };
  answersRevision: string;
  advice: ReadonlyMap<string, Advice>;
  assessmentsRevision: string;
  dataHash: string;
  dataVintage: string;
}

/** The indicators of a municipality, as kept in a snapshot. */
export function indicatorsOf(m: Municipality): SnapshotIndicators {
  return {
    population: m.population, areaKm2: m.areaKm2, densityPerKm2: m.densityPerKm2, crimePer1000: m.crimePer1000,
    violencePer1000: m.violencePer1000, crimeTrendPer1000: m.crimeTrendPer1000, driveMinMean: m.driveMinMean,
    residentsBeyond45: m.residentsBeyond45, shareBeyond45: m.shareBeyond45, nearestStationMin: m.nearestStationMin,
  };
}

/** The site of a proposal's chosen site, as a shortlist keeps it. */
export function siteOfProposal(s: ProposalSite): CandidateSite {
  return { kind: s.siteKind, lon: s.lon, lat: s.lat, label: s.siteLabel, siteId: s.siteId };
}

/** The proposal as a snapshot keeps it (without the per-site list, which the candidates carry). */
export function snapshotProposal(p: Proposal & { id: string }): SnapshotProposal {
  return {
    id: p.id, key: p.key, createdAt: p.createdAt, solver: p.solver, solverName: p.solverName, status: p.status, objectiveName: p.objectiveName,
    objective: p.objective, bound: p.bound, gap: p.gap, totalGain: p.totalGain, candidateSites: p.candidateSites, errorMargin: p.errorMargin,
    travelModel: p.travelModel, selected: [...p.selected], selectedSites: [...p.selectedSites],
  };
}

function robustnessOf(r: ProposalRobustness['items'][number] | undefined): SnapshotRobustness | null {
  if (!r) return null;
  return {
    pInSet: r.pInSet, pInSetWeights: r.pInSetWeights, pInSetTravel: r.pInSetTravel, stableUnderWeights: r.stableUnderWeights,
    stableUnderTravel: r.stableUnderTravel, stableUnderBoth: r.stableUnderBoth, pTopK: r.pTopK, rankP05: r.rankP05, rankMedian: r.rankMedian,
    rankP95: r.rankP95,
  };
}

/** The proposal's set-level figures as the snapshot keeps them. */
function selectionOf(proposal: SnapshotInput['proposal']): ShortlistSnapshot['selection'] {
  return proposal
    ? {
        status: proposal.status, objectiveName: proposal.objectiveName, objective: proposal.objective,
        newlyCovered: proposal.newlyCovered, coveredShare: proposal.coveredShare, meanAccess: proposal.meanAccess,
        selected: [...proposal.selected], notes: [...proposal.notes],
      }
    : null;
}

/** The robustness run's settings and notes as the snapshot keeps them (per-site figures are on each candidate). */
function robustnessSummaryOf(robustness: SnapshotInput['robustness']): ShortlistSnapshot['robustness'] {
  return robustness
    ? {
        samples: robustness.samples, seed: robustness.seed, mode: robustness.mode, setSamples: robustness.setSamples, notes: [...robustness.notes],
        sampled: { ...robustness.sampled }, method: [...robustness.method], proposalId: robustness.proposalId,
      }
    : null;
}

/**
 * Builds the frozen snapshot of a shortlist.
 * @throws Error naming the kommunenummer when a candidate is not a known municipality
 */
export function buildSnapshot(input: SnapshotInput): ShortlistSnapshot {
  const { params, ranking, proposal, robustness } = input;
  const byKnr = new Map<string, Municipality>(input.municipalities.map((m) => [m.kommunenummer, m]));
  const ranked = new Map(ranking.items.map((r) => [r.kommunenummer, r]));
  const robust = new Map((robustness?.items ?? []).map((r) => [r.kommunenummer, r]));
  const inProposal = new Set(proposal?.selected ?? []);
  const candidates = input.candidates.map((knr): SnapshotCandidate => {
    const m = byKnr.get(knr);
    const r = ranked.get(knr);
    const site = input.sites.get(knr);
    if (!m || !r || !site) throw new Error(`candidates: unknown kommunenummer "${knr}"`);
    const f = input.figures?.sites.get(knr);
    return {
      kommunenummer: knr, name: m.name, county: m.county, policeDistrict: m.policeDistrict,
      policeDistrictNumber: m.policeDistrictNumber, adminCentre: m.adminCentre,
      rank: r.rank, eligibleRank: r.eligibleRank, score: r.score, eligible: r.eligible, ineligibleReason: r.reason,
      values: { ...r.values }, contributions: { ...r.contributions }, missing: [...r.missing],
      indicators: indicatorsOf(m),
      violenceSuppressed: m.violenceSuppressed,
      robustness: robustnessOf(robust.get(knr)),
      inProposedSet: inProposal.has(knr),
      selection: f
        ? { marginalGain: f.marginalGain, lossIfRemoved: f.lossIfRemoved, forced: f.forced, position: f.position, newlyCovered: f.newlyCovered, gainAtRisk: f.gainAtRisk, withinError: f.withinError }
        : null,
      newlyCovered: f?.newlyCovered ?? null,
      site: { ...site },
      answer: input.answers.get(knr) ?? null,
      districtAdvice: input.advice.get(knr) ?? null,
    };
  });
  return {
    schema: 2,
    createdAt: input.now,
    params,
    solver: input.solver,
    ranking: {
      method: ranking.method, normalization: ranking.normalization, wishGate: ranking.wishGate,
      answersLoaded: ranking.answersLoaded, baseline: ranking.baseline, weights: { ...ranking.weights },
    },
    selection: selectionOf(proposal),
    proposal: proposal?.id ? snapshotProposal({ ...proposal, id: proposal.id }) : null,
    figures: input.figures ? { from: input.figures.from, objectiveName: input.figures.objectiveName, totalGain: input.figures.totalGain } : undefined,
    set: input.set,
    robustness: robustnessSummaryOf(robustness),
    data: { hash: input.dataHash, vintage: input.dataVintage },
    answers: { ...input.answersStatus, revision: input.answersRevision },
    assessmentsRevision: input.assessmentsRevision,
    inputHash: inputHash({
      params, dataHash: input.dataHash, answersRevision: input.answersRevision, assessmentsRevision: input.assessmentsRevision,
    }),
    candidates,
  };
}
