/**
 * A land/sea raster of Norway: square cells in the spherical transverse Mercator of `projection.ts`, each
 * LAND (its centre lies inside a kommune polygon, or a fixed link crosses it), SEA (not Norwegian land and
 * reachable from the open sea) or BLOCKED (foreign land, enclosed water, anything else).
 *
 * Methods:
 * - polygons are filled by scanline with the even–odd rule at cell centres (J. D. Foley et al., "Computer
 *   Graphics: Principles and Practice", 2nd ed. 1990, §3.6), so holes stay out; a polygon too small to hold a
 *   cell centre still gets the cell under its vertex mean, so no island disappears;
 * - sea is found by a 4-neighbour flood fill from the grid's west and north edges (the North Sea, Norwegian
 *   Sea and Barents Sea) through non-land cells; `barriers` are polylines the flood may not cross (the sea
 *   borders with Sweden and Russia), so the neighbours' land is never taken for sea;
 * - fixed links (bridges, subsea tunnels) are drawn as LAND along their segment, sampled every quarter cell
 *   (a 4-connected line of cells).
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { LonLat } from './earth';
import { projectKm, unprojectKm, type XyKm } from './projection';

/** Cell kinds. */
export const BLOCKED = 0;
export const SEA = 1;
export const LAND = 2;

/** The raster. Cells are row-major from the south-west corner: index = row · width + col. */
export interface LandGrid {
  readonly cellKm: number;
  /** South-west corner of cell 0, km in the projection. */
  readonly x0: number;
  readonly y0: number;
  readonly width: number;
  readonly height: number;
  /** BLOCKED | SEA | LAND per cell. */
  readonly kind: Uint8Array;
  /** Index (in the input order) of the area whose polygon contains the cell centre; −1 for none. */
  readonly owner: Int16Array;
  /** 1 where a fixed link made the cell land. */
  readonly link: Uint8Array;
  /** 1 on LAND cells far from every settlement (see `markRemoteLand`); all 0 until marked. */
  readonly remote: Uint8Array;
}

/** Options of {@link buildLandGrid}; see `defaultLandGridOptions`. */
export interface LandGridOptions {
  /** Cell side, km. */
  readonly cellKm: number;
  /** Sea margin around the areas' bounding box, km. */
  readonly marginKm: number;
  /** Polylines (`[lon, lat]` vertices) the sea flood may not cross. */
  readonly barriers: readonly (readonly LonLat[])[];
  /** Segments drawn as land: bridges and subsea tunnels. */
  readonly links: readonly { readonly from: LonLat; readonly to: LonLat }[];
}

/** Defaults: 1 km cells, 20 km margin, no barriers, no links. */
export const defaultLandGridOptions: LandGridOptions = { cellKm: 1, marginKm: 20, barriers: [], links: [] };

/** Cell index of a projected position, or −1 outside the grid. */
export function cellAt(grid: LandGrid, xy: XyKm): number {
  const col = Math.floor((xy.x - grid.x0) / grid.cellKm);
  const row = Math.floor((xy.y - grid.y0) / grid.cellKm);
  if (col < 0 || row < 0 || col >= grid.width || row >= grid.height) return -1;
  return row * grid.width + col;
}

/** Projected centre of a cell. */
export function cellCentre(grid: LandGrid, cell: number): XyKm {
  const row = Math.floor(cell / grid.width);
  const col = cell - row * grid.width;
  return { x: grid.x0 + (col + 0.5) * grid.cellKm, y: grid.y0 + (row + 0.5) * grid.cellKm };
}

/** `[lon, lat]` of a cell centre. */
export function cellLonLat(grid: LandGrid, cell: number): [number, number] {
  return unprojectKm(cellCentre(grid, cell));
}

type Ring = XyKm[];

function projectRings(geometry: Polygon | MultiPolygon): Ring[][] {
  const polys: Position[][][] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polys.map((rings) => rings.map((ring) => ring.map((p) => projectKm([p[0], p[1]]))));
}

/**
 * Rasterises areas (e.g. the 357 kommune polygons) into a land grid and classifies the rest as sea or blocked.
 * @param areas Polygon/MultiPolygon geometries; their index becomes the cells' `owner`
 * @throws Error when `areas` is empty or more than 32,767 areas are given
 */
