/**
 * Exact selection as a mixed-integer linear programme, solved by HiGHS (Huangfu & Hall 2018,
 * "Parallelizing the dual revised simplex method"; https://highs.dev) compiled to WebAssembly
 * (the `highs` npm package), through its sparse model API. The module is loaded once per process and
 * every model is disposed after its solve (`withModel`), so repeated solves do not grow the heap.
 *
 * Variables x_j ∈ {0, 1} (site j opened; upper bound 0 when not allowed). Rows: Σ x_j = K;
 * lo_d ≤ Σ_{j∈d} x_j ≤ hi_d per police district; lo_g ≤ Σ_{j∈g} x_j ≤ cap_g per group (municipality).
 * - score: max Σ s_j x_j.
 * - coverage (MCLP, Church & ReVelle 1974): max Σ_g W_g y_g, y_g ≤ Σ_{j covers g} x_j, 0 ≤ y_g ≤ 1.
 *   Demand points with the same set of covering candidates are merged into one row g with their
 *   summed weight W_g (exact), and points a fixed site already covers drop out.
 * - access / beyond (p-median with fixed sites; ReVelle & Swain 1970): max Σ_{(i,j)} w_i v_ij z_ij with
 *   z_ij ≤ x_j and Σ_j z_ij ≤ 1 per demand point, only over pairs with a positive saving v_ij (see
 *   `location.ts`): an exact reduction. Reported cost = Σ w_i b_i − the saving.
 * - blend: the coverage model plus the scaled score term (see `selection.ts`).
 * For coverage, access and beyond the objective carries the tie-break term ε Σ s_j x_j (`tiebreak.ts`).
 * z and y are continuous: for binary x the LP optimum sets them to 0/1. The greedy + swap set is given
 * as a start. The returned set is re-evaluated exactly by the caller; the solver's dual bound gives
 * the bound.
 */
import type { Highs } from 'highs';
import loadHighs from 'highs';
import type { PreparedObjective } from './objective';
import type { ResolvedConstraints } from './rules';

let solverPromise: Promise<Highs> | null = null;

/** Loads the HiGHS WebAssembly module once per process (reloaded after a failed solve). */
export function loadSolver(): Promise<Highs> {
  solverPromise ??= loadHighs();
  return solverPromise;
}

/** A solve that could not finish (out of memory, solver abort): the message names the size and what to do. */
export class ExactSolveError extends Error {
  constructor(message: string, readonly size: ModelSize) {
    super(message);
    this.name = 'ExactSolveError';
  }
}

/** Size of the MILP, for messages and limits. */
export interface ModelSize {
  columns: number;
  rows: number;
  nonzeros: number;
}

/** What the MILP returned, in the solver's (maximisation) units. */
export interface MilpOutcome {
  status: 'solved' | 'infeasible' | 'noSolution';
  stoppedBy: 'proof' | 'timeLimit' | 'otherLimit';
  selected: number[];
  /** Dual bound on the weighted maximisation objective (null when unknown). */
  dualBound: number | null;
  size: ModelSize;
}

/** Options of one MILP solve. */
export interface MilpOptions {
  timeLimitSeconds: number;
  /** HiGHS stops when (ub − lb) ≤ this (absolute, on the weighted objective). */
  absoluteGap: number;
  relativeGap: number;
  /** ε of the tie-break term (0 = none). */
  epsilon: number;
  maxModelNonzeros: number;
  /** A feasible start (greedy + swaps), candidate indices. */
  start: readonly number[];
  /** Instance description for error messages, e.g. "3,022 demand points × 575 sites". */
  instance: string;
}

class Builder {
  cost: number[] = [];
  lower: number[] = [];
  upper: number[] = [];
  integer: number[] = [];
  rowLower: number[] = [];
  rowUpper: number[] = [];
  start: number[] = [0];
  index: number[] = [];
  value: number[] = [];

  col(cost: number, lower: number, upper: number, integer: 0 | 1): number {
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    this.integer.push(integer);
    return this.cost.length - 1;
  }

  row(lower: number, upper: number, index: readonly number[], value: readonly number[]): void {
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
    for (let e = 0; e < index.length; e++) {
      this.index.push(index[e]);
      this.value.push(value[e]);
    }
    this.start.push(this.index.length);
  }

  size(): ModelSize {
    return { columns: this.cost.length, rows: this.rowLower.length, nonzeros: this.index.length };
  }
}

/** Upper bound on the model's nonzeros, computed before building it. */
export function estimateNonzeros(p: PreparedObjective, rc: ResolvedConstraints): number {
  const lists = p.coverage?.lists ?? p.access?.lists;
  const pairs = lists ? lists.index.length : 0;
  return 3 * rc.n + (p.access ? 3 * pairs : 2 * pairs);
}

