/**
 * A sparse travel-time matrix (demand points × targets, minutes) in compressed-row form, and the conversions the
 * planning context needs: the cut-off rule shared by the built-in and imported matrices, and the dense cost
 * arrays of the engine's location problem. Pure: arrays in, arrays out.
 *
 * Cut-off rule (data/SOURCES.md, `travel-times.txt`): per demand point, keep the targets within its nearest
 * station's minutes + `marginMin`, and always its three nearest stations. A left-out pair is unreachable for the
 * engine; no objective depends on it (a site matters for a demand point only when it is closer than the
 * nearest station).
 */

/** Demand points × targets, compressed rows: row r holds `cols[rowStart[r] .. rowStart[r+1])`. */
export interface TravelMatrix {
  readonly rowIds: readonly string[];
  readonly colIds: readonly string[];
  readonly rowStart: Int32Array;
  readonly cols: Int32Array;
  readonly minutes: Float32Array;
}

/** Default margin of the cut-off rule, minutes. */
export const DEFAULT_MARGIN_MIN = 30;

/**
 * Builds a matrix from per-row lists (columns need not be sorted; duplicates are a programmer error).
 * @throws Error naming the row when a column is out of range or repeated, or minutes are negative or not finite
 */
export function matrixFromRows(rowIds: readonly string[], colIds: readonly string[], rows: readonly { cols: readonly number[]; minutes: readonly number[] }[]): TravelMatrix {
  if (rows.length !== rowIds.length) throw new Error('rows and rowIds must have the same length');
  const rowStart = new Int32Array(rows.length + 1);
  rows.forEach((r, i) => { rowStart[i + 1] = rowStart[i] + r.cols.length; });
  const cols = new Int32Array(rowStart[rows.length]);
  const minutes = new Float32Array(rowStart[rows.length]);
  rows.forEach((r, i) => {
    const order = r.cols.map((_, k) => k).sort((a, b) => r.cols[a] - r.cols[b]);
    order.forEach((k, n) => {
      const c = r.cols[k];
      const m = r.minutes[k];
      if (!(c >= 0 && c < colIds.length)) throw new Error(`row ${rowIds[i]}: column ${c} out of range`);
      if (n > 0 && c === r.cols[order[n - 1]]) throw new Error(`row ${rowIds[i]}: column ${colIds[c]} repeated`);
      if (!(m >= 0) || !Number.isFinite(m)) throw new Error(`row ${rowIds[i]}: minutes to ${colIds[c]} must be a finite number ≥ 0`);
      cols[rowStart[i] + n] = c;
      minutes[rowStart[i] + n] = m;
    });
  });
  return { rowIds, colIds, rowStart, cols, minutes };
}

/** Minutes from row r to its nearest column in `isStation` (Infinity when none). */
export function nearestOf(m: TravelMatrix, r: number, isStation: (col: number) => boolean): { col: number; minutes: number } {
  let best = { col: -1, minutes: Infinity };
  for (let k = m.rowStart[r]; k < m.rowStart[r + 1]; k++) {
    if (isStation(m.cols[k]) && m.minutes[k] < best.minutes) best = { col: m.cols[k], minutes: m.minutes[k] };
  }
  return best;
}

/**
 * Applies the cut-off rule (see the file comment).
 * @returns the pruned matrix and each row's minutes to its nearest station
 */
export function applyCutoff(m: TravelMatrix, isStation: (col: number) => boolean, marginMin = DEFAULT_MARGIN_MIN): { matrix: TravelMatrix; nearestStationMin: Float64Array } {
  const nearestStationMin = new Float64Array(m.rowIds.length);
  const rows = m.rowIds.map((_, r) => {
    const entries: { col: number; minutes: number }[] = [];
    for (let k = m.rowStart[r]; k < m.rowStart[r + 1]; k++) entries.push({ col: m.cols[k], minutes: m.minutes[k] });
    const stations = entries.filter((e) => isStation(e.col)).sort((a, b) => a.minutes - b.minutes || a.col - b.col);
    const nearest = stations.length ? stations[0].minutes : Infinity;
    nearestStationMin[r] = nearest;
    const three = new Set(stations.slice(0, 3).map((s) => s.col));
    const kept = entries.filter((e) => e.minutes <= nearest + marginMin || three.has(e.col));
    return { cols: kept.map((e) => e.col), minutes: kept.map((e) => e.minutes) };
  });
  return { matrix: matrixFromRows(m.rowIds, m.colIds, rows), nearestStationMin };
}

/** How a candidate reads its minutes: a column, plus a fixed leg in minutes (0 for a site of the matrix; offered premises: the leg from their place). */
export interface CandidateColumns { col: number; plusMin: number }

/**
 * Dense cost arrays for the engine (demand-major; Infinity = unreachable or cut off).
 * @param demandRows matrix row of each demand point, in the engine's demand order
 * @param candidates per candidate how to read it; @param stationCols matrix column of each existing station
 */
export function denseCosts(m: TravelMatrix, demandRows: readonly number[], candidates: readonly CandidateColumns[], stationCols: readonly number[]): { candidate: Float64Array; fixed: Float64Array } {
  const nC = candidates.length;
  const nF = stationCols.length;
  const candidate = new Float64Array(demandRows.length * nC).fill(Infinity);
  const fixed = new Float64Array(demandRows.length * nF).fill(Infinity);
  const slots = new Map<number, { slot: number; plusMin: number }[]>();
  const add = (col: number, slot: number, plusMin: number) => { const l = slots.get(col); if (l) l.push({ slot, plusMin }); else slots.set(col, [{ slot, plusMin }]); };
  candidates.forEach((c, j) => add(c.col, j, c.plusMin));
  stationCols.forEach((col, f) => add(col, nC + f, 0));
  demandRows.forEach((r, i) => {
    for (let k = m.rowStart[r]; k < m.rowStart[r + 1]; k++) {
      const list = slots.get(m.cols[k]);
      if (!list) continue;
      for (const { slot, plusMin } of list) {
        const v = m.minutes[k] + plusMin;
        if (slot < nC) { if (v < candidate[i * nC + slot]) candidate[i * nC + slot] = v; } else if (v < fixed[i * nF + slot - nC]) fixed[i * nF + slot - nC] = v;
      }
    }
  });
  return { candidate, fixed };
}