export function buildLandGrid(areas: readonly (Polygon | MultiPolygon)[], options: Partial<LandGridOptions> = {}): LandGrid {
  const o = { ...defaultLandGridOptions, ...options };
  if (areas.length === 0 || areas.length > 32767) throw new Error('areas must hold 1 to 32,767 geometries');
  const projected = areas.map(projectRings);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const polys of projected) for (const rings of polys) for (const p of rings[0]) {
    minX = Math.min(minX, p.x); maxX = Math.max(maxX, p.x); minY = Math.min(minY, p.y); maxY = Math.max(maxY, p.y);
  }
  const c = o.cellKm;
  const x0 = Math.floor((minX - o.marginKm) / c) * c;
  const y0 = Math.floor((minY - o.marginKm) / c) * c;
  const width = Math.ceil((maxX + o.marginKm - x0) / c);
  const height = Math.ceil((maxY + o.marginKm - y0) / c);
  const grid: LandGrid = {
    cellKm: c, x0, y0, width, height,
    kind: new Uint8Array(width * height), owner: new Int16Array(width * height).fill(-1), link: new Uint8Array(width * height),
    remote: new Uint8Array(width * height),
  };
  projected.forEach((polys, k) => polys.forEach((rings) => fillPolygon(grid, rings, k)));
  floodSea(grid, o.barriers);
  drawLinks(grid, o.links);
  return grid;
}

/** Marks the cells along each link as LAND (and `link`); mutates `grid`'s arrays. */
export function drawLinks(grid: LandGrid, links: readonly { readonly from: LonLat; readonly to: LonLat }[]): void {
  for (const l of links) {
    forEachCellOnSegment(grid, projectKm(l.from), projectKm(l.to), (cell) => {
      grid.kind[cell] = LAND;
      grid.link[cell] = 1;
    });
  }
}

/**
 * Labels the 8-connected components of LAND cells (the connectivity the cost search uses on land).
 * @returns a component id per cell, −1 for non-land
 */
export function landComponents(grid: LandGrid): Int32Array {
  const { width, height, kind } = grid;
  const comp = new Int32Array(width * height).fill(-1);
  let next = 0;
  const stack: number[] = [];
  for (let start = 0; start < comp.length; start++) {
    if (kind[start] !== LAND || comp[start] >= 0) continue;
    comp[start] = next;
    stack.push(start);
    while (stack.length > 0) {
      const cell = stack.pop()!;
      const row = Math.floor(cell / width);
      const col = cell - row * width;
      for (let dr = -1; dr <= 1; dr++) {
        const r = row + dr;
        if (r < 0 || r >= height) continue;
        for (let dc = -1; dc <= 1; dc++) {
          const c = col + dc;
          if (c < 0 || c >= width) continue;
          const v = r * width + c;
          if (kind[v] === LAND && comp[v] < 0) { comp[v] = next; stack.push(v); }
        }
      }
    }
    next++;
  }
  return comp;
}

/** Even–odd scanline fill of one polygon (outer ring plus holes) at cell centres; marks LAND and the owner. */
function fillPolygon(grid: LandGrid, rings: Ring[], owner: number): void {
  const { x0, y0, cellKm: c, width } = grid;
  let minY = Infinity, maxY = -Infinity;
  for (const p of rings[0]) { minY = Math.min(minY, p.y); maxY = Math.max(maxY, p.y); }
  const rowLo = Math.max(0, Math.ceil((minY - y0) / c - 0.5));
  const rowHi = Math.min(grid.height - 1, Math.floor((maxY - y0) / c - 0.5));
  let filled = 0;
  const xs: number[] = [];
  for (let row = rowLo; row <= rowHi; row++) {
    const yc = y0 + (row + 0.5) * c;
    xs.length = 0;
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const a = ring[j], b = ring[i];
        if ((a.y <= yc && b.y > yc) || (b.y <= yc && a.y > yc)) xs.push(a.x + ((yc - a.y) / (b.y - a.y)) * (b.x - a.x));
      }
    }
    xs.sort((p, q) => p - q);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const colLo = Math.max(0, Math.ceil((xs[k] - x0) / c - 0.5));
      const colHi = Math.min(width - 1, Math.ceil((xs[k + 1] - x0) / c - 0.5) - 1);
      for (let col = colLo; col <= colHi; col++) {
        const cell = row * width + col;
        grid.kind[cell] = LAND;
        grid.owner[cell] = owner;
        filled++;
      }
    }
  }
  if (filled === 0) {
    // Too small to hold a cell centre: keep the island as the one cell under its vertex mean.
    const outer = rings[0];
    const mean = { x: outer.reduce((s, p) => s + p.x, 0) / outer.length, y: outer.reduce((s, p) => s + p.y, 0) / outer.length };
    const cell = cellAt(grid, mean);
    if (cell >= 0 && grid.kind[cell] !== LAND) {
      grid.kind[cell] = LAND;
      grid.owner[cell] = owner;
    }
  }
}

