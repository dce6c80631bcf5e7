/**
 * Moving a point onto land: into its own kommune's polygon when it lies outside (in the sea, or across a
 * simplified coastline).
 *
 * Method: the nearest point on the polygon's boundary (point-to-segment distance in the local plane of the
 * spherical transverse Mercator, `projection.ts`), then a step of `insetKm` past it into the polygon along the
 * same line; if that lands outside (a thin spit), the boundary point is tried with steps towards each of the
 * segment's normals, at shorter and longer steps; a sliver too thin for any of these falls back to
 * @turf/point-on-feature of the nearest polygon part (https://turfjs.org/docs/api/pointOnFeature). Containment is
 * checked with @turf/boolean-point-in-polygon (https://turfjs.org/docs/api/booleanPointInPolygon).
 */
import { booleanPointInPolygon, point, pointOnFeature, polygon } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { LonLat } from './earth';
import { projectKm, unprojectKm, type XyKm } from './projection';

/** Result of {@link snapIntoArea}. */
export interface SnapResult {
  /** `[lon, lat]` on land (rounded to `decimals`). */
  readonly lonLat: [number, number];
  /** Km moved (0 when the point was already inside). */
  readonly movedKm: number;
}

const round = (v: number, decimals: number): number => Math.round(v * 10 ** decimals) / 10 ** decimals;

/**
 * The point itself when it lies in the area, else the nearest point just inside it.
 * @param lonLat `[lon, lat]`; @param area the kommune's Polygon or MultiPolygon
 * @param insetKm how far past the boundary to step (default 0.05 km); @param decimals rounding (default 5, ≈1 m)
 * @throws Error when no point inside could be found (a degenerate polygon)
 */
export function snapIntoArea(lonLat: LonLat, area: Polygon | MultiPolygon, insetKm = 0.05, decimals = 5): SnapResult {
  const inside = (p: [number, number]) => booleanPointInPolygon(point(p), area);
  const start: [number, number] = [round(lonLat[0], decimals), round(lonLat[1], decimals)];
  if (inside(start)) return { lonLat: start, movedKm: 0 };
  const xy = projectKm(lonLat);
  const near = nearestBoundaryPoint(xy, area);
  const away = { x: near.p.x - xy.x, y: near.p.y - xy.y };
  const len = Math.hypot(away.x, away.y) || 1;
  const normals = [{ x: -near.seg.y, y: near.seg.x }, { x: near.seg.y, y: -near.seg.x }];
  const directions = [{ x: away.x / len, y: away.y / len }, ...normals.map((n) => { const l = Math.hypot(n.x, n.y) || 1; return { x: n.x / l, y: n.y / l }; })];
  for (const step of [insetKm, insetKm / 2, insetKm / 5, insetKm / 10, insetKm * 2, insetKm * 4]) {
    for (const d of directions) {
      const [lon, lat] = unprojectKm({ x: near.p.x + d.x * step, y: near.p.y + d.y * step });
      const candidate: [number, number] = [round(lon, decimals), round(lat, decimals)];
      if (inside(candidate)) return { lonLat: candidate, movedKm: Math.hypot(near.p.x + d.x * step - xy.x, near.p.y + d.y * step - xy.y) };
    }
  }
  const c = pointOnFeature(polygon(near.part)).geometry.coordinates;
  const candidate: [number, number] = [round(c[0], decimals), round(c[1], decimals)];
  if (!inside(candidate)) throw new Error(`snapIntoArea: no point inside the area near ${lonLat.join(',')}`);
  const cxy = projectKm(candidate);
  return { lonLat: candidate, movedKm: Math.hypot(cxy.x - xy.x, cxy.y - xy.y) };
}

function nearestBoundaryPoint(xy: XyKm, area: Polygon | MultiPolygon): { p: XyKm; seg: XyKm; part: Position[][] } {
  const polys: Position[][][] = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
  let best = { d: Infinity, p: xy, seg: { x: 1, y: 0 }, part: polys[0] };
  for (const rings of polys) for (const ring of rings) {
    let prev = projectKm([ring[0][0], ring[0][1]]);
    for (let i = 1; i < ring.length; i++) {
      const cur = projectKm([ring[i][0], ring[i][1]]);
      const seg = { x: cur.x - prev.x, y: cur.y - prev.y };
      const l2 = seg.x * seg.x + seg.y * seg.y;
      const t = l2 > 0 ? Math.max(0, Math.min(1, ((xy.x - prev.x) * seg.x + (xy.y - prev.y) * seg.y) / l2)) : 0;
      const p = { x: prev.x + t * seg.x, y: prev.y + t * seg.y };
      const d = Math.hypot(p.x - xy.x, p.y - xy.y);
      if (d < best.d) best = { d, p, seg, part: rings };
      prev = cur;
    }
  }
  return { p: best.p, seg: best.seg, part: best.part };
}
