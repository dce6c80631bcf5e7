/**
 * Aggregation of normalised criteria into one score per alternative, with per-criterion contributions.
 *
 * - `wsm`, the weighted sum (simple additive weighting; Fishburn 1967; Hwang & Yoon 1981, §3.1.2):
 *   score = 100 · Σ_c w'_c · r_c, where w' are the weights renormalised over the criteria the item has
 *   (see the missing-value policy in `criteria.ts`). Contribution of c = 100 · w'_c · r_c; the
 *   contributions sum exactly to the score (baseline 0).
 * - `topsis` (Hwang & Yoon 1981, §3.1.5): v_c = w'_c · r_c, ideal A⁺_c = w'_c · max r_c, anti-ideal
 *   A⁻_c = w'_c · min r_c (over items where c is present; r is already oriented so higher = more need),
 *   D⁺ = ‖v − A⁺‖, D⁻ = ‖v − A⁻‖, score = 100 · D⁻ / (D⁺ + D⁻).
 *   Decomposition (exact, documented): since C − ½ = (D⁻² − D⁺²) / (2 (D⁺ + D⁻)²), criterion c
 *   contributes 100 · (d⁻_c² − d⁺_c²) / (2 (D⁺ + D⁻)²) points, and score = 50 + Σ contributions
 *   (baseline 50). A positive contribution means c pulls the item towards the ideal.
 * Items whose weighted criteria are all missing get score 0 and list them all as missing.
 */

/** An aggregation method. */
export type AggregationMethod = 'wsm' | 'topsis';

/** The aggregation methods, for validation and UI lists. */
export const AGGREGATIONS: readonly AggregationMethod[] = ['wsm', 'topsis'];

/** Scores (0–100) and, when asked for, contributions (n × m, row-major, points). */
export interface Aggregated {
  scores: Float64Array;
  contributions: Float64Array | null;
  /** Score when every contribution is 0: 0 for `wsm`, 50 for `topsis`. */
  baseline: number;
}

/**
 * Validates weights: finite and ≥ 0, and at least one > 0.
 * @throws Error naming the criterion (`"weights.crimeRate must be a finite number ≥ 0"`)
 */
export function validateWeights(ids: readonly string[], weights: ArrayLike<number>): void {
  let total = 0;
  for (let c = 0; c < ids.length; c++) {
    const w = weights[c];
    if (!Number.isFinite(w) || w < 0) throw new Error(`weights.${ids[c]} must be a finite number ≥ 0, got ${w}`);
    total += w;
  }
  if (!(total > 0)) throw new Error('weights must have at least one weight > 0');
}

/**
 * Aggregates a normalised, oriented matrix.
 * @param normalized n × m row-major values in (about) [0, 1], NaN = missing
 * @param n number of alternatives; @param m number of criteria
 * @param weights m non-negative weights (any scale: only ratios matter)
 * @param method `wsm` or `topsis`
 * @param withContributions also compute the n × m contributions (default true)
 */
export function aggregate(
  normalized: Float64Array, n: number, m: number, weights: ArrayLike<number>,
  method: AggregationMethod, withContributions = true,
): Aggregated {
  const scores = new Float64Array(n);
  const contributions = withContributions ? new Float64Array(n * m) : null;
  if (method === 'wsm') {
    weightedSumInto(normalized, n, m, weights, scores, contributions);
    return { scores, contributions, baseline: 0 };
  }
  if (method === 'topsis') {
    const { lo, hi } = columnRanges(normalized, n, m);
    topsisInto(normalized, n, m, weights, lo, hi, scores, contributions);
    return { scores, contributions, baseline: 50 };
  }
  throw new Error(`method must be one of ${AGGREGATIONS.join(', ')}, got "${String(method)}"`);
}

/** Column minima and maxima over present values (used as TOPSIS anti-ideal and ideal). */
export function columnRanges(normalized: Float64Array, n: number, m: number): { lo: Float64Array; hi: Float64Array } {
  const lo = new Float64Array(m).fill(Infinity);
  const hi = new Float64Array(m).fill(-Infinity);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < m; c++) {
      const v = normalized[i * m + c];
      if (v !== v) continue; // NaN
      if (v < lo[c]) lo[c] = v;
      if (v > hi[c]) hi[c] = v;
    }
  }
  return { lo, hi };
}

/** Weighted sum into `scores` (and `contributions` when given). */
export function weightedSumInto(
  normalized: Float64Array, n: number, m: number, weights: ArrayLike<number>,
  scores: Float64Array, contributions: Float64Array | null,
): void {
  for (let i = 0; i < n; i++) {
    let wSum = 0;
    let s = 0;
    const row = i * m;
    for (let c = 0; c < m; c++) {
      const v = normalized[row + c];
      if (v !== v) continue;
      wSum += weights[c];
      s += weights[c] * v;
    }
    scores[i] = wSum > 0 ? (100 * s) / wSum : 0;
    if (contributions) {
      for (let c = 0; c < m; c++) {
        const v = normalized[row + c];
        contributions[row + c] = v !== v || wSum === 0 ? 0 : (100 * weights[c] * v) / wSum;
      }
    }
  }
}

/** TOPSIS closeness into `scores` (and the documented decomposition into `contributions`). */
export function topsisInto(
  normalized: Float64Array, n: number, m: number, weights: ArrayLike<number>,
  lo: Float64Array, hi: Float64Array, scores: Float64Array, contributions: Float64Array | null,
): void {
  for (let i = 0; i < n; i++) {
    const row = i * m;
    let wSum = 0;
    for (let c = 0; c < m; c++) if (normalized[row + c] === normalized[row + c]) wSum += weights[c];
    if (wSum === 0) {
      scores[i] = 0;
      continue;
    }
    let dPlus2 = 0;
    let dMinus2 = 0;
    for (let c = 0; c < m; c++) {
      const v = normalized[row + c];
      if (v !== v) continue;
      const w = weights[c] / wSum;
      dPlus2 += (w * (hi[c] - v)) ** 2;
      dMinus2 += (w * (v - lo[c])) ** 2;
    }
    const dPlus = Math.sqrt(dPlus2);
    const dMinus = Math.sqrt(dMinus2);
    const denom = dPlus + dMinus;
    scores[i] = denom > 0 ? (100 * dMinus) / denom : 50;
    if (contributions) {
      for (let c = 0; c < m; c++) {
        const v = normalized[row + c];
        if (v !== v || denom === 0) { contributions[row + c] = 0; continue; }
        const w = weights[c] / wSum;
        contributions[row + c] = (100 * ((w * (v - lo[c])) ** 2 - (w * (hi[c] - v)) ** 2)) / (2 * denom * denom);
      }
    }
  }
}
