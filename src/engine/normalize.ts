/**
 * Normalisation of a decision matrix's columns to comparable "need" values.
 *
 * Methods (Hwang & Yoon 1981, "Multiple Attribute Decision Making", ch. 3; Jahan & Edwards 2015,
 * "A state-of-the-art survey on the influence of normalization techniques in ranking"):
 * - `minmax`: (x − min) / (max − min); a constant column maps to 0.5.
 * - `percentile`: mid-rank percentile (#below + (#equal − 1)/2) / (n − 1); ties share a value; n = 1 → 0.5.
 * - `z`: (x − mean) / sd (population sd), clipped to ±`zClip` (default 3), then mapped linearly to [0, 1];
 *   sd = 0 → 0.5.
 * - `vector`: x / √Σx² (the TOPSIS normalisation); all zeros → 0. In [0, 1] for non-negative data.
 * Direction: a `cost` column (lower value = more need) is turned around as 1 − r, so that in every
 * normalised column a higher value always means more need. TOPSIS on oriented values gives the
 * same closeness as classical TOPSIS with ideal = min for cost columns (distances are unchanged).
 * Missing values (NaN) stay NaN and are left out of the statistics.
 */
import type { Direction } from './criteria';

/** A normalisation method. */
export type Normalization = 'minmax' | 'percentile' | 'z' | 'vector';

/** The normalisation methods, for validation and UI lists. */
export const NORMALIZATIONS: readonly Normalization[] = ['minmax', 'percentile', 'z', 'vector'];

/** A decision matrix: `n` alternatives × `m` criteria, row-major, NaN = missing. */
export interface DecisionMatrix {
  readonly ids: readonly string[];
  readonly criteria: readonly { readonly id: string; readonly direction: Direction }[];
  /** Length n × m; `values[i * m + c]`. */
  readonly values: Float64Array;
}

/**
 * Normalises one column of values.
 * @param values raw values, NaN = missing (not mutated)
 * @param method normalisation method
 * @param zClip clip for `z` (default 3)
 * @returns a new array; present values mapped as documented above, missing stay NaN
 */
export function normalizeColumn(values: ArrayLike<number>, method: Normalization, zClip = 3): Float64Array {
  const out = new Float64Array(values.length).fill(NaN);
  const present: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) present.push(i);
  if (present.length === 0) return out;
  switch (method) {
    case 'minmax': {
      let lo = Infinity;
      let hi = -Infinity;
      for (const i of present) { lo = Math.min(lo, values[i]); hi = Math.max(hi, values[i]); }
      for (const i of present) out[i] = hi > lo ? (values[i] - lo) / (hi - lo) : 0.5;
      return out;
    }
    case 'percentile':
      return percentile(values, present, out);
    case 'z': {
      let mean = 0;
      for (const i of present) mean += values[i];
      mean /= present.length;
      let ss = 0;
      for (const i of present) ss += (values[i] - mean) ** 2;
      const sd = Math.sqrt(ss / present.length);
      for (const i of present) {
        const z = sd > 0 ? Math.max(-zClip, Math.min(zClip, (values[i] - mean) / sd)) : 0;
        out[i] = (z + zClip) / (2 * zClip);
      }
      return out;
    }
    case 'vector': {
      let ss = 0;
      for (const i of present) ss += values[i] * values[i];
      const norm = Math.sqrt(ss);
      for (const i of present) out[i] = norm > 0 ? values[i] / norm : 0;
      return out;
    }
    default:
      throw new Error(`normalization must be one of ${NORMALIZATIONS.join(', ')}, got "${String(method)}"`);
  }
}

function percentile(values: ArrayLike<number>, present: number[], out: Float64Array): Float64Array {
  const n = present.length;
  if (n === 1) { out[present[0]] = 0.5; return out; }
  const sorted = [...present].sort((a, b) => values[a] - values[b]);
  let start = 0;
  while (start < n) {
    let end = start;
    while (end + 1 < n && values[sorted[end + 1]] === values[sorted[start]]) end++;
    const midRank = (start + end) / 2; // #below + (#equal − 1)/2
    for (let k = start; k <= end; k++) out[sorted[k]] = midRank / (n - 1);
    start = end + 1;
  }
  return out;
}

/**
 * Normalises every column of a matrix and orients it so that higher = more need.
 * @returns a new row-major Float64Array (n × m), NaN where the raw value is missing
 */
export function normalizeMatrix(matrix: DecisionMatrix, method: Normalization, zClip = 3): Float64Array {
  const m = matrix.criteria.length;
  const n = matrix.ids.length;
  const out = new Float64Array(n * m);
  const column = new Float64Array(n);
  for (let c = 0; c < m; c++) {
    for (let i = 0; i < n; i++) column[i] = matrix.values[i * m + c];
    const norm = normalizeColumn(column, method, zClip);
    const cost = matrix.criteria[c].direction === 'cost';
    for (let i = 0; i < n; i++) out[i * m + c] = cost ? 1 - norm[i] : norm[i];
  }
  return out;
}
