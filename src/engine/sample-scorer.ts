/**
 * Scoring one normalised matrix under many weight vectors (the robustness sampler's hot loop), with
 * results bit-identical to the plain `weightedSumInto` and `topsisInto` of `aggregate.ts`.
 *
 * What is done once: missing values (NaN) are replaced by 0, rows are grouped by which criteria they
 * miss ("patterns", usually a handful) and stored pattern by pattern, and for TOPSIS the distances to
 * the ideal and anti-ideal per cell (hi − v, v − lo) are stored. Per weight vector, each pattern's
 * weight total (and for TOPSIS its renormalised weights) is computed once; then a kernel specialised
 * for the number of criteria m holds the pattern's weights in locals and scores each row in one
 * straight pass over its m cells: no inner loop, no branch on missing values, no allocation.
 *
 * The kernel is generated once per (method, m) with `new Function` from a template into which only the
 * integer m is interpolated (no input text reaches it), and shared by every scorer in the thread. Why:
 * V8 keeps the unrolled body's weights in registers, about twice as fast as the loop over c with the
 * weights read from an array (measured on the real 357 × 8 matrix: weighted sum 100–140 → 40–50 ms,
 * TOPSIS 90–165 → 45–55 ms per 10,000 weight vectors; bench/engine-robustness.ts).
 *
 * Why the results are identical: the plain functions add, in criterion order, terms only for present
 * values; here a missing value adds exactly +0 (w · 0 or (w · 0)²), and x + 0 = x for every sum of
 * non-negative terms, so every partial sum, the totals and the final division are the same floating
 * point operations on the same values (`u * u` is what `u ** 2` computes in V8); compared in
 * test/engine/sample-scorer.test.ts.
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

/**
 * The kernel's signature: rows of pattern p are positions start[p] … start[p + 1] − 1 of `row`
 * (their original indices) and of the cell arrays `a` and `b` (m values per position).
 */
type Kernel = (
  start: Int32Array, row: Int32Array, a: Float64Array, b: Float64Array, patterns: number,
  totals: Float64Array, weights: Float64Array, out: Float64Array,
) => void;

const kernels = new Map<string, Kernel>();

const unrolled = (m: number, line: (c: number) => string): string => Array.from({ length: m }, (_, c) => line(c)).join('\n');

/**
 * Weighted sum: out = 100 · Σ w_c · v_c / Σ_pattern w (0 where that total is 0); `weights` are the
 * sample's weights, `b` unused.
 */
function wsmSource(m: number): string {
  return `${unrolled(m, (c) => `const w${c} = weights[${c}];`)}
  for (let p = 0; p < patterns; p++) {
    const wSum = totals[p];
    for (let r = start[p], at = start[p] * ${m}; r < start[p + 1]; r++, at += ${m}) {
      let s = 0;
      ${unrolled(m, (c) => `s += w${c} * a[at + ${c}];`)}
      out[row[r]] = wSum > 0 ? (100 * s) / wSum : 0;
    }
  }`;
}

/**
 * TOPSIS: `weights` are the per-pattern renormalised weights (patterns × m), `a` = hi − v, `b` = v − lo;
 * out = 100 · d⁻ / (d⁺ + d⁻) (50 where both are 0; 0 where the pattern's weight total is 0).
 */
function topsisSource(m: number): string {
  return `for (let p = 0; p < patterns; p++) {
    if (totals[p] === 0) {
      for (let r = start[p]; r < start[p + 1]; r++) out[row[r]] = 0;
      continue;
    }
    ${unrolled(m, (c) => `const w${c} = weights[p * ${m} + ${c}];`)}
    for (let r = start[p], at = start[p] * ${m}; r < start[p + 1]; r++, at += ${m}) {
      let dPlus2 = 0, dMinus2 = 0, u = 0;
      ${unrolled(m, (c) => `u = w${c} * a[at + ${c}]; dPlus2 += u * u; u = w${c} * b[at + ${c}]; dMinus2 += u * u;`)}
      const dPlus = Math.sqrt(dPlus2), dMinus = Math.sqrt(dMinus2), denom = dPlus + dMinus;
      out[row[r]] = denom > 0 ? (100 * dMinus) / denom : 50;
    }
  }`;
}

