/**
 * Spherical transverse Mercator projection, used to lay a square kilometre grid over Norway.
 *
 * Method: the spherical form of the transverse Mercator (J. P. Snyder, "Map Projections: A Working Manual",
 * USGS Professional Paper 1395, 1987, eqs. 8-1 to 8-7), central meridian 15° E (the meridian of UTM zone 33,
 * Kartverket's national zone), scale factor 1, Earth radius 6371.0088 km. Over Norway (4.5–31.2° E) the scale
 * error stays below 0.5 %, so a cell of the grid is within 0.5 % of a square kilometre everywhere.
 */
import { EARTH_RADIUS_KM, type LonLat } from './earth';

/** Central meridian of the projection, degrees east (UTM zone 33). */
export const CENTRAL_MERIDIAN_DEG = 15;

const RAD = Math.PI / 180;

/** Projected position in km: `x` east of the central meridian, `y` north along it from the equator. */
export interface XyKm {
  readonly x: number;
  readonly y: number;
}

/**
 * Projects `[lon, lat]` (degrees) to km.
 * @throws Error when a coordinate is not finite
 */
export function projectKm(lonLat: LonLat): XyKm {
  const [lon, lat] = lonLat;
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) throw new Error('projectKm: lon and lat must be finite numbers');
  const phi = lat * RAD;
  const dLambda = (lon - CENTRAL_MERIDIAN_DEG) * RAD;
  const b = Math.cos(phi) * Math.sin(dLambda);
  return {
    x: EARTH_RADIUS_KM * Math.atanh(b),
    y: EARTH_RADIUS_KM * Math.atan2(Math.tan(phi), Math.cos(dLambda)),
  };
}

/** Inverse of {@link projectKm}: km back to `[lon, lat]` in degrees. */
export function unprojectKm(xy: XyKm): [number, number] {
  const d = xy.y / EARTH_RADIUS_KM;
  const xr = xy.x / EARTH_RADIUS_KM;
  const lat = Math.asin(Math.sin(d) / Math.cosh(xr)) / RAD;
  const lon = CENTRAL_MERIDIAN_DEG + Math.atan2(Math.sinh(xr), Math.cos(d)) / RAD;
  return [lon, lat];
}
