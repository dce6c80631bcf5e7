/**
 * The built-in land/sea travel-time model: drive minutes between two places from a least-cost path over the
 * 1 km land/sea raster (`land-grid.ts`, `cost-distance.ts`).
 *
 *   minutes = interceptMin + landMinPerKm · (land km) + remoteLandMinPerKm · (remote land km)
 *             + seaMinPerKm · (sea km) + ferryPenaltyMin · (ferry crossings)
 *
 * where remote land is land more than `remoteKm` from every populated postcode point (`remote-land.ts`: roads
 * go around mountains and plateaus, so crossing them costs more), and the path minimises the same sum (Dijkstra over the 8-neighbour grid; each end joins the grid at its
 * nearest land cell, the leg to the cell centre counted as land). Land km are straight-line km over land: roads
 * are longer (circuity) and `landMinPerKm` absorbs that, as a speed-times-circuity rate. The four parameters
 * are fitted by least absolute deviations on TØI's travel times from kommuner to their BA-region centre
 * (TØI for KMD 2019), see `scripts/data/travel-fit.ts` and `data/SOURCES.md`.
 *
 * The search runs in "land-km equivalents" (land = 1, sea = seaMinPerKm / landMinPerKm, ferry =
 * ferryPenaltyMin / landMinPerKm), so one path search serves every scale of the rates.
 */
import type { CostRates } from './cost-distance';

/** Parameters of the land/sea model (the `params` block of `data/travel-model.json`). */
export interface LandSeaParams {
  /** Fixed minutes added to every trip (start, stop, local streets). */
  readonly interceptMin: number;
  /** Minutes per straight-line km over land. */
  readonly landMinPerKm: number;
  /** Minutes per straight-line km over remote land (far from every settlement). */
  readonly remoteLandMinPerKm: number;
  /** Distance from the nearest populated place beyond which land counts as remote, km. */
  readonly remoteKm: number;
  /** Minutes per km at sea (ferry sailing, waiting spread over the crossing). */
  readonly seaMinPerKm: number;
  /** Minutes added for each ferry crossing (boarding and waiting). */
  readonly ferryPenaltyMin: number;
}

/**
 * The search rates of a parameter set, in land-km equivalents.
 * @throws Error naming the parameter when one is not finite, or landMinPerKm is not > 0
 */
export function searchRates(params: LandSeaParams): CostRates {
  for (const [name, v] of Object.entries(params)) {
    if (!Number.isFinite(v) || v < 0) throw new Error(`params.${name} must be a finite number ≥ 0`);
  }
  if (!(params.landMinPerKm > 0)) throw new Error('params.landMinPerKm must be > 0');
  return {
    landPerKm: 1, remoteLandPerKm: params.remoteLandMinPerKm / params.landMinPerKm,
    seaPerKm: params.seaMinPerKm / params.landMinPerKm, ferryPenalty: params.ferryPenaltyMin / params.landMinPerKm,
  };
}

/**
 * Minutes for a path cost in land-km equivalents.
 * @param costLandKm the least path cost between the two places (land-km equivalents, ≥ 0)
 * @returns `interceptMin + landMinPerKm · costLandKm`
 */
export function minutesFromCost(costLandKm: number, params: LandSeaParams): number {
  return params.interceptMin + params.landMinPerKm * costLandKm;
}
