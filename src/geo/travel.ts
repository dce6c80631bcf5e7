/**
 * Drive-time model: estimated minutes by road from straight-line distance.
 *
 * Form: `min = interceptMin + minPerKm · km` (a circuity-times-speed model: road distance ≈ circuity · km and
 * time ≈ road distance / speed plus a fixed start/stop time). The parameters are fitted by least absolute
 * deviations (median regression; R. Koenker, "Quantile Regression", Cambridge UP 2005) on TØI's travel times
 * from kommuner to their BA-region centre (TØI for KMD 2019, "Bo- og arbeidsmarkedsregioner 2020").
 * The fitted parameters are committed in `data/travel-model.json`; `scripts/build-data.ts` and the engine use
 * this one function, so build-time and run-time minutes are identical.
 *
 * Caveat: straight-line distance ignores fjords, ferries and mountains; see `data/SOURCES.md`.
 */

/** Parameters of the linear drive-time model (the `params` block of `data/travel-model.json`). */
export interface TravelModelParams {
  /** Fixed minutes added to every trip (start, stop, local streets). */
  readonly interceptMin: number;
  /** Minutes per straight-line km. */
  readonly minPerKm: number;
}

/** The shape of `data/travel-model.json` that the function needs (other members are documentation). */
export interface TravelModel {
  readonly method?: string;
  readonly formula?: string;
  readonly params: TravelModelParams;
}

/**
 * Estimated drive minutes for a straight-line distance.
 * @param distanceKm straight-line distance in km (finite, >= 0)
 * @param model the model, e.g. the parsed `data/travel-model.json`
 * @returns minutes, `interceptMin + minPerKm · distanceKm` (not rounded)
 * @throws Error when distanceKm is negative or not finite, or the params are not finite numbers
 */
export function estimateDriveMin(distanceKm: number, model: TravelModel): number {
  if (!Number.isFinite(distanceKm) || distanceKm < 0) {
    throw new Error('distanceKm must be a finite number >= 0');
  }
  const { interceptMin, minPerKm } = model.params;
  if (!Number.isFinite(interceptMin) || !Number.isFinite(minPerKm)) {
    throw new Error('model.params.interceptMin and model.params.minPerKm must be finite numbers');
  }
  return interceptMin + minPerKm * distanceKm;
}
