/**
 * Greedy selection with lazy marginal-gain evaluation.
 *
 * Method: the greedy algorithm for monotone submodular maximisation (Nemhauser, Wolsey & Fisher 1978;
 * (1 − 1/e) of optimal under a pure cardinality constraint), with lazy evaluation of stale gains
 * (Minoux 1978, "accelerated greedy"). The forced includes are added first; then each step adds the
 * allowed candidate with the largest marginal gain (ties: higher score, then candidate order).
 * "Allowed" keeps the rules satisfiable: a district at its maximum is closed, and once the free
 * slots are needed for unmet district minimums only candidates from those districts are allowed.
 * No optimality bound is claimed under district rules, so the status is `feasible`.
 */
import { createGainModel, type PreparedObjective } from './objective';
import type { ResolvedConstraints } from './selection';

/** The chosen indices in insertion order with their marginal gains. */
export interface GreedyOutcome {
  order: number[];
  gains: number[];
  value: number;
}

/**
 * Runs the constrained lazy greedy. Assumes `diagnose` found no violated rule.
 * @param p prepared objective
 * @param rc resolved constraints
 */
export function greedySelect(p: PreparedObjective, rc: ResolvedConstraints): GreedyOutcome {
  const model = createGainModel(p);
  const { n, k, allowed, forced, districtOf, lo, hi } = rc;
  const inDistrict = new Int32Array(lo.length);
  const chosen = new Uint8Array(n);
  const order: number[] = [];
  const gains: number[] = [];
  const take = (j: number): void => {
    gains.push(model.add(j));
    order.push(j);
    chosen[j] = 1;
    if (districtOf[j] >= 0) inDistrict[districtOf[j]]++;
  };
  for (let j = 0; j < n; j++) if (forced[j]) take(j);
  const stale = new Float64Array(n);
  for (let j = 0; j < n; j++) stale[j] = allowed[j] && !chosen[j] ? model.gain(j) : -Infinity;
  const better = (a: number, b: number): boolean =>
    stale[a] > stale[b] || (stale[a] === stale[b] && (p.scores[a] > p.scores[b] || (p.scores[a] === p.scores[b] && a < b)));
  while (order.length < k) {
    let deficit = 0;
    for (let d = 0; d < lo.length; d++) deficit += Math.max(0, lo[d] - inDistrict[d]);
    const slack = k - order.length - deficit;
    const open = (j: number): boolean => {
      if (stale[j] === -Infinity) return false;
      const d = districtOf[j];
      if (d >= 0 && inDistrict[d] >= hi[d]) return false;
      return slack > 0 || (d >= 0 && inDistrict[d] < lo[d]);
    };
    for (;;) {
      let best = -1;
      let second = -1;
      for (let j = 0; j < n; j++) {
        if (!open(j)) continue;
        if (best < 0 || better(j, best)) { second = best; best = j; } else if (second < 0 || better(j, second)) second = j;
      }
      if (best < 0) return { order, gains, value: model.value() }; // cannot happen after diagnose
      const fresh = model.gain(best);
      const wasStale = fresh !== stale[best];
      stale[best] = fresh;
      if (!wasStale || second < 0 || !better(second, best)) {
        take(best);
        stale[best] = -Infinity;
        break;
      }
    }
  }
  return { order, gains, value: model.value() };
}
