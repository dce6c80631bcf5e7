/**
 * Repairs self-intersecting boundary geometry so that turf `kinks` finds nothing and turf `booleanValid` passes.
 *
 * Method, in three phases (see data/SOURCES.md, "kommuner.geojson"):
 * 1. Make valid: the geometry's polygons are dissolved with turf `union` (polyclip-ts, Martinez–Rueda–Feito). A
 *    self-crossing ring is read with the non-zero winding rule, so a figure-eight ring becomes its simple lobes (as
 *    turf `unkinkPolygon` would split it; the area the ring encloses on the map is kept), overlapping parts of a
 *    MultiPolygon are merged, and holes are re-assigned to the shell that contains them. polyclip-ts output has no
 *    self-crossing or self-touching rings and no crossing rings (https://github.com/luizbarboza/polyclip-ts#output).
 * 2. Drop degenerate slivers: polygons and holes smaller than `minPartKm2` (default 0.001 km²) are removed.
 * 3. Round and separate touches: new (intersection) vertices are rounded to `dp` decimals. turf `kinks` also counts
 *    two rings that touch at one shared vertex (OGC-valid, e.g. a hole touching its shell), so at each such vertex
 *    the smaller ring's vertex is pulled `touchOffsetDeg` into the region that ring encloses.
 * If rounding at `dp` leaves kinks, phase 3 is retried with one more decimal, up to `maxDp`.
 */
import { area, booleanPointInPolygon, featureCollection, kinks, polygon, union } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { roundPositions } from './round';

type Area = Polygon | MultiPolygon;
type Ring = Position[];

/** Options of {@link repairArea}. */
export interface RepairOptions {
  /** Polygons and holes below this area (km², turf `area`) are dropped as slivers. */
  readonly minPartKm2: number;
  /** Decimals for the vertices the repair adds (vertices already on a coarser grid keep their value). */
  readonly dp: number;
  /** The most decimals tried when rounding at `dp` leaves kinks. */
  readonly maxDp: number;
  /** How far (degrees) a touching vertex is pulled into its own ring's region. */
  readonly touchOffsetDeg: number;
}

export const defaultRepairOptions: RepairOptions = { minPartKm2: 0.001, dp: 6, maxDp: 9, touchOffsetDeg: 1e-5 };

/** What {@link repairArea} did to one geometry. */
export interface RepairResult {
  readonly geometry: Area;
  /** Polygons and holes dropped as slivers, and their total area (km²). */
  readonly slivers: number;
  readonly sliverKm2: number;
  /** Shared vertices between rings that were separated. */
  readonly touchesSeparated: number;
  /** Decimals used for the added vertices. */
  readonly dp: number;
  /** turf `kinks` points left (0 unless the repair failed). */
  readonly kinkPoints: number;
}

const polygonsOf = (g: Area): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
const ringKm2 = (ring: Ring): number => area(polygon([ring])) / 1e6;

/** Phase 1: dissolves the polygons of `g` with polyclip-ts (non-zero rule); an empty list when nothing is left. */
export function makeValid(g: Area): Position[][][] {
  const parts = polygonsOf(g).map((p) => polygon(p));
  // turf union wants two or more features; a geometry unioned with itself is itself.
  const merged = union(featureCollection(parts.length === 1 ? [parts[0], parts[0]] : parts));
  return merged ? polygonsOf(merged.geometry) : [];
}

/** Phase 2: drops polygons and holes below `minKm2`. */
export function dropSlivers(polys: readonly Position[][][], minKm2: number): { polys: Position[][][]; slivers: number; sliverKm2: number } {
  let slivers = 0;
  let sliverKm2 = 0;
  const drop = (ring: Ring): boolean => {
    const a = ringKm2(ring);
    if (a >= minKm2) return false;
    slivers++;
    sliverKm2 += a;
    return true;
  };
  const out = polys.filter((p) => !drop(p[0])).map((p) => [p[0], ...p.slice(1).filter((h) => !drop(h))]);
  return { polys: out, slivers, sliverKm2 };
}