/**
 * Builds and solves the MILP. Assumes `diagnose` found no violated rule.
 * @throws ExactSolveError when the model is larger than `maxModelNonzeros` or the solver fails
 */
export async function solveMilp(p: PreparedObjective, rc: ResolvedConstraints, o: MilpOptions): Promise<MilpOutcome> {
  const estimate = estimateNonzeros(p, rc);
  if (estimate > o.maxModelNonzeros) {
    const size = { columns: 0, rows: 0, nonzeros: estimate };
    throw new ExactSolveError(`${tooLarge(o.instance, size)} exceeds the limit of ${o.maxModelNonzeros.toLocaleString('en')} nonzeros. ${ADVICE}`, size);
  }
  const highs = await loadSolver();
  const b = new Builder();
  const extra = buildModel(p, rc, o.epsilon, b);
  const colValue = startValues(p, rc, o.start, b, extra);
  const size = b.size();
  try {
    return highs.withModel(
      {
        numCols: size.columns, numRows: size.rows, sense: highs.constants.objectiveSense.maximize,
        colCost: Float64Array.from(b.cost), colLower: Float64Array.from(b.lower), colUpper: Float64Array.from(b.upper),
        rowLower: Float64Array.from(b.rowLower, (v) => (v === -Infinity ? -highs.infinity : v)),
        rowUpper: Float64Array.from(b.rowUpper, (v) => (v === Infinity ? highs.infinity : v)),
        matrix: { format: 'csr', numRows: size.rows, numCols: size.columns, starts: Int32Array.from(b.start), indices: Int32Array.from(b.index), values: Float64Array.from(b.value) },
        integrality: Int32Array.from(b.integer),
      },
      (model) => {
        model.options.set({ output_flag: false, time_limit: o.timeLimitSeconds, mip_rel_gap: o.relativeGap, mip_abs_gap: o.absoluteGap });
        if (colValue) model.setSolution({ colValue });
        model.run();
        return readOutcome(highs, model, rc.n, size);
      },
    );
  } catch (err) {
    solverPromise = null; // a trapped WebAssembly instance cannot be reused
    const cause = err instanceof Error ? err.message : String(err);
    throw new ExactSolveError(`${tooLarge(o.instance, size)} could not be solved: the solver stopped with "${cause}". ${ADVICE}`, size);
  }
}

const ADVICE =
  'Use the greedy method (--method greedy), fewer candidate sites or demand points, a smaller radius, or split the area; ' +
  'the WebAssembly solver has at most 2 GB of memory.';

const fmt = (v: number): string => v.toLocaleString('en');
const tooLarge = (instance: string, s: ModelSize): string =>
  `The exact model for ${instance} (${s.columns ? `${fmt(s.columns)} columns, ${fmt(s.rows)} rows, ` : ''}${fmt(s.nonzeros)} nonzeros)`;

interface Extra {
  /** First column of the y (coverage) or z (access) block and, per column, its demand group / pair. */
  firstAux: number;
  coverers: number[][];
  pairs: { i: number; j: number }[];
}

function buildModel(p: PreparedObjective, rc: ResolvedConstraints, epsilon: number, b: Builder): Extra {
  const n = rc.n;
  const groupAllowed = new Int32Array(rc.groups.length);
  for (let j = 0; j < n; j++) groupAllowed[rc.groupOf[j]] += rc.allowed[j];
  for (let j = 0; j < n; j++) {
    const g = rc.groupOf[j];
    const onlySite = rc.groupForced[g] === 1 && groupAllowed[g] === 1 && rc.allowed[j] === 1;
    b.col(siteCost(p, j, epsilon), onlySite ? 1 : 0, rc.allowed[j], 1);
  }
  const all = Array.from({ length: n }, (_, j) => j).filter((j) => rc.allowed[j]);
  b.row(rc.k, rc.k, all, all.map(() => 1));
  rc.lo.forEach((lo, d) => {
    const members = all.filter((j) => rc.districtOf[j] === d);
    if (members.length > 0 && (lo > 0 || rc.hi[d] < members.length)) b.row(lo, rc.hi[d], members, members.map(() => 1));
  });
  const byGroup = new Map<number, number[]>();
  for (const j of all) {
    const list = byGroup.get(rc.groupOf[j]);
    if (list) list.push(j);
    else byGroup.set(rc.groupOf[j], [j]);
  }
  for (const [g, members] of byGroup) {
    if (members.length > rc.groupCap[g] || (rc.groupForced[g] && members.length > 1)) b.row(rc.groupForced[g], rc.groupCap[g], members, members.map(() => 1));
  }
  const extra: Extra = { firstAux: b.cost.length, coverers: [], pairs: [] };
  if (p.coverage) addCoverage(p, rc, b, extra);
  if (p.access) addAccess(p, rc, b, extra);
  return extra;
}

