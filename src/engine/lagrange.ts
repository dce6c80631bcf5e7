/**
 * Lagrangean relaxation of the row model (`row-model.ts`): upper bounds on the best value any set can
 * reach, a heuristic set from the relaxation, and the fixing of candidates that cannot be in (or must
 * be in) any set better than a threshold.
 *
 * Relaxing the rows with multipliers λ_r ≥ 0 (Geoffrion 1974; for location problems Beasley 1993,
 * "Lagrangean heuristics for location problems", EJOR 65) leaves a problem that splits:
 * - coverage, relaxing y_r ≤ Σ_j x_j:      L(λ) = Σ_r (W_r − λ_r) + max_x Σ_j (c_j + Σ_{r∋j} λ_r) x_j,  0 ≤ λ_r ≤ W_r;
 * - access, relaxing Σ_j z_jr ≤ 1:        L(λ) = Σ_r λ_r + max_x Σ_j (c_j + Σ_r max(0, a_jr − λ_r)) x_j;
 * plus the model's constant. The x part — K candidates under the rules — is a linear objective over
 * the bases of a matroid: the rules are laminar bounds (groups ⊂ districts ⊂ all), whose feasible sets
 * of size K form an M-convex set (Murota 2003, "Discrete Convex Analysis", §4.3 laminar convex
 * functions), i.e. matroid bases, so the greedy that keeps the set completable (`rules.ts`) is optimal
 * (Edmonds 1971). Every λ ≥ 0 gives a valid bound; the multipliers are improved by subgradient
 * optimisation (Held, Wolfe & Crowder 1974, "Validation of subgradient optimization", Math. Prog. 6).
 *
 * Fixing ("reduced-cost" tests on the Lagrangean, Beasley 1993 §3): with B* the best basis at the
 * best λ and μ_j the x-part weights, the best basis containing j ∉ B* is B* + j − e with e in the
 * fundamental circuit of j, so its value is ≤ L + μ_j − μ_e ≤ L + μ_j − min_{e∈B*} μ_e (e is exactly
 * the group mate when j's group holds one site at most and B* has one); a set without e ∈ B* is
 * ≤ L − μ_e + max_{f∉B*} μ_f. Candidates whose bound is below the threshold are fixed out (in).
 */
import { modelValue, type RowModel } from './row-model';
import { setRules, type ResolvedConstraints } from './rules';

/** Options of one relaxation run. */
export interface LagrangeOptions {
  /** Most subgradient iterations. */
  iterations: number;
  /** Stop as soon as the bound is below this (the incumbent's threshold). */
  stopBelow: number;
  /** Value of the best set known (the step target). */
  target: number;
  /** Starting multipliers (e.g. from an earlier run); default from the model. */
  lambda?: Float64Array;
  /** First step factor θ (default 2; smaller for a warm start). */
  theta?: number;
}

/** What the relaxation produced. */
export interface LagrangeResult {
  /** Lowest L(λ) found: no feasible set of the model (respecting its fixings) has a larger value (−∞: none exists). */
  bound: number;
  /** The multipliers giving `bound`, and the x-part weights μ_j there. */
  lambda: Float64Array;
  weights: Float64Array;
  /** The best basis B* at those multipliers (candidate indices, fixed-in included). */
  basis: number[];
  /** The best feasible set met on the way (a basis of some iterate) and its model value. */
  best: number[];
  bestValue: number;
  iterations: number;
}

/** True when the rules never bind: every group within its cap, no includes, no binding district bound. */
export function onlyCardinality(rc: ResolvedConstraints): boolean {
  const perGroup = new Int32Array(rc.groups.length);
  const perDistrict = new Int32Array(rc.lo.length);
  for (let j = 0; j < rc.n; j++) {
    if (!rc.allowed[j]) continue;
    perGroup[rc.groupOf[j]]++;
    perDistrict[rc.districtOf[j]]++;
  }
  for (let g = 0; g < perGroup.length; g++) if (perGroup[g] > rc.groupCap[g] || rc.groupForced[g]) return false;
  for (let d = 0; d < perDistrict.length; d++) if (rc.lo[d] > 0 || rc.hi[d] < perDistrict[d]) return false;
  return true;
}

/** The x part: the best K candidates by weight under the rules (fixed-in first, fixed-out never). */
export class BasisSelector {
  private readonly simple: boolean;
  private readonly free: Int32Array;
  private readonly forced: number[];
  private readonly slots: number;

  constructor(private readonly rc: ResolvedConstraints, fixed: Int8Array) {
    this.simple = onlyCardinality(rc);
    const free: number[] = [];
    this.forced = [];
    for (let j = 0; j < rc.n; j++) {
      if (fixed[j] === 0) free.push(j);
      else if (fixed[j] === 1) this.forced.push(j);
    }
    this.free = Int32Array.from(free);
    this.slots = rc.k - this.forced.length;
  }

