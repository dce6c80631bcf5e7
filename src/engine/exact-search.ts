/**
 * The exact method of `selectSites` beyond complete enumeration: bound, fix, branch; HiGHS for what
 * is left.
 *
 * 1. The incumbent is the greedy + swap set (`greedy.ts`).
 * 2. Lagrangean branch-and-bound (`branch-bound.ts`) on the row model (`row-model.ts`): when every node
 *    is pruned, fixed away or enumerated, the incumbent is proven optimal without a MILP solver.
 * 3. After the node limit, HiGHS (`exact.ts`) solves the root's reduced model, started from the incumbent.
 * 4. Access rows are cut to their k best candidates (the k-nearest sparse form, memory O(rows × k)); the
 *    bounds stay valid (a relaxation) and the incumbent is always valued on the objective itself, so
 *    a completed search proves optimality as it is. Only when a MILP's optimum opens none of a cut row's
 *    kept candidates (the relaxation over-counted it) are those rows widened and the search repeated.
 *
 * The proof's tolerance (`absoluteGap`) is that of the MILP: 0.5 for integer objectives without a
 * tie-break (values are whole numbers), ε·10⁻³ with one (Σ score proven to 10⁻³ points), and a quarter
 * of the gap-tolerance resolution otherwise. Bounds are in model units (maximisation, tie-break term
 * included); the caller converts them.
 */
import { coreHeuristic, NODE_LIMIT, Search, type Node, type SearchOptions } from './branch-bound';
import { solveMilp, type MilpOutcome } from './exact';
import type { PreparedObjective } from './objective';
import { buildRowModel, compactModel, type RowModel } from './row-model';
import type { ResolvedConstraints } from './rules';

export type { SearchOptions } from './branch-bound';

/** What the search found, in model units. */
export interface SearchOutcome {
  set: number[];
  /** Upper bound on the model value of every feasible set; null when none is known. */
  bound: number | null;
  proven: boolean;
  solver: 'lagrangean' | 'highs';
  stoppedBy: 'proof' | 'timeLimit' | 'otherLimit';
  notes: string[];
}

/** A value just below x: what "every excluded set is below x" allows as a (≤) bound. */
const below = (x: number): number => x - 1e-9 * Math.max(1, Math.abs(x));

/** Access rows keep this many best candidates at first: 2 × (allowed candidates / K), at least 20. */
function initialKeep(rc: ResolvedConstraints): number {
  const allowed = rc.allowed.reduce((a, b) => a + b, 0);
  return Math.max(20, Math.ceil((2 * allowed) / Math.max(1, rc.k)));
}

/**
 * Runs the search (see the file comment). Assumes `diagnose` found no violated rule.
 * @param start a feasible set (greedy + swaps)
 * @param lagrangean false sends the whole (uncut) model straight to HiGHS
 * @throws ExactSolveError from the MILP when its model is too large or the solver fails
 */
export async function exactSearch(p: PreparedObjective, rc: ResolvedConstraints, start: number[], o: SearchOptions, lagrangean = true): Promise<SearchOutcome> {
  if (!lagrangean) return milpOnly(p, rc, start, o);
  let keep: number | Int32Array = p.access ? initialKeep(rc) : Infinity;
  let incumbent = start;
  for (let widenings = 0; ; widenings++) {
    const base = buildRowModel(p, rc, o.epsilon, keep);
    const result = await searchModel(p, rc, base, incumbent, o);
    incumbent = result.set;
    const cut = base.truncation && result.solver === 'highs' && !result.proven && result.stoppedBy !== 'timeLimit';
    const loose = cut ? looseRows(base, result.set) : [];
    if (loose.length === 0 || widenings >= 3) {
      if (widenings > 0) result.notes.push(`k-nearest rows widened ${widenings} time(s)`);
      return result;
    }
    const next: Int32Array = typeof keep === 'number' ? new Int32Array(p.demandWeight!.length).fill(keep) : keep;
    for (const r of loose) next[r] = rc.n;
    keep = next;
  }
}

/** Cut rows where the set opens none of the kept candidates (the relaxation over-counts them). */
function looseRows(m: RowModel, set: readonly number[]): number[] {
  const floor = m.truncation!.floor;
  const hit = new Uint8Array(m.nRows);
  for (const j of set) for (let e = m.start[j]; e < m.start[j + 1]; e++) hit[m.row[e]] = 1;
  const out: number[] = [];
  for (let r = 0; r < m.nRows; r++) if (floor[r] > 0 && !hit[r]) out.push(r);
  return out;
}

