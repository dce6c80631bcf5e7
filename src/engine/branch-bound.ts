/**
 * Lagrangean branch-and-bound on the row model (`row-model.ts`), after Beasley (1993, "Lagrangean
 * heuristics for location problems", EJOR 65): at every node a subgradient run (`lagrange.ts`) gives a
 * bound and a heuristic set; candidates that cannot be in a set beating the incumbent by the proof's
 * tolerance are fixed out, those in every such set fixed in, and the node is reduced and compacted
 * exactly; a node whose bound falls below the threshold is pruned; a node with few sets left is
 * enumerated on the objective itself (`enumerate.ts`); otherwise it branches on the free candidate of
 * the relaxation's basis with the largest weight (in first, depth first). At the root, a restricted
 * MILP over the best candidates by Lagrangean weight (a "core", Balas & Zemel 1980) looks for a better
 * incumbent for coverage models, whose relaxation is tight but whose greedy sets are weak.
 *
 * Every set a fixing or a pruned node excludes has a model value below the threshold in force then,
 * never above the final one: `excludedBelow` records it for the bound.
 */
import { enumerateBest, subsetCount } from './enumerate';
import { solveMilp } from './exact';
import { swapSearch } from './greedy';
import { fixingTests, lagrangean, mapLambda } from './lagrange';
import { compareSets, maximises, objectiveValue, type PreparedObjective } from './objective';
import { compactModel, fixCandidates, type RowModel } from './row-model';
import type { ResolvedConstraints } from './rules';

/** Settings of one exact search. */
export interface SearchOptions {
  epsilon: number;
  /** The proof's tolerance in model units: a set must beat the incumbent by more to matter. */
  absoluteGap: number;
  enumerationLimit: number;
  maxModelNonzeros: number;
  instance: string;
  /** Seconds left of the time limit (the caller's clock). */
  timeLeft: () => number;
  /** Allowance added to the MILP's dual bound for the solver's own tolerances. */
  solverSlack: (dualBound: number) => number;
}

/** A subproblem: the model with its fixings, multipliers to start from, and its parent's bound. */
export interface Node {
  m: RowModel;
  lambda?: Float64Array;
  bound: number;
}

/** Nodes of the Lagrangean branch-and-bound at most. */
export const NODE_LIMIT = 3000;
/** A node is enumerated when it has at most this many sets left. */
const NODE_ENUMERATION = 2000;
/** Branch-and-bound nodes of the core MILP (a heuristic; a node limit keeps it deterministic). */
const CORE_NODES = 200;

/** The model value of a set from the objective itself (no k-nearest cut): what the search compares. */
export function trueValue(p: PreparedObjective, set: readonly number[], epsilon: number): number {
  const v = objectiveValue(p, set);
  const f = maximises(p.objective) ? v : p.access!.baseTotal - v;
  const tie = p.objective === 'coverage' || p.objective === 'access' || p.objective === 'beyond' ? epsilon * set.reduce((s, j) => s + p.scores[j], 0) : 0;
  return f + tie;
}

/** The incumbent, its value, and what the phases have excluded. */
export class Search {
  set: number[];
  value: number;
  iterations = 0;
  fixings = 0;
  nodes = 0;
  enumerated = 0;
  /** Every set excluded by a fixing or a pruned node has a model value below this. */
  excludedBelow = -Infinity;

  constructor(readonly p: PreparedObjective, readonly rc: ResolvedConstraints, readonly o: SearchOptions, start: number[]) {
    this.set = start;
    this.value = trueValue(p, start, o.epsilon);
  }

  threshold(): number {
    return this.value + this.o.absoluteGap;
  }

  /** Polishes a candidate set by swaps and keeps it when it beats the incumbent (objective, score, ids). */
  consider(candidate: readonly number[] | null): void {
    if (!candidate || candidate.length !== this.rc.k) return;
    const polished = swapSearch(this.p, this.rc, candidate);
    if (compareSets(this.p, polished, this.set) > 0) {
      this.set = polished;
      this.value = trueValue(this.p, polished, this.o.epsilon);
    }
  }

  private exclude(): void {
    this.excludedBelow = Math.max(this.excludedBelow, this.threshold());
  }