/** Pulls vertex `i` of a closed ring `d` degrees into the region the ring encloses (along the angle bisector). */
function pullInward(ring: Ring, i: number, d: number, dp: number): void {
  const n = ring.length - 1;
  const v = ring[i];
  const prev = ring[(i - 1 + n) % n];
  const next = ring[(i + 1) % n];
  const unit = (p: Position) => {
    const len = Math.hypot(p[0] - v[0], p[1] - v[1]);
    return [(p[0] - v[0]) / len, (p[1] - v[1]) / len];
  };
  const [a, b] = [unit(prev), unit(next)];
  let dir = [a[0] + b[0], a[1] + b[1]];
  // A straight angle has no bisector; its normal is then the way in or out.
  if (Math.hypot(dir[0], dir[1]) < 1e-9) dir = [-a[1], a[0]];
  const len = Math.hypot(dir[0], dir[1]);
  const f = 10 ** dp;
  const at = (s: number) => [Math.round((v[0] + (s * d * dir[0]) / len) * f) / f, Math.round((v[1] + (s * d * dir[1]) / len) * f) / f];
  const q = booleanPointInPolygon(at(1), polygon([ring]), { ignoreBoundary: true }) ? at(1) : at(-1);
  ring[i] = q;
  if (i === 0) ring[n] = [q[0], q[1]];
}

/** Phase 3b: separates rings that share a vertex by moving the smaller ring's copy of it; returns the count. */
export function separateTouches(polys: Position[][][], offsetDeg: number, dp: number): number {
  const rings = polys.flat();
  const owners = new Map<string, { ring: number; vertex: number }[]>();
  rings.forEach((ring, r) => {
    for (let i = 0; i < ring.length - 1; i++) {
      const key = `${ring[i][0]},${ring[i][1]}`;
      owners.set(key, [...(owners.get(key) ?? []), { ring: r, vertex: i }]);
    }
  });
  const sizes = rings.map(ringKm2);
  let separated = 0;
  for (const list of owners.values()) {
    if (new Set(list.map((o) => o.ring)).size < 2) continue;
    // Keep the largest ring's vertex; pull every other ring's copy into its own region.
    const keep = list.reduce((best, o) => (sizes[o.ring] > sizes[best.ring] ? o : best));
    for (const o of list) {
      if (o.ring === keep.ring) continue;
      pullInward(rings[o.ring], o.vertex, offsetDeg, dp);
      separated++;
    }
  }
  return separated;
}

/**
 * Repairs a Polygon/MultiPolygon so that turf `kinks` finds no point (see the file header for the method).
 * @param g the geometry (not mutated)
 * @param options merged over {@link defaultRepairOptions}
 * @returns the repaired geometry (a Polygon when one part is left) and what was changed
 * @throws Error when the repair leaves nothing (every part was a sliver)
 */
export function repairArea(g: Area, options: Partial<RepairOptions> = {}): RepairResult {
  const opt = { ...defaultRepairOptions, ...options };
  const valid = dropSlivers(makeValid(g), opt.minPartKm2);
  if (valid.polys.length === 0) throw new Error('repairArea: nothing left after dropping slivers');
  let best: RepairResult | null = null;
  for (let dp = opt.dp; dp <= opt.maxDp; dp++) {
    const polys = valid.polys.map((p) => p.map((ring) => roundPositions(ring, dp)));
    const touchesSeparated = separateTouches(polys, opt.touchOffsetDeg, dp);
    const geometry: Area = polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
    const kinkPoints = kinks(geometry).features.length;
    const result = { geometry, slivers: valid.slivers, sliverKm2: valid.sliverKm2, touchesSeparated, dp, kinkPoints };
    if (kinkPoints === 0) return result;
    if (!best || kinkPoints < best.kinkPoints) best = result;
  }
  return best!;
}
