/**
 * Scoring one normalised matrix under many weight vectors (the robustness sampler's hot loop), with
 * results bit-identical to the plain `weightedSumInto` and `topsisInto` of `aggregate.ts`.
 *
 * What is done once: missing values (NaN) are replaced by 0 in a row-major copy, rows are grouped by
 * which criteria they miss ("patterns", usually a handful), and for TOPSIS the distances to the
 * ideal and anti-ideal per cell (hi − v, v − lo) are stored. Per weight vector, each pattern's weight
 * total (and for TOPSIS its renormalised weights) is computed once, and each row is one pass over
 * its m cells with no branch on missing values and no allocation.
 *
 * Why the results are identical: the plain functions add, in criterion order, terms only for present
 * values; here a missing value adds exactly +0 (w · 0 or (w · 0)²), and x + 0 = x for every sum of
 * non-negative terms, so every partial sum, the totals and the final division are the same floating
 * point operations on the same values (compared in test/engine/sample-scorer.test.ts).
 */
import { columnRanges, type AggregationMethod } from './aggregate';

interface Patterns {
  /** Pattern index of each row. */
  of: Int32Array;
  /** count × m, 1 where the pattern has the criterion. */
  present: Uint8Array;
  count: number;
}

function missingPatterns(normalized: Float64Array, n: number, m: number): Patterns {
  const index = new Map<string, number>();
  const of = new Int32Array(n);
  const rows: Uint8Array[] = [];
  for (let i = 0; i < n; i++) {
    const present = new Uint8Array(m);
    for (let c = 0; c < m; c++) present[c] = normalized[i * m + c] === normalized[i * m + c] ? 1 : 0;
    const key = present.join('');
    let p = index.get(key);
    if (p === undefined) {
      p = rows.length;
      index.set(key, p);
      rows.push(present);
    }
    of[i] = p;
  }
  const present = new Uint8Array(rows.length * m);
  rows.forEach((r, p) => present.set(r, p * m));
  return { of, present, count: rows.length };
}

/** Σ of the weights of the criteria pattern p has, in criterion order (as the plain functions sum them). */
function patternTotals(pt: Patterns, m: number, weights: ArrayLike<number>, totals: Float64Array): void {
  for (let p = 0; p < pt.count; p++) {
    let t = 0;
    for (let c = 0; c < m; c++) if (pt.present[p * m + c] === 1) t += weights[c];
    totals[p] = t;
  }
}

/** A scorer's state for one matrix (the same shape for both methods, so `scoreSample` sees one object layout). */
export interface SampleScorer {
  readonly method: AggregationMethod;
  readonly pt: Patterns;
  readonly n: number;
  readonly m: number;
  readonly totals: Float64Array;
  /** Weighted sum: the cells with NaN replaced by 0 (empty for TOPSIS). */
  readonly cells: Float64Array;
  /** TOPSIS: per pattern, w_c / Σ w over the pattern's criteria (0 where missing); empty for the weighted sum. */
  readonly scaled: Float64Array;
  /** TOPSIS: per cell hi_c − v and v − lo_c (0 where missing); empty for the weighted sum. */
  readonly toIdeal: Float64Array;
  readonly fromAnti: Float64Array;
}

/**
 * A scorer for many weight vectors over one matrix; score with `scoreSample`.
 * @param normalized n × m row-major, NaN = missing (as for `aggregate`)
 * @param method `wsm` or `topsis` (ideal and anti-ideal from `columnRanges`, as `aggregate` does)
 */
export function createSampleScorer(normalized: Float64Array, n: number, m: number, method: AggregationMethod): SampleScorer {
  const pt = missingPatterns(normalized, n, m);
  const none = new Float64Array(0);
  // One object literal for both methods, so both have the same hidden class.
  const scorer = (cells: Float64Array, scaled: Float64Array, toIdeal: Float64Array, fromAnti: Float64Array): SampleScorer => ({
    method, pt, n, m, totals: new Float64Array(pt.count), cells, scaled, toIdeal, fromAnti,
  });
  if (method === 'wsm') return scorer(normalized.map((v) => (v !== v ? 0 : v)), none, none, none);
  const { lo, hi } = columnRanges(normalized, n, m);
  return scorer(
    none, new Float64Array(pt.count * m),
    normalized.map((v, at) => (v !== v ? 0 : hi[at % m] - v)),
    normalized.map((v, at) => (v !== v ? 0 : v - lo[at % m])),
  );
}

/**
 * Scores `out` (length n) for `weights` (length m); no allocation. The loops are module-level functions
 * called directly (not closures per scorer), so V8 optimises them once per process for every caller.
 */
export function scoreSample(sc: SampleScorer, weights: ArrayLike<number>, out: Float64Array): void {
  if (sc.method === 'wsm') wsmInto(sc, weights, out);
  else topsisSampleInto(sc, weights, out);
}

function wsmInto(sc: SampleScorer, weights: ArrayLike<number>, out: Float64Array): void {
  const { pt, cells, n, m, totals } = sc;
  patternTotals(pt, m, weights, totals);
  for (let i = 0, row = 0; i < n; i++, row += m) {
    let s = 0;
    for (let c = 0; c < m; c++) s += weights[c] * cells[row + c];
    const wSum = totals[pt.of[i]];
    out[i] = wSum > 0 ? (100 * s) / wSum : 0;
  }
}

function topsisSampleInto(sc: SampleScorer, weights: ArrayLike<number>, out: Float64Array): void {
  const { pt, n, m, totals, scaled, toIdeal, fromAnti } = sc;
  patternTotals(pt, m, weights, totals);
  for (let p = 0; p < pt.count; p++) {
    for (let c = 0; c < m; c++) scaled[p * m + c] = pt.present[p * m + c] === 1 && totals[p] !== 0 ? weights[c] / totals[p] : 0;
  }
  for (let i = 0, row = 0; i < n; i++, row += m) {
    const p = pt.of[i];
    if (totals[p] === 0) {
      out[i] = 0;
      continue;
    }
    const base = p * m;
    let dPlus2 = 0;
    let dMinus2 = 0;
    for (let c = 0; c < m; c++) {
      const w = scaled[base + c];
      dPlus2 += (w * toIdeal[row + c]) ** 2;
      dMinus2 += (w * fromAnti[row + c]) ** 2;
    }
    const dPlus = Math.sqrt(dPlus2);
    const dMinus = Math.sqrt(dMinus2);
    const denom = dPlus + dMinus;
    out[i] = denom > 0 ? (100 * dMinus) / denom : 50;
  }
}
