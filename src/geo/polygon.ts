/**
 * Point-in-polygon helpers over GeoJSON Polygon/MultiPolygon features, thin wrappers over @turf/turf.
 *
 * Methods: ray casting via `@turf/boolean-point-in-polygon` (https://turfjs.org/docs/api/booleanPointInPolygon);
 * nearest-polygon fallback by point-to-segment distance via `@turf/point-to-line-distance`, because the
 * coast-clipped Kartverket polygons leave quays and island points in the sea (see `data/SOURCES.md`).
 */
import { booleanPointInPolygon, point, pointToLineDistance, polygonToLine } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { LonLat } from './earth';

/** A polygon feature with typed properties. */
export type AreaFeature<P> = Feature<Polygon | MultiPolygon, P>;

/**
 * Whether a point lies inside (or on the boundary of) a polygon feature.
 * @param lonLat `[lon, lat]` in degrees
 * @param area a Polygon or MultiPolygon feature
 */
export function isPointInArea<P>(lonLat: LonLat, area: AreaFeature<P>): boolean {
  return booleanPointInPolygon(point([lonLat[0], lonLat[1]]), area.geometry);
}

/**
 * Distance from a point to the boundary of a polygon feature, 0 when inside.
 * @param lonLat `[lon, lat]` in degrees
 * @param area a Polygon or MultiPolygon feature
 * @returns km (great-circle point-to-segment distance)
 */
export function distanceToAreaKm<P>(lonLat: LonLat, area: AreaFeature<P>): number {
  if (isPointInArea(lonLat, area)) return 0;
  const pt = point([lonLat[0], lonLat[1]]);
  const lines = polygonToLine(area.geometry);
  const parts = lines.type === 'FeatureCollection' ? lines.features : [lines];
  let best = Infinity;
  for (const line of parts) {
    best = Math.min(best, pointToLineDistance(pt, line as never, { units: 'kilometers' }));
  }
  return best;
}

/** Result of {@link locatePoint}. */
export interface PointLocation<P> {
  /** The containing feature, or the nearest one when the point is outside all of them (null if none given). */
  readonly feature: AreaFeature<P> | null;
  /** True when the point is strictly located inside `feature`; false when it is the nearest-polygon fallback. */
  readonly inside: boolean;
  /** 0 when inside, else km to the nearest feature's boundary. */
  readonly distanceKm: number;
}

/**
 * Finds the feature that contains a point, falling back to the nearest feature.
 * @param lonLat `[lon, lat]` in degrees
 * @param areas candidate features (not mutated)
 */
export function locatePoint<P>(lonLat: LonLat, areas: readonly AreaFeature<P>[]): PointLocation<P> {
  for (const area of areas) {
    if (isPointInArea(lonLat, area)) return { feature: area, inside: true, distanceKm: 0 };
  }
  let feature: AreaFeature<P> | null = null;
  let distanceKm = Infinity;
  for (const area of areas) {
    const d = distanceToAreaKm(lonLat, area);
    if (d < distanceKm) {
      distanceKm = d;
      feature = area;
    }
  }
  return { feature, inside: false, distanceKm: feature ? distanceKm : 0 };
}
