/**
 * Positions and the Earth's size as `src/geo` uses them.
 *
 * The mean radius is the IUGG value @turf/turf also uses. The great-circle distance itself lives in
 * the engine (`engine/sphere.ts`), which uses the same radius: neither folder imports the other (the
 * engine and geo import nothing outside themselves, scripts/check-layers.ts), and a unit test checks
 * that the two constants agree.
 */

/** A WGS84 position as GeoJSON orders it: `[lon, lat]` in degrees. */
export type LonLat = readonly [number, number];

/** Mean Earth radius in km (IUGG), the same value @turf/turf and `engine/sphere.ts` use. */
export const EARTH_RADIUS_KM = 6371.0088;
