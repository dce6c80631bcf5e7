/**
 * Building a shortlist's frozen snapshot from a scenario outcome (pure: values in, values out).
 * Figures are copied from the engine's results without rounding, so a snapshot and a fresh engine
 * run on the same inputs are equal number for number.
 */
import { evaluateSet, marginalCoverage, type LocationProblem, type RankingResult, type RobustnessResult, type SelectionResult } from '../engine';
import type { Municipality } from '../db/municipalities-repo';
import type { ScenarioParams } from '../model/scenario';
import { inputHash } from './input-hash';
import type {
  Advice, CandidateSite, ShortlistSnapshot, ShortlistSolver, SnapshotAnswer, SnapshotCandidate, SnapshotIndicators,
} from '../model/shortlist';

/** Everything `buildSnapshot` needs: the engine's outputs and the data they were computed on. */
export interface SnapshotInput {
  params: ScenarioParams;
  solver: ShortlistSolver;
  /** ISO 8601 timestamp from the shell. */
  now: string;
  /** The shortlist's candidates in order (kommunenummer). */
  candidates: readonly string[];
  ranking: RankingResult;
  selection: SelectionResult | null;
  robustness: RobustnessResult | null;
  municipalities: readonly Municipality[];
  /** Engine candidate site per municipality (same as the location problem's candidates). */
  sites: readonly { kommunenummer: string; lon: number; lat: number; kind: 'premises' | 'centre' }[];
  location: LocationProblem | null;
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

/**
 * The engine site of a municipality with a readable label: the premises address, or the main populated place
 * (e.g. "Hansnes (9130)"; a place on land, never the population-weighted centre).
 */
export function engineSiteOf(
  m: Municipality, site: { lon: number; lat: number; kind: 'premises' | 'centre'; label?: string } | undefined, answer: SnapshotAnswer | null,
): CandidateSite {
  if (site?.kind === 'premises') {
    const p = answer?.content.q5.premises.find((x) => x.lon === site.lon && x.lat === site.lat);
    return { kind: 'premises', lon: site.lon, lat: site.lat, label: p?.address ?? '' };
  }
  return { kind: 'centre', lon: site?.lon ?? m.centre.lon, lat: site?.lat ?? m.centre.lat, label: site?.label ?? '' };
}

/**
 * Builds the frozen snapshot of a shortlist.
 * @throws Error naming the kommunenummer when a candidate is not a known municipality
 */
export function buildSnapshot(input: SnapshotInput): ShortlistSnapshot {
  const { params, ranking, selection, robustness, location } = input;
  const byKnr = new Map<string, { m: Municipality; index: number }>(input.municipalities.map((m, i) => [m.kommunenummer, { m, index: i }]));
  const ranked = new Map(ranking.items.map((r) => [r.kommunenummer, r]));
  const robust = new Map((robustness?.items ?? []).map((r) => [r.kommunenummer, r]));
  const chosen = new Map((selection?.sites ?? []).map((s) => [s.id, s]));
  const siteIndex = new Map(location ? location.candidateIds.map((id, i) => [id, i]) : []);
  const sites = new Map(input.sites.map((s) => [s.kommunenummer, s]));
  // Newly covered per candidate is its marginal gain in the shortlist's order, so the column sums to the set's figure.
  const ordered = input.candidates.map((k) => siteIndex.get(k)).filter((j): j is number => j !== undefined);
  const marginal = location ? marginalCoverage(location, params.minutes, ordered) : [];
  const newlyOf = new Map(ordered.map((j, k) => [j, marginal[k]]));

  const candidates = input.candidates.map((knr): SnapshotCandidate => {
    const entry = byKnr.get(knr);
    const r = ranked.get(knr);
    if (!entry || !r) throw new Error(`candidates: unknown kommunenummer "${knr}"`);
    const { m } = entry;
    const answer = input.answers.get(knr) ?? null;
    const rb = robust.get(knr);
    const ch = chosen.get(knr);
    const j = siteIndex.get(knr);
    return {
      kommunenummer: knr, name: m.name, county: m.county, policeDistrict: m.policeDistrict,
      policeDistrictNumber: m.policeDistrictNumber, adminCentre: m.adminCentre,
      rank: r.rank, eligibleRank: r.eligibleRank, score: r.score, eligible: r.eligible, ineligibleReason: r.reason,
      values: { ...r.values }, contributions: { ...r.contributions }, missing: [...r.missing],
      indicators: indicatorsOf(m),
      robustness: rb ? { pInSet: rb.pInSet, pTopK: rb.pTopK, rankP05: rb.rankP05, rankMedian: rb.rankMedian, rankP95: rb.rankP95 } : null,
      inProposedSet: selection?.selected.includes(knr) ?? false,
      selection: ch ? { marginalGain: ch.marginalGain, lossIfRemoved: ch.lossIfRemoved, forced: ch.forced } : null,
      newlyCovered: j !== undefined ? newlyOf.get(j) ?? null : null,
      site: engineSiteOf(m, sites.get(knr), answer),
      answer,
      districtAdvice: input.advice.get(knr) ?? null,
    };
  });

  const indices = input.candidates.map((k) => siteIndex.get(k)).filter((j): j is number => j !== undefined);
  const set = location ? evaluateSet(location, indices, params.minutes) : null;
  return {
    schema: 1,
    createdAt: input.now,
    params,
    solver: input.solver,
    ranking: {
      method: ranking.method, normalization: ranking.normalization, wishGate: ranking.wishGate,
      answersLoaded: ranking.answersLoaded, baseline: ranking.baseline, weights: { ...ranking.weights },
    },
    selection: selection
      ? {
          status: selection.status, objectiveName: selection.objectiveName, objective: selection.objective,
          newlyCovered: selection.newlyCovered, coveredShare: selection.coveredShare, meanAccess: selection.meanAccess,
          selected: [...selection.selected], notes: [...selection.notes],
        }
      : null,
    set: set ? { newlyCovered: set.newlyCovered, coveredShare: set.coveredShare, meanAccessMin: set.meanAccess } : null,
    robustness: robustness
      ? { samples: robustness.samples, seed: robustness.seed, mode: robustness.mode, setSamples: robustness.setSamples, notes: [...robustness.notes] }
      : null,
    data: { hash: input.dataHash, vintage: input.dataVintage },
    answers: { ...input.answersStatus, revision: input.answersRevision },
    assessmentsRevision: input.assessmentsRevision,
    inputHash: inputHash({
      params, dataHash: input.dataHash, answersRevision: input.answersRevision, assessmentsRevision: input.assessmentsRevision,
    }),
    candidates,
  };
}
