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
import { createState, type PreparedObjective, type SetState } from './objective';
import { setRules, type ResolvedConstraints, type SetRules } from './rules';
import { better, SCORE_TOLERANCE } from './tiebreak';

/**
 * Runs the constrained lazy greedy. Assumes `diagnose` found no violated rule.
 * Stale gains sit in a binary heap ordered by (gain, score, id); the top is re-evaluated and taken
 * when it still beats the next one (Minoux 1978). Candidates that can never gain (bound 0, see
 * `swapContext`) stay out of the heap and are offered in score order. Candidates the rules block right
 * now wait aside and return to the heap after the next addition.
 * @param ctx bounds and score order from `swapContext` (computed when absent)
 * @returns the chosen indices in insertion order
 */
export function greedySelect(p: PreparedObjective, rc: ResolvedConstraints, ctx: SwapContext = swapContext(p, rc)): number[] {
  const state = createState(p);
  const rules = setRules(rc);
  const { k } = rc;
  const { scores: s, idRank: r, tolerance: tol } = p;
  const order: number[] = [];
  const stale = Float64Array.from(ctx.upper);
  const taken = new Uint8Array(rc.n);
  const served = new Uint8Array(rc.groups.length);
  const take = (j: number): void => {
    state.add(j);
    rules.add(j);
    order.push(j);
    taken[j] = 1;
    served[rc.groupOf[j]] = 1;
  };
  const beats = (a: number, b: number): boolean => better(stale[a], s[a], r[a], stale[b], s[b], r[b], tol);
  takeIncluded(rc, state, rules, stale, beats, served, take);
  const heap = new Heap(beats, ctx.active.filter((j) => !taken[j]));
  const { passive } = ctx;
  let skip = 0;
  const blocked: number[] = [];
  while (order.length < k) {
    // The best passive candidate: first in score order that is free and allowed now.
    while (skip < passive.length && (taken[passive[skip]] || served[rc.groupOf[passive[skip]]] >= rc.groupCap[rc.groupOf[passive[skip]]])) skip++;
    let pb = -1;
    for (let q = skip; q < passive.length && pb < 0; q++) if (!taken[passive[q]] && rules.canAdd(passive[q])) pb = passive[q];
    let chosen: number;
    if (heap.size() === 0) {
      if (pb < 0) break; // cannot happen after diagnose
      chosen = pb;
    } else {
      const j = heap.pop();
      if (!rules.canAdd(j)) { blocked.push(j); continue; }
      stale[j] = state.gain(j);
      if (heap.size() > 0 && beats(heap.peek(), j)) { heap.push(j); continue; }
      if (pb >= 0 && better(0, s[pb], r[pb], stale[j], s[j], r[j], tol)) {
        heap.push(j);
        chosen = pb;
      } else chosen = j;
    }
    take(chosen);
    for (const b of blocked) heap.push(b);
    blocked.length = 0;
  }
  return order;
}

/** Included groups first, each by its best site (few candidates: plain scans). */
function takeIncluded(
  rc: ResolvedConstraints, state: SetState, rules: SetRules, stale: Float64Array,
  beats: (a: number, b: number) => boolean, served: Uint8Array, take: (j: number) => void,
): void {
  for (;;) {
    let best = -1;
    for (let j = 0; j < rc.n; j++) {
      if (!rc.groupForced[rc.groupOf[j]] || served[rc.groupOf[j]] || !rules.canAdd(j)) continue;
      stale[j] = state.gain(j);
      if (best < 0 || beats(j, best)) best = j;
    }
    if (best < 0) return;
    take(best);
  }
}

