/**
 * The one tie-break rule of every selection (greedy, swap search, exact solver, robustness samples):
 * sets are ordered lexicographically by
 *   1. the objective (coverage, access, beyond, score or blend),
 *   2. then Σ score of the chosen sites (higher is better),
 *   3. then the candidates' priorities and ids, as one order (`tieRanks`: higher priority first, then the
 *      smaller id); a set whose sorted positions in that order come first wins; for single additions or
 *      swaps: the earlier position. The planning layer's priority is the population-weighted minutes a
 *      site saves on its own (`standaloneSavings`), so sites of one municipality with the same gain (and
 *      so the same score) go to the one nearer the people; without priorities it is the id order.
 * So once the objective cannot improve, the remaining ("zero-gain") slots go to the best-scoring
 * candidates, and two runs on the same input always return the same set, in any input order.
 *
 * Comparisons: objective values within `primaryTolerance` count as equal (0 for integer-valued
 * objectives, i.e. coverage with whole-number weights; 1e-12 of the objective's scale otherwise,
 * which only absorbs rounding noise); scores within 1e-9 points count as equal (as in `rank.ts`).
 *
 * The exact solver optimises  f(S) + ε · Σ_{j∈S} s_j  (maximisation form; s_j ∈ [0, 100]) with
 *   ε = δ / (2 · S_K),  S_K = Σ of the K largest scores (≤ 100 K),
 * where δ is the objective's resolution: δ = 1 for integer-valued objectives (two different coverage
 * values differ by at least one resident), and δ = gapTolerance · max(1, |f₀|) otherwise, f₀ the
 * value of the start set (a third of it for minimised objectives, whose start lies above the optimum;
 * see select.ts): values closer than the optimality tolerance are not distinguished by the proof anyway. Claim: an optimal set S*
 * of the weighted problem is optimal for f (integer case) or within δ/2 of it (real case). Proof: for
 * any feasible T, f(S*) + ε s(S*) ≥ f(T) + ε s(T) gives f(T) − f(S*) ≤ ε (s(S*) − s(T)) ≤ ε S_K = δ/2;
 * with integer values f(T) − f(S*) ≤ 1/2 < 1 forces f(T) ≤ f(S*). Among sets with the optimal f the
 * weighted objective then maximises s, the second key. Because ε · s ≥ 0, the solver's dual bound on
 * the weighted objective is also a valid bound on f. The third key (ids) is applied after the solve by
 * the swap search, which accepts only swaps that keep f and s and take an earlier position.
 */

/** Scores within this many points count as equal. */
export const SCORE_TOLERANCE = 1e-9;

/**
 * Position of each candidate in the final tie-break order: higher `priority` first (exact comparison; absent = 0),
 * then ascending id. Smaller position wins.
 */
export function tieRanks(ids: readonly string[], priority?: ArrayLike<number>): Int32Array {
  const pr = (i: number) => (priority ? priority[i] : 0);
  const order = ids.map((_, i) => i).sort((a, b) => (pr(a) !== pr(b) ? pr(b) - pr(a) : ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : a - b));
  const rank = new Int32Array(ids.length);
  order.forEach((i, r) => (rank[i] = r));
  return rank;
}

/**
 * True when (gain a, score a, id rank a) is better than b under the lexicographic rule.
 * @param tol objective values within `tol` are equal
 */
export function better(gA: number, sA: number, rA: number, gB: number, sB: number, rB: number, tol: number): boolean {
  if (gA - gB > tol) return true;
  if (gB - gA > tol) return false;
  if (sA - sB > SCORE_TOLERANCE) return true;
  if (sB - sA > SCORE_TOLERANCE) return false;
  return rA < rB;
}

/**
 * ε of the weighted exact objective (see the file comment).
 * @param scores candidate scores (0–100)
 * @param k set size
 * @param resolution δ: 1 for integer-valued objectives, else the optimality tolerance in objective units
 * @returns 0 when no score is positive
 */
export function tieEpsilon(scores: ArrayLike<number>, k: number, resolution: number): number {
  const top = Array.from(scores).sort((a, b) => b - a).slice(0, k);
  const sK = top.reduce((a, b) => a + Math.max(0, b), 0);
  return sK > 0 ? resolution / (2 * sK) : 0;
}
