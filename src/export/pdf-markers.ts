/**
 * Placing numbered map markers so that none hides another (pure). A marker that would overlap one
 * already placed is moved to the nearest free spot on rings around its point (12 directions, growing
 * radius) and drawn with a leader line back to the true position; markers are placed in the order
 * given (the proposal's order), so the first keep their true place. A simple greedy form of the
 * point-feature label placement of Christensen, Marks & Shieber (1995), "An empirical study of
 * algorithms for point-feature label placement", ACM Trans. Graphics 14(3).
 */

/** A marker's true point and where it is drawn (equal unless it was moved). */
export interface PlacedMarker {
  x: number;
  y: number;
  drawX: number;
  drawY: number;
  moved: boolean;
}

/** Options: marker radius and the gap kept between two markers (points). */
export interface MarkerOptions {
  radius: number;
  gap?: number;
  /** Markers stay inside this box (defaults to no limit). */
  bounds?: { x: number; y: number; width: number; height: number };
}

function inside(x: number, y: number, r: number, b: MarkerOptions['bounds']): boolean {
  return !b || (x - r >= b.x && x + r <= b.x + b.width && y - r >= b.y && y + r <= b.y + b.height);
}

/** Places the markers of `points` (in order); no two drawn markers overlap. */
export function placeMarkers(points: readonly { x: number; y: number }[], options: MarkerOptions): PlacedMarker[] {
  const r = options.radius;
  const minDist = 2 * r + (options.gap ?? 1);
  const placed: PlacedMarker[] = [];
  const free = (x: number, y: number) => inside(x, y, r, options.bounds) && placed.every((p) => Math.hypot(p.drawX - x, p.drawY - y) >= minDist);
  for (const p of points) {
    let spot: [number, number] | null = free(p.x, p.y) ? [p.x, p.y] : null;
    for (let ring = 1; !spot && ring <= 12; ring++) {
      for (let k = 0; k < 12 && !spot; k++) {
        const angle = (k * Math.PI) / 6 - Math.PI / 4;
        const x = p.x + Math.cos(angle) * minDist * ring;
        const y = p.y + Math.sin(angle) * minDist * ring;
        if (free(x, y)) spot = [x, y];
      }
    }
    const [drawX, drawY] = spot ?? [p.x, p.y];
    placed.push({ x: p.x, y: p.y, drawX, drawY, moved: drawX !== p.x || drawY !== p.y });
  }
  return placed;
}
