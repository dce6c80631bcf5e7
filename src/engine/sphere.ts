/**
 * Great-circle (haversine) distance on a spherical Earth.
 *
 * Method: the haversine formula (R. W. Sinnott, "Virtues of the Haversine", Sky and Telescope 68(2), 1984),
 * with the mean Earth radius R = 6371.0088 km (IUGG mean radius, as used by @turf/helpers `earthRadius`).
 * Error against the WGS84 ellipsoid is below about 0.5 %, far below the error of postcode-level points.
 *
 * The one implementation of the formula, in the engine because the engine needs it in its hot loops
 * and imports nothing outside itself. `src/geo` (which may not import the engine either) names the
 * same radius for its projection in `geo/earth.ts`; a unit test checks the two agree.
 */

/** A WGS84 position as GeoJSON orders it: `[lon, lat]` in degrees. */
export type LonLat = readonly [number, number];

/** Mean Earth radius in km (IUGG), the same value @turf/turf uses. */
export const EARTH_RADIUS_KM = 6371.0088;

const toRad = (deg: number): number => (deg * Math.PI) / 180;

/**
 * Straight-line (great-circle) distance between two points.
 * @param from `[lon, lat]` in degrees
 * @param to `[lon, lat]` in degrees
 * @returns distance in km (>= 0)
 * @throws Error when a coordinate is not a finite number
 */
export function haversineKm(from: LonLat, to: LonLat): number {
  for (const v of [from[0], from[1], to[0], to[1]]) {
    if (!Number.isFinite(v)) throw new Error('haversineKm: coordinates must be finite numbers');
  }
  return haversineKmScalar(from[0], from[1], to[0], to[1]);
}

/**
 * The same distance from four plain numbers, with no checks and no allocation: for hot loops over
 * typed arrays (the engine's demand × site matrices) that have validated their inputs once.
 */
export function haversineKmScalar(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = toRad(lat2 - lat1);
  const dLon = toRad(lon2 - lon1);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(lat1)) * Math.cos(toRad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