/** Calls `visit` for every cell a straight segment passes through (sampled every quarter cell). */
export function forEachCellOnSegment(grid: LandGrid, a: XyKm, b: XyKm, visit: (cell: number) => void): void {
  const len = Math.hypot(b.x - a.x, b.y - a.y);
  const steps = Math.max(1, Math.ceil((len / grid.cellKm) * 4));
  let last = -1;
  for (let s = 0; s <= steps; s++) {
    const t = s / steps;
    const cell = cellAt(grid, { x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) });
    if (cell >= 0 && cell !== last) visit(cell);
    last = cell;
  }
}

function floodSea(grid: LandGrid, barriers: readonly (readonly LonLat[])[]): void {
  const { width, height, kind } = grid;
  const wall = new Uint8Array(width * height);
  for (const line of barriers) {
    for (let i = 1; i < line.length; i++) {
      forEachCellOnSegment(grid, projectKm(line[i - 1]), projectKm(line[i]), (cell) => { wall[cell] = 1; });
    }
  }
  const stack: number[] = [];
  const seed = (cell: number) => {
    if (kind[cell] === BLOCKED && !wall[cell]) { kind[cell] = SEA; stack.push(cell); }
  };
  for (let row = 0; row < height; row++) seed(row * width);
  for (let col = 0; col < width; col++) seed((height - 1) * width + col);
  while (stack.length > 0) {
    const cell = stack.pop()!;
    const row = Math.floor(cell / width);
    const col = cell - row * width;
    if (col > 0) seed(cell - 1);
    if (col < width - 1) seed(cell + 1);
    if (row > 0) seed(cell - width);
    if (row < height - 1) seed(cell + width);
  }
}

/** Result of {@link snapToLand}. */
export interface LandSnap {
  /** The LAND cell the point is joined to. */
  readonly cell: number;
  /** Km from the point to that cell's centre. */
  readonly offsetKm: number;
}

/**
 * The nearest LAND cell to a point, searched in growing square rings up to `maxKm`.
 * @param owner when ≥ 0, only cells of that area count (a site stays in its own kommune)
 * @returns null when no such cell lies within `maxKm`
 */
export function snapToLand(grid: LandGrid, lonLat: LonLat, owner = -1, maxKm = 40): LandSnap | null {
  const xy = projectKm(lonLat);
  const col0 = Math.floor((xy.x - grid.x0) / grid.cellKm);
  const row0 = Math.floor((xy.y - grid.y0) / grid.cellKm);
  const maxRing = Math.ceil(maxKm / grid.cellKm) + 1;
  let best: LandSnap | null = null;
  for (let r = 0; r <= maxRing; r++) {
    // A cell in ring r is at least (r − 1) cells away; stop once that beats the best found.
    if (best && (r - 1) * grid.cellKm > best.offsetKm) break;
    for (let row = row0 - r; row <= row0 + r; row++) {
      if (row < 0 || row >= grid.height) continue;
      const step = row === row0 - r || row === row0 + r ? 1 : 2 * r || 1;
      for (let col = col0 - r; col <= col0 + r; col += step) {
        if (col < 0 || col >= grid.width) continue;
        const cell = row * grid.width + col;
        if (grid.kind[cell] !== LAND || (owner >= 0 && grid.owner[cell] !== owner)) continue;
        const c = cellCentre(grid, cell);
        const d = Math.hypot(c.x - xy.x, c.y - xy.y);
        if (d <= maxKm && (!best || d < best.offsetKm || (d === best.offsetKm && cell < best.cell))) best = { cell, offsetKm: d };
      }
    }
  }
  return best;
}