/** A binary max-heap of candidate indices under `beats`. */
class Heap {
  private readonly items: number[];
  constructor(private readonly beats: (a: number, b: number) => boolean, initial: number[]) {
    this.items = initial;
    for (let i = (initial.length >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

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
      const t = a[i];
      a[i] = a[parent];
      a[parent] = t;
      i = parent;
    }
  }

  pop(): number {
    const a = this.items;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  private siftDown(start: number): void {
    const a = this.items;
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      const rgt = l + 1;
      let m = i;
      if (l < a.length && this.beats(a[l], a[m])) m = l;
      if (rgt < a.length && this.beats(a[rgt], a[m])) m = rgt;
      if (m === i) return;
      const t = a[i];
      a[i] = a[m];
      a[m] = t;
      i = m;
    }
  }
}

/**
 * False when greedy is already optimal so no swap can improve its set: a modular objective (score)
 * with only upper bounds (group caps, district maximums). Those bounds form a laminar matroid, on
 * which greedy in a consistent total order (score, then id) returns the lexicographic optimum
 * (Rado 1957; Edmonds 1971). District minimums or included groups can break this, so then swap.
 */
export function swapCanImprove(p: PreparedObjective, rc: ResolvedConstraints): boolean {
  return p.objective !== 'score' || rc.lo.some((l) => l > 0) || rc.groupForced.some((f) => f === 1);
}

/** What the swap search precomputes for one objective view (reusable across calls on the same view). */
export interface SwapContext {
  /** Gain of each candidate on the empty set: an upper bound on its gain on any set (submodularity). */
  upper: Float64Array;
  /** Allowed candidates that can gain. */
  active: number[];
  /** Allowed candidates with bound 0, best score first (then smaller id): they can only win on score. */
  passive: number[];
  /** Per block of `BLOCK` consecutive entries of `active`, the largest bound (lets the swap search skip a block). */
  blockMax: Float64Array;
}

/** Entries of `active` per block of `SwapContext.blockMax`. */
const BLOCK = 8;

function blockMaxima(upper: Float64Array, active: readonly number[]): Float64Array {
  const out = new Float64Array(Math.ceil(active.length / BLOCK)).fill(-Infinity);
  for (let a = 0; a < active.length; a++) if (upper[active[a]] > out[(a / BLOCK) | 0]) out[(a / BLOCK) | 0] = upper[active[a]];
  return out;
}

/** The part of a swap context that does not depend on scores when the gains do not (coverage, access, beyond). */
export interface SwapBounds {
  upper: Float64Array;
  active: number[];
  /** Some allowed candidate has bound 0. */
  anyPassive: boolean;
  blockMax: Float64Array;
}

/** Each allowed candidate's gain on the empty set, and which can gain. */
export function swapBounds(p: PreparedObjective, rc: ResolvedConstraints): SwapBounds {
  const upper = new Float64Array(rc.n);
  const fresh = createState(p);
  const active: number[] = [];
  let anyPassive = false;
  for (let i = 0; i < rc.n; i++) {
    if (!rc.allowed[i]) continue;
    upper[i] = fresh.gain(i);
    if (upper[i] > 0) active.push(i);
    else anyPassive = true;
  }
  return { upper, active, anyPassive, blockMax: blockMaxima(upper, active) };
}

/**
 * Precomputes the swap search's bounds and candidate order.
 * @param scoreOrder optional provider of the candidate order by (score desc, id asc), e.g. built faster
 *   by the caller; only asked for when some candidate cannot gain
 * @param bounds `swapBounds(p, rc)` kept by a caller that solves the same view under other scores
 *   (valid only where gains ignore scores: coverage, access, beyond); not modified
 */
export function swapContext(p: PreparedObjective, rc: ResolvedConstraints, scoreOrder?: () => ArrayLike<number>, bounds: SwapBounds = swapBounds(p, rc)): SwapContext {
  const { scores: s, idRank: r } = p;
  const { upper, active, anyPassive, blockMax } = bounds;
  if (!anyPassive) return { upper, active, passive: [], blockMax };
  const order = scoreOrder ? scoreOrder() : Array.from({ length: rc.n }, (_, i) => i).sort((a, b) => (Math.abs(s[a] - s[b]) > SCORE_TOLERANCE ? s[b] - s[a] : r[a] - r[b]));
  const passive: number[] = [];
  for (let q = 0; q < order.length; q++) if (rc.allowed[order[q]] === 1 && upper[order[q]] === 0) passive.push(order[q]);
  return { upper, active, passive, blockMax };
}

/**
 * Improves a set by single swaps until none helps (see the file comment). Candidates whose bound
 * (gain on the empty set) cannot beat the best replacement so far are skipped without evaluating
 * them; among the candidates that cannot gain, the first feasible one in score order is the best.
 * @param set chosen indices satisfying the rules (not modified)
 * @param maxPasses stop after this many passes over the set (default 50)
 * @param ctx bounds and order from `swapContext` (computed when absent)
 * @returns the improved set (same positions, replaced entries)
 */
export function swapSearch(p: PreparedObjective, rc: ResolvedConstraints, set: readonly number[], maxPasses = 50, ctx: SwapContext = swapContext(p, rc)): number[] {
  const out = [...set];
  const { scores: s, idRank: r, tolerance: tol } = p;
  const { upper, active, passive, blockMax } = ctx;
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
      for (let a = 0; a < active.length; a++) {
        // A block whose largest bound is below the best gain by more than the tolerance holds no candidate
        // that `better` would accept (fl(x − y) is monotone in y), so skipping it changes nothing.
        if (a % BLOCK === 0 && bestGain - blockMax[a / BLOCK] > tol) {
          a += BLOCK - 1;
          continue;
        }
        const i = active[a];
        if (!better(upper[i], s[i], r[i], bestGain, s[best], r[best], tol) || inSet[i] || !rules.canAdd(i)) continue;
        const g = state.gain(i);
        if (better(g, s[i], r[i], bestGain, s[best], r[best], tol)) { best = i; bestGain = g; }
      }
      for (const i of passive) {
        if (!better(0, s[i], r[i], bestGain, s[best], r[best], tol)) break;
        if (inSet[i] || !rules.canAdd(i)) continue;
        best = i;
        bestGain = 0;
        break;
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
