/**
 * Greedy selection with lazy marginal-gain evaluation, and the swap search that improves a set.
 *
 * Greedy: the greedy algorithm for monotone submodular maximisation (Nemhauser, Wolsey & Fisher 1978;
 * (1 − 1/e) of optimal under a pure cardinality constraint), with lazy evaluation of stale gains
 * (Minoux 1978, "accelerated greedy"; stale gains are upper bounds, so the lexicographic key of
 * `tiebreak.ts` stays valid). Included groups are served first (each by its best site); then each
 * step adds the allowed candidate with the best (gain, score, id). "Allowed" keeps the rules
 * completable (`rules.ts`): group and district caps, and once the free slots are needed for unmet
 * minimums only candidates that serve them.
 *
 * Swap search: vertex substitution (Teitz & Bart 1968): for each chosen site, the best replacement
 * under the same key (including keeping it); repeat until no swap improves the set. Every accepted
 * swap improves (objective, Σ score, ids) lexicographically, so the search terminates.
 */
import { createState, type PreparedObjective } from './objective';
import { setRules, type ResolvedConstraints } from './rules';
import { better } from './tiebreak';

/**
 * Runs the constrained lazy greedy. Assumes `diagnose` found no violated rule.
 * @returns the chosen indices in insertion order
 */
export function greedySelect(p: PreparedObjective, rc: ResolvedConstraints): number[] {
  const state = createState(p);
  const rules = setRules(rc);
  const { n, k } = rc;
  const { scores: s, idRank: r, tolerance: tol } = p;
  const order: number[] = [];
  const stale = new Float64Array(n);
  for (let j = 0; j < n; j++) stale[j] = rc.allowed[j] ? state.gain(j) : -Infinity;
  const served = new Uint8Array(rc.groups.length);
  const take = (j: number): void => {
    state.add(j);
    rules.add(j);
    order.push(j);
    stale[j] = -Infinity;
    served[rc.groupOf[j]] = 1;
  };
  const pendingForced = (j: number): boolean => rc.groupForced[rc.groupOf[j]] === 1 && !served[rc.groupOf[j]];
  while (order.length < k) {
    const forcedLeft = rc.groupForced.some((f, g) => f === 1 && !served[g]);
    for (;;) {
      let best = -1;
      let second = -1;
      for (let j = 0; j < n; j++) {
        if (stale[j] === -Infinity || (forcedLeft && !pendingForced(j)) || !rules.canAdd(j)) continue;
        if (best < 0 || better(stale[j], s[j], r[j], stale[best], s[best], r[best], tol)) { second = best; best = j; } else if (second < 0 || better(stale[j], s[j], r[j], stale[second], s[second], r[second], tol)) second = j;
      }
      if (best < 0) return order; // cannot happen after diagnose
      stale[best] = state.gain(best);
      if (second < 0 || !better(stale[second], s[second], r[second], stale[best], s[best], r[best], tol)) {
        take(best);
        break;
      }
    }
  }
  return order;
}

/**
 * Improves a set by single swaps until none helps (see the file comment).
 * @param set chosen indices satisfying the rules (not modified)
 * @param maxPasses stop after this many passes over the set (default 50)
 * @returns the improved set (same positions, replaced entries)
 */
export function swapSearch(p: PreparedObjective, rc: ResolvedConstraints, set: readonly number[], maxPasses = 50): number[] {
  const out = [...set];
  const state = createState(p);
  const rules = setRules(rc);
  const inSet = new Uint8Array(rc.n);
  for (const j of out) {
    state.add(j);
    rules.add(j);
    inSet[j] = 1;
  }
  const { scores: s, idRank: r, tolerance: tol } = p;
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    for (let pos = 0; pos < out.length; pos++) {
      const j = out[pos];
      const loss = state.remove(j);
      rules.remove(j);
      let best = j;
      let bestGain = loss;
      for (let i = 0; i < rc.n; i++) {
        if (inSet[i] || !rules.canAdd(i)) continue;
        const g = state.gain(i);
        if (better(g, s[i], r[i], bestGain, s[best], r[best], tol)) { best = i; bestGain = g; }
      }
      state.add(best);
      rules.add(best);
      if (best !== j) {
        inSet[j] = 0;
        inSet[best] = 1;
        out[pos] = best;
        improved = true;
      }
    }
    if (!improved) break;
  }
  return out;
}
