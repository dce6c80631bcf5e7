/**
 * From ranked municipalities to a selection problem: one candidate site per municipality, at its
 * offered premises when their coordinates are known, otherwise at its population-weighted centre.
 */
import type { MunicipalityInput } from './criteria';
import { buildLocationProblem, type DemandPoint, type SitePoint } from './location';
import type { RankingResult } from './rank';
import type { SelectionProblem } from './selection';

/** Input for `buildSelectionProblem`. */
export interface ScenarioInput {
  municipalities: readonly MunicipalityInput[];
  ranking: RankingResult;
  /** Demand points (e.g. ~3,000 population points); omit for the `score` objective. */
  demand?: readonly DemandPoint[];
  /** Existing stations (always open). */
  existing?: readonly SitePoint[];
  /** Straight-line km → drive minutes (the app passes its calibrated travel model). */
  travelMinutes?: (km: number) => number;
}

/** The candidate site of a municipality: offered premises when known, otherwise the centre. */
export function candidateSite(m: MunicipalityInput): SitePoint {
  const at = m.answer?.premisesLonLat ?? m.centre;
  return { id: m.kommunenummer, lon: at[0], lat: at[1] };
}

/**
 * Builds the selection problem for the municipalities, in `municipalities` order, with scores,
 * eligibility and districts from the ranking and (when demand is given) the location problem.
 * @throws Error naming the municipality when it is missing from the ranking
 */
export function buildSelectionProblem(input: ScenarioInput): SelectionProblem {
  const byId = new Map(input.ranking.items.map((it) => [it.kommunenummer, it]));
  const candidates = input.municipalities.map((m) => {
    const item = byId.get(m.kommunenummer);
    if (!item) throw new Error(`municipality ${m.kommunenummer} is missing from the ranking`);
    return { id: m.kommunenummer, district: m.policeDistrict, eligible: item.eligible, ineligibleReason: item.reason, score: item.score };
  });
  const location = input.demand
    ? buildLocationProblem({
        demand: input.demand, candidates: input.municipalities.map(candidateSite), fixed: input.existing ?? [],
        travelMinutes: input.travelMinutes,
      })
    : undefined;
  return { candidates, location };
}
