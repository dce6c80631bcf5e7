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
 * Stale gains sit in a binary heap ordered by (gain, score, id); the top is re-evaluated and taken
 * when it still beats the next one (Minoux 1978). Candidates the rules block right now wait aside and
 * return to the heap after the next addition.
 * @returns the chosen indices in insertion order
 */
export function greedySelect(p: PreparedObjective, rc: ResolvedConstraints): number[] {
  const state = createState(p);
  const rules = setRules(rc);
  const { n, k } = rc;
  const { scores: s, idRank: r, tolerance: tol } = p;
  const order: number[] = [];
  const stale = new Float64Array(n);
  const served = new Uint8Array(rc.groups.length);
  const take = (j: number): void => {
    state.add(j);
    rules.add(j);
    order.push(j);
    served[rc.groupOf[j]] = 1;
  };
  const beats = (a: number, b: number): boolean => better(stale[a], s[a], r[a], stale[b], s[b], r[b], tol);
  // Included groups first, each by its best site (few candidates: plain scans).
  for (;;) {
    let best = -1;
    for (let j = 0; j < n; j++) {
      if (!rc.groupForced[rc.groupOf[j]] || served[rc.groupOf[j]] || !rules.canAdd(j)) continue;
      stale[j] = state.gain(j);
      if (best < 0 || beats(j, best)) best = j;
    }
    if (best < 0) break;
    take(best);
  }
  const heap = new Heap(beats);
  for (let j = 0; j < n; j++) {
    if (!rc.allowed[j] || order.includes(j)) continue;
    stale[j] = state.gain(j);
    heap.push(j);
  }
  const blocked: number[] = [];
  while (order.length < k && heap.size() > 0) {
    const j = heap.pop();
    if (!rules.canAdd(j)) { blocked.push(j); continue; }
    stale[j] = state.gain(j);
    if (heap.size() > 0 && beats(heap.peek(), j)) { heap.push(j); continue; }
    take(j);
    for (const b of blocked) heap.push(b);
    blocked.length = 0;
  }
  return order;
}

/** A binary max-heap of candidate indices under `beats`. */
class Heap {
  private readonly items: number[] = [];
  constructor(private readonly beats: (a: number, b: number) => boolean) {}

  size(): number {
    return this.items.length;
  }

  peek(): number {
    return this.items[0];
  }

  push(j: number): void {
    const a = this.items;
    a.push(j);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.beats(a[i], a[parent])) break;
      [a[i], a[parent]] = [a[parent], a[i]];
      i = parent;
    }
  }

  pop(): number {
    const a = this.items;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const rgt = l + 1;
        let m = i;
        if (l < a.length && this.beats(a[l], a[m])) m = l;
        if (rgt < a.length && this.beats(a[rgt], a[m])) m = rgt;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}

/**
 * Improves a set by single swaps until none helps (see the file comment). For each position the
 * candidates are tried in descending order of their gain on the empty set (an upper bound on any later
 * gain, by submodularity), so the scan stops as soon as that bound can no longer beat the best so far.
 * @param set chosen indices satisfying the rules (not modified)
 * @param maxPasses stop after this many passes over the set (default 50)
 * @returns the improved set (same positions, replaced entries)
 */
export function swapSearch(p: PreparedObjective, rc: ResolvedConstraints, set: readonly number[], maxPasses = 50): number[] {
  const out = [...set];
  const { scores: s, idRank: r, tolerance: tol } = p;
  const upper = new Float64Array(rc.n);
  const fresh = createState(p);
  const byBound: number[] = [];
  for (let i = 0; i < rc.n; i++) {
    if (!rc.allowed[i]) continue;
    upper[i] = fresh.gain(i);
    byBound.push(i);
  }
  byBound.sort((a, b) => (better(upper[a], s[a], r[a], upper[b], s[b], r[b], tol) ? -1 : better(upper[b], s[b], r[b], upper[a], s[a], r[a], tol) ? 1 : 0));
  const state = createState(p);
  const rules = setRules(rc);
  const inSet = new Uint8Array(rc.n);
  for (const j of out) {
    state.add(j);
    rules.add(j);
    inSet[j] = 1;
  }
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    for (let pos = 0; pos < out.length; pos++) {
      const j = out[pos];
      let best = j;
      let bestGain = state.remove(j);
      rules.remove(j);
      for (const i of byBound) {
        if (!better(upper[i], s[i], r[i], bestGain, s[best], r[best], tol)) break;
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
