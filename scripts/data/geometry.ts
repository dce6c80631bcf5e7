/**
 * Boundary files for the map: coordinate rounding with validity checks, repair of self-intersections
 * (`./repair`), and the police-district dissolve.
 * Checks use @turf/turf `kinks` (self-intersections) and `booleanValid` (OGC simple-feature validity).
 */
import { area, booleanValid, featureCollection, kinks, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { repairArea } from './repair';
import { roundPositions } from './round';
import type { RepairOptions } from './repair';

type Area = Polygon | MultiPolygon;
type Ring = Position[];

function roundRing(ring: readonly Position[], dp: number): Ring | null {
  const out = roundPositions(ring, dp);
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

/** Statistics of a repair run ({@link repairFeatures}). */
export interface RepairReport {
  /** Ids of the features that had kinks or failed booleanValid and were repaired. */
  repaired: string[];
  /** Features with kinks, kink points, and invalid feature ids after the repair. */
  kinksAfter: number;
  kinkPointsAfter: number;
  invalidAfter: string[];
  /** Polygons and holes dropped as slivers, their total km², and ring touches separated. */
  slivers: number;
  sliverKm2: number;
  touchesSeparated: number;
  /** Largest relative area change of a repaired feature (turf area after / before − 1), in %. */
  largestAreaChangePct: { id: string; pct: number } | null;
}

/**
 * Repairs every feature that has turf kinks or fails turf booleanValid with {@link repairArea}; others are kept as
 * they are. Properties are kept.
 * @param id names a feature in the report
 */
export function repairFeatures<P>(
  features: readonly Feature<Area, P>[],
  id: (p: P) => string,
  options: Partial<RepairOptions> = {},
): { features: Feature<Area, P>[]; report: RepairReport } {
  const report: RepairReport = {
    repaired: [], kinksAfter: 0, kinkPointsAfter: 0, invalidAfter: [], slivers: 0, sliverKm2: 0, touchesSeparated: 0, largestAreaChangePct: null,
  };
  const out = features.map((f) => {
    let g = f.geometry;
    if (kinkCount(g) > 0 || !booleanValid(g)) {
      const r = repairArea(g, options);
      report.repaired.push(id(f.properties));
      report.slivers += r.slivers;
      report.sliverKm2 += r.sliverKm2;
      report.touchesSeparated += r.touchesSeparated;
      const pct = (area(r.geometry) / area(g) - 1) * 100;
      if (!report.largestAreaChangePct || Math.abs(pct) > Math.abs(report.largestAreaChangePct.pct)) report.largestAreaChangePct = { id: id(f.properties), pct };
      g = r.geometry;
    }
    const k = kinkCount(g);
    report.kinksAfter += k > 0 ? 1 : 0;
    report.kinkPointsAfter += k;
    if (!booleanValid(g)) report.invalidAfter.push(id(f.properties));
    return { type: 'Feature' as const, properties: f.properties, geometry: g };
  });
  return { features: out, report };
}