  /** Chosen indices (forced first), or null when no K-set meets the rules and the fixings. */
  select(weights: Float64Array): number[] | null {
    const out = [...this.forced];
    if (this.slots < 0) return null;
    const idx = Int32Array.from(this.free);
    if (this.simple) {
      if (idx.length < this.slots) return null;
      topK(idx, weights, this.slots);
      for (let q = 0; q < this.slots; q++) out.push(idx[q]);
      return out;
    }
    const rules = setRules(this.rc);
    for (const j of this.forced) {
      if (!rules.canAdd(j)) return null;
      rules.add(j);
    }
    idx.sort((a, b) => weights[b] - weights[a] || a - b);
    for (let q = 0; q < idx.length && out.length < this.rc.k; q++) {
      if (!rules.canAdd(idx[q])) continue;
      rules.add(idx[q]);
      out.push(idx[q]);
    }
    return out.length === this.rc.k ? out : null;
  }
}

/** Moves the k largest weights' indices to idx[0..k) (quickselect, Hoare 1961). */
function topK(idx: Int32Array, w: Float64Array, k: number): void {
  let lo = 0;
  let hi = idx.length - 1;
  while (lo < hi) {
    const pivot = w[idx[(lo + hi) >> 1]];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (w[idx[i]] > pivot) i++;
      while (w[idx[j]] < pivot) j--;
      if (i <= j) {
        const t = idx[i];
        idx[i++] = idx[j];
        idx[j--] = t;
      }
    }
    if (k - 1 <= j) hi = j;
    else if (k - 1 >= i) lo = i;
    else return;
  }
}

/** Default multipliers: coverage W_r / (number of coverers); access half the row's best saving. */
function initialLambda(m: RowModel): Float64Array {
  const lambda = new Float64Array(m.nRows);
  if (m.kind === 'coverage') {
    const deg = new Int32Array(m.nRows);
    for (let e = 0; e < m.row.length; e++) deg[m.row[e]]++;
    for (let r = 0; r < m.nRows; r++) lambda[r] = deg[r] > 0 ? m.rowMax[r] / deg[r] : 0;
  } else for (let r = 0; r < m.nRows; r++) lambda[r] = m.rowMax[r] / 2;
  return lambda;
}

/**
 * L(λ) and the x-part weights; returns the constant (row) part. The model's arrays are read into locals
 * first: models are made by spreading (`compactModel`), so their shapes differ and a property read inside
 * the loops would go through a megamorphic lookup each time (measured: 73 µs → a few µs per iteration on
 * a 313-row node).
 */
function evaluate(m: RowModel, lambda: Float64Array, weights: Float64Array, active: Uint8Array): number {
  const { nRows, n, rowMax, own, start, row, coef } = m;
  const coverage = m.kind === 'coverage';
  let rows = 0;
  for (let r = 0; r < nRows; r++) if (active[r]) rows += coverage ? rowMax[r] - lambda[r] : lambda[r];
  for (let j = 0; j < n; j++) {
    let v = own[j];
    const end = start[j + 1];
    if (coverage) for (let e = start[j]; e < end; e++) v += lambda[row[e]];
    else for (let e = start[j]; e < end; e++) {
      const d = coef[e] - lambda[row[e]];
      if (d > 0) v += d;
    }
    weights[j] = v;
  }
  return rows + m.constant;
}

/**
 * Subgradient optimisation of L(λ) (see the file comment). Deterministic: a fixed number of
 * iterations at most, step halving after 25 iterations without improvement.
 */
export function lagrangean(m: RowModel, rc: ResolvedConstraints, o: LagrangeOptions): LagrangeResult {
  const selector = new BasisSelector(rc, m.fixed);
  const active = new Uint8Array(m.nRows);
  for (let e = 0; e < m.row.length; e++) active[m.row[e]] = 1;
  const lambda = o.lambda ? Float64Array.from(o.lambda) : initialLambda(m);
  const weights = new Float64Array(m.n);
  const grad = new Float64Array(m.nRows);
  const count = new Int32Array(m.nRows);
  const res: LagrangeResult = { bound: Infinity, lambda: Float64Array.from(lambda), weights: new Float64Array(m.n), basis: [], best: [], bestValue: -Infinity, iterations: 0 };
  const dir = new Float64Array(m.nRows);
  let theta = o.theta ?? 2;
  let stale = 0;
  let checkpoint = Infinity;
  for (let it = 0; it < o.iterations; it++) {
    res.iterations = it + 1;
    let L = evaluate(m, lambda, weights, active);
    const basis = selector.select(weights);
    if (!basis) return { ...res, bound: -Infinity };
    for (const j of basis) L += weights[j];
    if (L < res.bound) {
      res.bound = L;
      res.lambda.set(lambda);
      res.weights.set(weights);
      res.basis = basis;
      stale = 0;
    } else if (++stale >= 40) {
      theta /= 2;
      stale = 0;
    }
    if (it % 5 === 0) {
      const v = modelValue(m, basis);
      if (v > res.bestValue) { res.bestValue = v; res.best = basis; }
    }
    if (res.bound < o.stopBelow || theta < 1e-5) break;
    // Stagnation: the gap to the threshold shrank by less than 1 % over the last 100 iterations.
    if (it % 100 === 99) {
      const gap = res.bound - o.stopBelow;
      if (gap > 0.99 * checkpoint) break;
      checkpoint = gap;
    }
    subgradient(m, lambda, basis, grad, count, active);
    const norm = deflect(grad, dir);
    const gapToTarget = L - Math.max(o.target, res.bestValue);
    if (norm === 0 || gapToTarget <= 0) break;
    const step = (theta * gapToTarget) / norm;
    const { nRows, rowMax } = m;
    for (let r = 0; r < nRows; r++) {
      if (!active[r] || grad[r] === 0) continue;
      const v = lambda[r] - step * grad[r];
      lambda[r] = v < 0 ? 0 : v > rowMax[r] ? rowMax[r] : v;
    }
  }
  return res;
}