async function searchModel(p: PreparedObjective, rc: ResolvedConstraints, base: RowModel, start: number[], o: SearchOptions): Promise<SearchOutcome> {
  const search = new Search(p, rc, o, start);
  const root = search.bound({ m: compactModel(base).model, bound: Infinity }, 1, 2000);
  if (!root) return proven(search);
  search.consider(root.basis);
  await coreHeuristic(search, root.node.m, root.weights);
  const reduced = search.bound(root.node, 4, 600);
  if (!reduced) return proven(search);
  const open = search.branch(reduced.node);
  if (open.length === 0) return proven(search);
  const openBound = Math.max(...open.map((n) => n.bound));
  if (o.timeLeft() <= 0) {
    const bound = Math.max(openBound, below(search.excludedBelow));
    return { set: search.set, bound, proven: false, solver: 'lagrangean', stoppedBy: 'timeLimit', notes: [`Lagrangean branch-and-bound stopped by the time limit: ${search.summary()}`] };
  }
  const notes = [`Lagrangean branch-and-bound: ${search.summary()}; node limit of ${NODE_LIMIT} reached`];
  return milpRest(search, reduced.node, notes);
}

function proven(search: Search): SearchOutcome {
  // Everything excluded is below the threshold (strictly), so the incumbent is within the tolerance of the best.
  const bound = Math.max(below(search.excludedBelow), search.value);
  return { set: search.set, bound, proven: true, solver: 'lagrangean', stoppedBy: 'proof', notes: [`optimality proven by Lagrangean bounds: ${search.summary()}`] };
}

/** HiGHS on the root's reduced model after the node limit. */
async function milpRest(search: Search, root: Node, notes: string[]): Promise<SearchOutcome> {
  const { rc, o } = search;
  const milp = await solveMilp(root.m, rc, {
    timeLimitSeconds: Math.max(0.001, o.timeLeft()), relativeGap: 0, absoluteGap: o.absoluteGap, maxModelNonzeros: o.maxModelNonzeros, start: search.set, instance: o.instance,
  });
  if (milp.status === 'solved') search.consider(milp.selected);
  notes.push(`the rest solved by HiGHS branch-and-cut on ${milp.size.columns} columns, ${milp.size.rows} rows, ${milp.size.nonzeros} nonzeros`);
  const solverBound = milp.dualBound === null ? Infinity : milp.dualBound + o.solverSlack(milp.dualBound);
  return milpResult(milp, search.set, Math.min(root.bound, solverBound), below(search.excludedBelow), search.threshold(), notes);
}

/** The whole model straight to HiGHS (no Lagrangean phase). */
async function milpOnly(p: PreparedObjective, rc: ResolvedConstraints, start: number[], o: SearchOptions): Promise<SearchOutcome> {
  const search = new Search(p, rc, o, start);
  const m = compactModel(buildRowModel(p, rc, o.epsilon)).model;
  const milp = await solveMilp(m, rc, {
    timeLimitSeconds: Math.max(0.001, o.timeLeft()), relativeGap: 0, absoluteGap: o.absoluteGap, maxModelNonzeros: o.maxModelNonzeros, start, instance: o.instance,
  });
  if (milp.status === 'solved') search.consider(milp.selected);
  const notes = [`HiGHS branch-and-cut on ${milp.size.columns} columns, ${milp.size.rows} rows, ${milp.size.nonzeros} nonzeros`];
  const solverBound = milp.dualBound === null ? Infinity : milp.dualBound + o.solverSlack(milp.dualBound);
  return milpResult(milp, search.set, solverBound, -Infinity, search.threshold(), notes);
}

/**
 * The MILP's answer as an outcome. Proven only when the bound is below the incumbent's threshold: on a
 * cut (k-nearest) model the solver's optimum may be worth less than the relaxation said.
 */
function milpResult(milp: MilpOutcome, set: number[], restBound: number, excluded: number, threshold: number, notes: string[]): SearchOutcome {
  // Infeasible: no set of the reduced model at all, so nothing beats the incumbent.
  const rest = milp.status === 'infeasible' ? -Infinity : restBound;
  const bound = Math.max(rest, excluded);
  const proven = milp.stoppedBy === 'proof' && bound < threshold;
  if (milp.status === 'noSolution') notes.push('the solver returned no set; the best set found so far is reported');
  const stoppedBy = proven ? 'proof' : milp.stoppedBy === 'proof' ? 'otherLimit' : milp.stoppedBy;
  return { set, bound: Number.isFinite(bound) ? bound : null, proven, solver: 'highs', stoppedBy, notes };
}