function kernelFor(method: AggregationMethod, m: number): Kernel {
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`a scorer needs a whole number of criteria ≥ 1, got ${m}`);
  const key = `${method}:${m}`;
  let k = kernels.get(key);
  if (!k) {
    const source = method === 'wsm' ? wsmSource(m) : topsisSource(m);
    k = new Function('start', 'row', 'a', 'b', 'patterns', 'totals', 'weights', 'out', `'use strict';\n${source}`) as Kernel;
    kernels.set(key, k);
  }
  return k;
}

/** A scorer's state for one matrix (the same shape for both methods). */
export interface SampleScorer {
  readonly method: AggregationMethod;
  readonly pt: Patterns;
  readonly n: number;
  readonly m: number;
  /** Rows grouped by pattern: positions start[p] … start[p + 1] − 1; `row[position]` is the row's index. */
  readonly start: Int32Array;
  readonly row: Int32Array;
  /** Cells by position (m each), NaN replaced by 0: the values (weighted sum) or hi − v (TOPSIS). */
  readonly a: Float64Array;
  /** TOPSIS: v − lo by position (0 where missing); empty for the weighted sum. */
  readonly b: Float64Array;
  readonly totals: Float64Array;
  /** TOPSIS: per pattern, w_c / Σ w over the pattern's criteria (0 where missing); empty for the weighted sum. */
  readonly scaled: Float64Array;
  readonly kernel: Kernel;
}

/**
 * A scorer for many weight vectors over one matrix; score with `scoreSample`.
 * @param normalized n × m row-major, NaN = missing (as for `aggregate`)
 * @param method `wsm` or `topsis` (ideal and anti-ideal from `columnRanges`, as `aggregate` does)
 * @throws RangeError when m is not a whole number ≥ 1
 */
export function createSampleScorer(normalized: Float64Array, n: number, m: number, method: AggregationMethod): SampleScorer {
  const kernel = kernelFor(method, m);
  const pt = missingPatterns(normalized, n, m);
  const start = new Int32Array(pt.count + 1);
  for (let i = 0; i < n; i++) start[pt.of[i] + 1]++;
  for (let p = 1; p <= pt.count; p++) start[p] += start[p - 1];
  const row = new Int32Array(n);
  const next = start.slice(0, pt.count);
  for (let i = 0; i < n; i++) row[next[pt.of[i]]++] = i;
  const byPosition = (cell: (v: number, c: number) => number): Float64Array => {
    const out = new Float64Array(n * m);
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < m; c++) {
        const v = normalized[row[r] * m + c];
        out[r * m + c] = v !== v ? 0 : cell(v, c);
      }
    }
    return out;
  };
  const totals = new Float64Array(pt.count);
  if (method === 'wsm') {
    return { method, pt, n, m, start, row, a: byPosition((v) => v), b: new Float64Array(0), totals, scaled: new Float64Array(0), kernel };
  }
  const { lo, hi } = columnRanges(normalized, n, m);
  return {
    method, pt, n, m, start, row, a: byPosition((v, c) => hi[c] - v), b: byPosition((v, c) => v - lo[c]), totals,
    scaled: new Float64Array(pt.count * m), kernel,
  };
}

/** Σ of the weights of the criteria pattern p has, in criterion order (as the plain functions sum them). */
function patternTotals(pt: Patterns, m: number, weights: ArrayLike<number>, totals: Float64Array): void {
  for (let p = 0; p < pt.count; p++) {
    let t = 0;
    for (let c = 0; c < m; c++) if (pt.present[p * m + c] === 1) t += weights[c];
    totals[p] = t;
  }
}

/** Scores `out` (length n) for `weights` (length m); no allocation. */
export function scoreSample(sc: SampleScorer, weights: Float64Array, out: Float64Array): void {
  const { pt, m, totals, scaled } = sc;
  patternTotals(pt, m, weights, totals);
  if (sc.method === 'wsm') {
    sc.kernel(sc.start, sc.row, sc.a, sc.b, pt.count, totals, weights, out);
    return;
  }
  for (let p = 0; p < pt.count; p++) {
    for (let c = 0; c < m; c++) scaled[p * m + c] = pt.present[p * m + c] === 1 && totals[p] !== 0 ? weights[c] / totals[p] : 0;
  }
  sc.kernel(sc.start, sc.row, sc.a, sc.b, pt.count, totals, scaled, out);
}