/**
 * Deflected direction d = g + β·d_prev with β = 1.5·max(0, −g·d_prev)/‖d_prev‖² (Camerini, Fratta &
 * Maffioli 1975, "On improving relaxation methods by modified gradient techniques", Math. Prog. Study 3):
 * damps the zig-zag of plain subgradient steps. Writes d into both arrays; returns ‖d‖².
 */
function deflect(grad: Float64Array, dir: Float64Array): number {
  let gd = 0;
  let dd = 0;
  for (let r = 0; r < grad.length; r++) {
    gd += grad[r] * dir[r];
    dd += dir[r] * dir[r];
  }
  const beta = gd < 0 && dd > 0 ? (-1.5 * gd) / dd : 0;
  let norm = 0;
  for (let r = 0; r < grad.length; r++) {
    const d = grad[r] + beta * dir[r];
    dir[r] = d;
    grad[r] = d;
    norm += d * d;
  }
  return norm;
}

/** Carries multipliers over a compaction (`compactModel`): merged rows add theirs. */
export function mapLambda(lambda: Float64Array, rowMap: Int32Array, nRows: number): Float64Array {
  const out = new Float64Array(nRows);
  for (let r = 0; r < rowMap.length; r++) if (rowMap[r] >= 0) out[rowMap[r]] += lambda[r];
  return out;
}

/** ∂L/∂λ_r into `grad` (zero where the bound would push λ out of its box). */
function subgradient(m: RowModel, lambda: Float64Array, basis: readonly number[], grad: Float64Array, count: Int32Array, active: Uint8Array): void {
  const { nRows, rowMax, start, row, coef } = m;
  const coverage = m.kind === 'coverage';
  count.fill(0);
  for (const j of basis) {
    const end = start[j + 1];
    for (let e = start[j]; e < end; e++) {
      const r = row[e];
      if (coverage || coef[e] > lambda[r]) count[r]++;
    }
  }
  for (let r = 0; r < nRows; r++) {
    if (!active[r]) { grad[r] = 0; continue; }
    // coverage: ∂L/∂λ = count − y (y = 1 while λ < W); access: ∂L/∂λ = 1 − count.
    const g = coverage ? count[r] - (lambda[r] < rowMax[r] ? 1 : 0) : 1 - count[r];
    grad[r] = (g > 0 && lambda[r] <= 0) || (g < 0 && lambda[r] >= rowMax[r]) ? 0 : g;
  }
}

/**
 * Fixing tests at the relaxation's best multipliers (see the file comment).
 * @param threshold only sets with a model value ≥ this matter (the incumbent's, or just above it)
 * @returns per candidate 1 (in every such set), −1 (in none), 0 (undecided)
 */
export function fixingTests(m: RowModel, rc: ResolvedConstraints, lag: LagrangeResult, threshold: number): Int8Array {
  const fix = new Int8Array(m.n);
  const { weights: mu, basis, bound } = lag;
  const inBasis = new Uint8Array(m.n);
  let minIn = Infinity;
  const mateOf = new Int32Array(rc.groups.length).fill(-1);
  for (const j of basis) {
    inBasis[j] = 1;
    if (m.fixed[j] === 0 && mu[j] < minIn) minIn = mu[j];
    mateOf[rc.groupOf[j]] = j;
  }
  let maxOut = -Infinity;
  for (let j = 0; j < m.n; j++) if (m.fixed[j] === 0 && !inBasis[j] && mu[j] > maxOut) maxOut = mu[j];
  const margin = 1e-9 * Math.max(1, Math.abs(threshold));
  for (let j = 0; j < m.n; j++) {
    if (m.fixed[j] !== 0) continue;
    if (!inBasis[j]) {
      const mate = mateOf[rc.groupOf[j]];
      const out = rc.groupCap[rc.groupOf[j]] === 1 && mate >= 0 ? mu[mate] : minIn;
      if (bound + mu[j] - out < threshold - margin) fix[j] = -1;
    } else if (bound - mu[j] + maxOut < threshold - margin) fix[j] = 1;
  }
  return fix;
}
