/**
 * Boundary files for the map: coordinate rounding with validity checks, and the police-district dissolve.
 * Checks use @turf/turf `kinks` (self-intersections) and `booleanValid` (OGC simple-feature validity).
 */
import { booleanValid, featureCollection, kinks, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

type Area = Polygon | MultiPolygon;
type Ring = Position[];

function roundRing(ring: readonly Position[], dp: number): Ring | null {
  const f = 10 ** dp;
  const out: Ring = [];
  for (const p of ring) {
    const q = [Math.round(p[0] * f) / f, Math.round(p[1] * f) / f];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
  return out.length >= 4 ? out : null;
}

/** Statistics of a rounding run. */
export interface RoundingReport {
  features: number;
  /** Rings that collapsed at the target precision and were kept at a finer one instead. */
  ringsKeptFiner: number;
  /** Features with turf kinks, before and after rounding. */
  kinksBefore: number;
  kinksAfter: number;
  /** Total kink points (self-intersections) over all features, before and after rounding. */
  kinkPointsBefore: number;
  kinkPointsAfter: number;
  /** Features failing turf booleanValid, before and after rounding. */
  invalidBefore: number;
  invalidAfter: number;
  /** Features re-rounded at dp + 1 because rounding at dp introduced kinks or invalidity. */
  featuresKeptFiner: number;
  verticesBefore: number;
  verticesAfter: number;
}

function roundPolygon(rings: readonly Ring[], dp: number, report: RoundingReport): Ring[] {
  return rings.map((ring) => {
    for (let d = dp; d <= dp + 3; d++) {
      const r = roundRing(ring, d);
      if (r) {
        if (d > dp) report.ringsKeptFiner++;
        return r;
      }
    }
    throw new Error('geometry: a ring collapsed even at dp + 3');
  });
}

function roundGeometry(g: Area, dp: number, report: RoundingReport): Area {
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: roundPolygon(g.coordinates, dp, report) };
  return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => roundPolygon(p, dp, report)) };
}

const kinkCount = (g: Area): number => kinks(g).features.length;
const countVertices = (g: Area): number =>
  (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).reduce(
    (n, poly) => n + poly.reduce((m, ring) => m + ring.length, 0),
    0,
  );

/**
 * Rounds every feature's coordinates to `dp` decimals, drops consecutive duplicate vertices, keeps collapsed
 * rings at a finer precision, and re-rounds a feature at `dp + 1` if rounding introduced kinks or invalidity.
 */
export function roundFeatures<P>(
  features: readonly Feature<Area, P>[],
  dp: number,
): { features: Feature<Area, P>[]; report: RoundingReport } {
  const report: RoundingReport = {
    features: features.length, ringsKeptFiner: 0, kinksBefore: 0, kinksAfter: 0, kinkPointsBefore: 0, kinkPointsAfter: 0,
    invalidBefore: 0, invalidAfter: 0, featuresKeptFiner: 0, verticesBefore: 0, verticesAfter: 0,
  };
  const out = features.map((f) => {
    const kinksBefore = kinkCount(f.geometry);
    const invalidBefore = !booleanValid(f.geometry);
    let g = roundGeometry(f.geometry, dp, report);
    if (kinkCount(g) > kinksBefore || (!booleanValid(g) && !invalidBefore)) {
      report.featuresKeptFiner++;
      g = roundGeometry(f.geometry, dp + 1, report);
    }
    const kinksAfter = kinkCount(g);
    report.kinksBefore += kinksBefore > 0 ? 1 : 0;
    report.kinksAfter += kinksAfter > 0 ? 1 : 0;
    report.kinkPointsBefore += kinksBefore;
    report.kinkPointsAfter += kinksAfter;
    report.invalidBefore += invalidBefore ? 1 : 0;
    report.invalidAfter += booleanValid(g) ? 0 : 1;
    report.verticesBefore += countVertices(f.geometry);
    report.verticesAfter += countVertices(g);
    if (kinksAfter > kinksBefore) throw new Error('geometry: rounding added self-intersections even at dp + 1');
    return { type: 'Feature' as const, properties: f.properties, geometry: g };
  });
  return { features: out, report };
}

/**
 * Dissolves polygons into one (Multi)Polygon with turf `union` (polyclip-ts).
 * @returns the dissolved geometry, or null when union fails or yields nothing
 */
export function dissolve(geoms: readonly Area[]): Area | null {
  if (geoms.length === 1) return geoms[0];
  const merged = union(featureCollection(geoms.map((g) => ({ type: 'Feature' as const, properties: {}, geometry: g }))));
  return merged ? merged.geometry : null;
}

/** Rounds a dissolved geometry's coordinates in place-free fashion (no validity re-check). */
export function roundGeometryOnly(g: Area, dp: number): Area {
  const report = { ringsKeptFiner: 0 } as RoundingReport;
  return roundGeometry(g, dp, report);
}
