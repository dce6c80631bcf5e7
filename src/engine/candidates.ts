/**
 * From ranked municipalities to a selection problem. Candidate sites are either given (several per
 * municipality: populated places, offered premises, ...) or one per municipality, at its offered
 * premises when their coordinates are known, otherwise at its population-weighted centre. Every site
 * belongs to its municipality's group and inherits the municipality's score, eligibility and police
 * district, so the rules (K = number of municipalities with maxPerGroup 1, includes, district counts)
 * still answer "which municipalities".
 */
import type { MunicipalityInput } from './criteria';
import { buildLocationProblem, type CostMatrix, type DemandPoint, type SitePoint } from './location';
import type { RankingResult } from './rank';
import type { SelectionProblem } from './selection';

/** A candidate site of a municipality. */
export interface CandidateSiteInput {
  id: string;
  kommunenummer: string;
  lon: number;
  lat: number;
  /** What the site is, e.g. `premises`, `centre` (population-weighted centre) or `place`. */
  kind: string;
  /** Tie-break priority (see `SelectionCandidate.priority`). */
  priority?: number;
}

/** Input for `buildSelectionProblem`. */
export interface ScenarioInput {
  municipalities: readonly MunicipalityInput[];
  ranking: RankingResult;
  /** Candidate sites (any number per municipality); default: one per municipality (`defaultSites`). */
  sites?: readonly CandidateSiteInput[];
  /** Demand points (e.g. ~3,000 population points); omit for the `score` objective. */
  demand?: readonly DemandPoint[];
  /** Existing stations (always open). */
  existing?: readonly SitePoint[];
  /** Straight-line km → drive minutes (used when `costs` is absent). */
  travelMinutes?: (km: number) => number;
  /** Precomputed demand × site costs in `sites` order (and fixed), e.g. a minutes matrix. */
  costs?: CostMatrix;
}

/** The candidate site of a municipality: offered premises when known, otherwise the centre. */
export function candidateSite(m: MunicipalityInput): SitePoint {
  const at = m.answer?.premisesLonLat ?? m.centre;
  return { id: m.kommunenummer, lon: at[0], lat: at[1] };
}

/** One site per municipality (id = kommunenummer), as `candidateSite` places it. */
export function defaultSites(municipalities: readonly MunicipalityInput[]): CandidateSiteInput[] {
  return municipalities.map((m) => ({ ...candidateSite(m), kommunenummer: m.kommunenummer, kind: m.answer?.premisesLonLat ? 'premises' : 'centre' }));
}

/**
 * Builds the selection problem: one candidate per site, in `sites` order, grouped by municipality,
 * with scores, eligibility and districts from the ranking and (when demand is given) the location problem.
 * @throws Error naming the municipality when it is missing from the ranking, or the site when its
 *   kommunenummer is unknown or its id repeats
 */
export function buildSelectionProblem(input: ScenarioInput): SelectionProblem {
  const byId = new Map(input.ranking.items.map((it) => [it.kommunenummer, it]));
  const municipalities = new Map(input.municipalities.map((m) => [m.kommunenummer, m]));
  for (const m of input.municipalities) if (!byId.has(m.kommunenummer)) throw new Error(`municipality ${m.kommunenummer} is missing from the ranking`);
  const sites = input.sites ?? defaultSites(input.municipalities);
  const seen = new Set<string>();
  const candidates = sites.map((s, i) => {
    const m = municipalities.get(s.kommunenummer);
    if (!m) throw new Error(`sites[${i}] (${s.id}): kommunenummer ${s.kommunenummer} is not a municipality`);
    if (seen.has(s.id)) throw new Error(`sites[${i}]: id ${s.id} appears twice`);
    seen.add(s.id);
    const item = byId.get(s.kommunenummer)!;
    return { id: s.id, group: s.kommunenummer, district: m.policeDistrict, eligible: item.eligible, ineligibleReason: item.reason, score: item.score, priority: s.priority ?? 0 };
  });
  const location = input.demand
    ? buildLocationProblem({
        demand: input.demand, candidates: sites.map((s) => ({ id: s.id, lon: s.lon, lat: s.lat })), fixed: input.existing ?? [],
        travelMinutes: input.travelMinutes, costs: input.costs,
      })
    : undefined;
  return { candidates, location };
}