function siteCost(p: PreparedObjective, j: number, epsilon: number): number {
  if (p.objective === 'score') return p.scores[j];
  if (p.objective === 'blend') return (p.blendAlpha * p.scores[j]) / (100 * Math.max(1, p.k));
  return epsilon * p.scores[j];
}

function addCoverage(p: PreparedObjective, rc: ResolvedConstraints, b: Builder, extra: Extra): void {
  const { lists, coverable } = p.coverage!;
  const w = p.demandWeight!;
  const coverersOf = new Map<number, number[]>();
  for (let j = 0; j < p.n; j++) {
    if (!rc.allowed[j]) continue;
    for (let e = lists.start[j]; e < lists.start[j + 1]; e++) {
      const list = coverersOf.get(lists.index[e]);
      if (list) list.push(j);
      else coverersOf.set(lists.index[e], [j]);
    }
  }
  const merged = new Map<string, { coverers: number[]; weight: number }>();
  for (const [i, coverers] of coverersOf) {
    const key = coverers.join(',');
    const g = merged.get(key);
    if (g) g.weight += w[i];
    else merged.set(key, { coverers, weight: w[i] });
  }
  const scale = p.objective === 'blend' ? (1 - p.blendAlpha) / (coverable > 0 ? coverable : 1) : 1;
  for (const g of merged.values()) {
    if (g.weight <= 0) continue;
    const y = b.col(g.weight * scale, 0, 1, 0);
    extra.coverers.push(g.coverers);
    b.row(-Infinity, 0, [y, ...g.coverers], [1, ...g.coverers.map(() => -1)]);
  }
}

function addAccess(p: PreparedObjective, rc: ResolvedConstraints, b: Builder, extra: Extra): void {
  const { lists } = p.access!;
  const w = p.demandWeight!;
  const pairsOf = new Map<number, number[]>();
  for (let j = 0; j < p.n; j++) {
    if (!rc.allowed[j]) continue;
    for (let e = lists.start[j]; e < lists.start[j + 1]; e++) {
      const i = lists.index[e];
      const saving = w[i] * lists.value[e];
      if (saving <= 0) continue;
      const z = b.col(saving, 0, 1, 0);
      extra.pairs.push({ i, j });
      b.row(-Infinity, 0, [z, j], [1, -1]);
      const list = pairsOf.get(i);
      if (list) list.push(z);
      else pairsOf.set(i, [z]);
    }
  }
  for (const zs of pairsOf.values()) if (zs.length > 1) b.row(-Infinity, 1, zs, zs.map(() => 1));
}

/** A complete start vector for the given set (x, and the y/z it implies), or null without a start. */
function startValues(p: PreparedObjective, rc: ResolvedConstraints, set: readonly number[], b: Builder, extra: Extra): Float64Array | null {
  if (set.length !== rc.k) return null;
  const x = new Float64Array(b.cost.length);
  for (const j of set) x[j] = 1;
  let col = extra.firstAux;
  for (const coverers of extra.coverers) x[col++] = coverers.some((j) => x[j] === 1) ? 1 : 0;
  if (p.access) {
    const bestOf = new Map<number, { col: number; saving: number }>();
    extra.pairs.forEach(({ i, j }, k) => {
      const c = extra.firstAux + k;
      if (x[j] !== 1) return;
      const cur = bestOf.get(i);
      if (!cur || b.cost[c] > cur.saving) bestOf.set(i, { col: c, saving: b.cost[c] });
    });
    for (const { col: c } of bestOf.values()) x[c] = 1;
  }
  return x;
}

type SolvedModel = {
  getModelStatus(): number;
  getSolution(): { colValue: Float64Array };
  info: { get(name: string): number | bigint };
};

function readOutcome(highs: Highs, model: SolvedModel, n: number, size: ModelSize): MilpOutcome {
  const codes = highs.constants.modelStatus;
  const status = model.getModelStatus();
  const stoppedBy = status === codes.optimal ? 'proof' : status === codes.timeLimit ? 'timeLimit' : 'otherLimit';
  if (status === codes.infeasible) return { status: 'infeasible', stoppedBy: 'proof', selected: [], dualBound: null, size };
  const hasSolution = Number(model.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
  const rawBound = Number(model.info.get('mip_dual_bound'));
  const dualBound = Number.isFinite(rawBound) ? rawBound : null;
  if (!hasSolution) return { status: 'noSolution', stoppedBy, selected: [], dualBound, size };
  const x = model.getSolution().colValue;
  const selected: number[] = [];
  for (let j = 0; j < n; j++) if (x[j] > 0.5) selected.push(j);
  return { status: 'solved', stoppedBy, selected, dualBound, size };
}
