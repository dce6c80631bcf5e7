/**
 * Drawing Norway as vector on a PDF page from the project's own polygons (no tiles, no internet).
 * Projection: equirectangular with the x axis scaled by cos(φ₀), φ₀ = the box's middle latitude,
 * i.e. a plate carrée stretched to true scale along φ₀ (Snyder 1987, "Map Projections: A Working
 * Manual", USGS PP 1395, ch. 12). Good enough for an overview map of one country; not for
 * measuring. Vertices closer than `minStepPt` to the previous drawn one are skipped.
 */
type Position = number[];
type Rings = Position[][];

/** A polygon or multipolygon geometry (GeoJSON, `[lon, lat]`). */
export interface AreaGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: Rings | Rings[];
}

export interface MapFrame {
  /** Page position and size of the map box, points. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Projection {
  project: (lon: number, lat: number) => [number, number];
  /** The drawn size (≤ the frame). */
  width: number;
  height: number;
}

/** Bounding box of mainland Norway with its islands (WGS 84 degrees). */
export const NORWAY_BOX = { minLon: 4.4, maxLon: 31.3, minLat: 57.9, maxLat: 71.25 };

/** The projection fitting `box` into `frame`, keeping the aspect ratio, anchored top-left. */
export function fitProjection(frame: MapFrame, box = NORWAY_BOX): Projection {
  const k = Math.cos((((box.minLat + box.maxLat) / 2) * Math.PI) / 180);
  const w = (box.maxLon - box.minLon) * k;
  const h = box.maxLat - box.minLat;
  const scale = Math.min(frame.width / w, frame.height / h);
  return {
    project: (lon, lat) => [frame.x + (lon - box.minLon) * k * scale, frame.y + (box.maxLat - lat) * scale],
    width: w * scale,
    height: h * scale,
  };
}

function ringsOf(g: AreaGeometry): Rings {
  return g.type === 'Polygon' ? (g.coordinates as Rings) : (g.coordinates as Rings[]).flat();
}

/** Minimal pdfkit path API used here (so this module is testable with a fake). */
export interface PathSink {
  moveTo(x: number, y: number): unknown;
  lineTo(x: number, y: number): unknown;
  closePath(): unknown;
}

/**
 * Adds the rings of a geometry to the current path, skipping vertices closer than `minStepPt`.
 * @returns the number of vertices drawn
 */
export function tracePath(sink: PathSink, g: AreaGeometry, proj: Projection, minStepPt = 0.7): number {
  let drawn = 0;
  for (const ring of ringsOf(g)) {
    if (ring.length < 3) continue;
    let [px, py] = proj.project(ring[0][0], ring[0][1]);
    sink.moveTo(px, py);
    drawn++;
    for (let i = 1; i < ring.length; i++) {
      const [x, y] = proj.project(ring[i][0], ring[i][1]);
      if (Math.abs(x - px) + Math.abs(y - py) < minStepPt && i < ring.length - 1) continue;
      sink.lineTo(x, y);
      px = x;
      py = y;
      drawn++;
    }
    sink.closePath();
  }
  return drawn;
}