  /**
   * Bounds, heuristics and fixings at one node, repeated while fixings shrink it.
   * @returns the reduced node with its relaxation's basis and weights, or null when it is pruned
   */
  bound(node: Node, rounds: number, iterations: number): { node: Node; basis: number[]; weights: Float64Array } | null {
    let { m, lambda } = node;
    let last: { basis: number[]; weights: Float64Array; bound: number } | null = null;
    for (let round = 0; round < rounds; round++) {
      const lag = lagrangean(m, this.rc, { iterations, stopBelow: this.threshold(), target: this.value, lambda, theta: lambda ? 0.25 : 2 });
      this.iterations += lag.iterations;
      if (lag.bestValue > this.value) this.consider(lag.best);
      if (lag.bound < this.threshold()) {
        this.exclude();
        return null;
      }
      last = { basis: lag.basis, weights: lag.weights, bound: Math.min(lag.bound, node.bound) };
      lambda = lag.lambda;
      const fix = fixingTests(m, this.rc, lag, this.threshold());
      const newly = fix.reduce((c, f) => c + (f !== 0 ? 1 : 0), 0);
      if (newly === 0) break;
      this.fixings += newly;
      this.exclude();
      const compact = compactModel(fixCandidates(m, fix));
      m = compact.model;
      lambda = mapLambda(lag.lambda, compact.rowMap, m.nRows);
    }
    return last && { node: { m, lambda, bound: last.bound }, basis: last.basis, weights: last.weights };
  }

  /** Enumerates a small node on the objective itself; true when it did. */
  enumerate(m: RowModel): boolean {
    if (subsetCount(this.rc, NODE_ENUMERATION, m.fixed) > NODE_ENUMERATION) return false;
    const { best, evaluated } = enumerateBest(this.p, this.rc, m.fixed);
    this.enumerated += evaluated;
    this.consider(best);
    this.exclude();
    return true;
  }

  /**
   * Depth-first branch-and-bound from `root` until every node is settled, the node limit or the time
   * limit. @returns the nodes left open (empty when the search completed)
   */
  branch(root: Node): Node[] {
    const stack: Node[] = [root];
    while (stack.length > 0 && this.nodes < NODE_LIMIT && this.o.timeLeft() > 0) {
      const node = stack.pop()!;
      if (node.bound < this.threshold()) {
        this.exclude();
        continue;
      }
      this.nodes++;
      const done = this.bound(node, 3, this.nodes === 1 ? 300 : 150);
      if (!done || this.enumerate(done.node.m)) continue;
      const { m, lambda, bound } = done.node;
      const pick = branchCandidate(m, done.basis, done.weights);
      for (const f of [-1, 1] as const) {
        const fix = new Int8Array(m.n);
        fix[pick] = f;
        const child = compactModel(fixCandidates(m, fix));
        stack.push({ m: child.model, lambda: lambda && mapLambda(lambda, child.rowMap, child.model.nRows), bound });
      }
    }
    return stack;
  }

  /** One line on what the search did, for the result's notes. */
  summary(): string {
    const parts = [`${this.iterations} subgradient iterations`, `${this.fixings} fixings`];
    if (this.nodes > 0) parts.unshift(`${this.nodes} branch-and-bound nodes`);
    if (this.enumerated > 0) parts.push(`${this.enumerated} sets enumerated`);
    return parts.join(', ');
  }
}

/** Branch on the free candidate of the relaxation's basis with the largest weight. */
function branchCandidate(m: RowModel, basis: readonly number[], weights: Float64Array): number {
  let pick = -1;
  for (const j of basis) if (m.fixed[j] === 0 && (pick < 0 || weights[j] > weights[pick])) pick = j;
  if (pick >= 0) return pick;
  for (let j = 0; j < m.n; j++) if (m.fixed[j] === 0 && (pick < 0 || weights[j] > weights[pick])) pick = j;
  return pick;
}

/** The core heuristic of the file comment (coverage models only; a duality gap makes access MILPs slow). */
export async function coreHeuristic(search: Search, m: RowModel, weights: Float64Array): Promise<void> {
  const size = Math.max(50, Math.ceil(2.5 * search.rc.k));
  const free = Array.from({ length: m.n }, (_, j) => j).filter((j) => m.fixed[j] === 0);
  if (free.length <= size || m.kind !== 'coverage' || search.o.timeLeft() <= 0) return;
  free.sort((a, b) => weights[b] - weights[a] || a - b);
  const inCore = new Uint8Array(m.n);
  for (const j of free.slice(0, size)) inCore[j] = 1;
  for (const j of search.set) inCore[j] = 1;
  const out = Int8Array.from({ length: m.n }, (_, j) => (m.fixed[j] === 0 && !inCore[j] ? -1 : 0));
  const { o } = search;
  const milp = await solveMilp(compactModel(fixCandidates(m, out)).model, search.rc, {
    timeLimitSeconds: Math.max(0.001, Math.min(o.timeLeft(), 10)), relativeGap: 0, absoluteGap: o.absoluteGap,
    maxModelNonzeros: o.maxModelNonzeros, start: search.set, instance: o.instance, maxNodes: CORE_NODES,
  });
  if (milp.status === 'solved') search.consider(milp.selected);
}
