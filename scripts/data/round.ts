/** Coordinate rounding shared by the boundary build and the boundary repair. */
import type { Position } from 'geojson';

/** Rounds a ring's positions to `dp` decimals and drops consecutive duplicates (no closing, no collapse check). */
export function roundPositions(ring: readonly Position[], dp: number): Position[] {
  const f = 10 ** dp;
  const out: Position[] = [];
  for (const p of ring) {
    const q = [Math.round(p[0] * f) / f, Math.round(p[1] * f) / f];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}
