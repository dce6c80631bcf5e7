/**
 * Exact selection as a mixed-integer linear programme, solved by HiGHS (Huangfu & Hall 2018,
 * "Parallelizing the dual revised simplex method"; https://highs.dev) compiled to WebAssembly
 * (the `highs` npm package), through its sparse model API. The module is loaded once per process and
 * every model is disposed after its solve (`withModel`), so repeated solves do not grow the heap.
 *
 * The model is the row model of `row-model.ts` (possibly reduced by Lagrangean fixing):
 * variables x_j ∈ {0, 1} (site j opened; upper bound 0 when fixed out or not allowed, lower bound 1
 * when fixed in). Rows: Σ x_j = K; lo_d ≤ Σ_{j∈d} x_j ≤ hi_d per police district; lo_g ≤ Σ_{j∈g} x_j ≤ cap_g
 * per group (municipality). Objective: max Σ_j c_j x_j plus
 * - coverage (MCLP, Church & ReVelle 1974): Σ_r W_r y_r with y_r ≤ Σ_{j covers r} x_j, 0 ≤ y_r ≤ 1;
 * - access / beyond (p-median with fixed sites; ReVelle & Swain 1970): Σ_{(j,r)} a_jr z_jr with
 *   z_jr ≤ x_j and Σ_j z_jr ≤ 1 per row, only over pairs with a positive saving: an exact reduction.
 * z and y are continuous: for binary x the LP optimum sets them to 0/1. A known set is given as a
 * start. The dual bound plus the model's constant bounds the model value of every feasible set.
 */
import type { Highs } from 'highs';
import loadHighs from 'highs';
import type { RowModel } from './row-model';
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
  /** Dual bound on the model value, constant included (null when unknown). */
  dualBound: number | null;
  size: ModelSize;
}

/** Options of one MILP solve. */
export interface MilpOptions {
  timeLimitSeconds: number;
  /** HiGHS stops when (ub − lb) ≤ this (absolute, on the weighted objective). */
  absoluteGap: number;
  relativeGap: number;
  maxModelNonzeros: number;
  /** A feasible start (greedy + swaps), candidate indices. */
  start: readonly number[];
  /** Instance description for error messages, e.g. "3,022 demand points × 575 sites". */
  instance: string;
  /** Branch-and-bound node limit (default none). */
  maxNodes?: number;
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
export function estimateNonzeros(m: RowModel, rc: ResolvedConstraints): number {
  const entries = m.row.length;
  return 3 * rc.n + (m.kind === 'access' ? 3 * entries : entries + m.nRows);
}

/**
 * Builds and solves the MILP. Assumes `diagnose` found no violated rule.
 * @throws ExactSolveError when the model is larger than `maxModelNonzeros` or the solver fails
 */
export async function solveMilp(m: RowModel, rc: ResolvedConstraints, o: MilpOptions): Promise<MilpOutcome> {
  const estimate = estimateNonzeros(m, rc);
  if (estimate > o.maxModelNonzeros) {
    const size = { columns: 0, rows: 0, nonzeros: estimate };
    throw new ExactSolveError(`${tooLarge(o.instance, size)} exceeds the limit of ${o.maxModelNonzeros.toLocaleString('en')} nonzeros. ${ADVICE}`, size);
  }
  const highs = await loadSolver();
  const b = new Builder();
  buildModel(m, rc, b);
  const colValue = startValues(m, rc, o.start, b);
  const size = b.size();
  try {
    const out = highs.withModel(
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
        if (o.maxNodes !== undefined) model.options.set({ mip_max_nodes: o.maxNodes });
        if (colValue) model.setSolution({ colValue });
        model.run();
        return readOutcome(highs, model, rc.n, size);
      },
    );
    return { ...out, dualBound: out.dualBound === null ? null : out.dualBound + m.constant };
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

function buildModel(m: RowModel, rc: ResolvedConstraints, b: Builder): void {
  const n = rc.n;
  const use = (j: number): boolean => m.fixed[j] >= 0;
  const groupAllowed = new Int32Array(rc.groups.length);
  for (let j = 0; j < n; j++) if (use(j)) groupAllowed[rc.groupOf[j]]++;
  for (let j = 0; j < n; j++) {
    const g = rc.groupOf[j];
    const onlySite = rc.groupForced[g] === 1 && groupAllowed[g] === 1 && use(j);
    b.col(m.own[j], m.fixed[j] === 1 || onlySite ? 1 : 0, use(j) ? 1 : 0, 1);
  }
  const all = Array.from({ length: n }, (_, j) => j).filter(use);
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
  if (m.kind === 'coverage') addCoverage(m, b);
  if (m.kind === 'access') addAccess(m, b);
}

/** Row-major lists of the model's entries: per row, its candidates. */
function coverersByRow(m: RowModel): number[][] {
  const out: number[][] = Array.from({ length: m.nRows }, () => []);
  for (let j = 0; j < m.n; j++) for (let e = m.start[j]; e < m.start[j + 1]; e++) out[m.row[e]].push(j);
  return out;
}

function addCoverage(m: RowModel, b: Builder): void {
  coverersByRow(m).forEach((coverers, r) => {
    if (coverers.length === 0) return;
    const y = b.col(m.rowMax[r], 0, 1, 0);
    b.row(-Infinity, 0, [y, ...coverers], [1, ...coverers.map(() => -1)]);
  });
}

function addAccess(m: RowModel, b: Builder): void {
  const zsOf: number[][] = Array.from({ length: m.nRows }, () => []);
  for (let j = 0; j < m.n; j++) {
    for (let e = m.start[j]; e < m.start[j + 1]; e++) {
      const z = b.col(m.coef[e], 0, 1, 0);
      b.row(-Infinity, 0, [z, j], [1, -1]);
      zsOf[m.row[e]].push(z);
    }
  }
  for (const zs of zsOf) if (zs.length > 1) b.row(-Infinity, 1, zs, zs.map(() => 1));
}

/** A complete start vector for the given set (x, and the y/z it implies), or null when it does not fit the model. */
function startValues(m: RowModel, rc: ResolvedConstraints, set: readonly number[], b: Builder): Float64Array | null {
  if (set.length !== rc.k || set.some((j) => m.fixed[j] < 0)) return null;
  if (m.fixed.some((f, j) => f === 1 && !set.includes(j))) return null;
  const x = new Float64Array(b.cost.length);
  for (const j of set) x[j] = 1;
  let col = rc.n;
  if (m.kind === 'coverage') {
    for (const coverers of coverersByRow(m)) if (coverers.length > 0) x[col++] = coverers.some((j) => x[j] === 1) ? 1 : 0;
  } else if (m.kind === 'access') {
    const best = new Int32Array(m.nRows).fill(-1);
    const colOf = new Int32Array(m.row.length);
    for (let j = 0, c = rc.n; j < m.n; j++) {
      for (let e = m.start[j]; e < m.start[j + 1]; e++, c++) {
        colOf[e] = c;
        if (x[j] === 1 && (best[m.row[e]] < 0 || m.coef[e] > m.coef[best[m.row[e]]])) best[m.row[e]] = e;
      }
    }
    for (const e of best) if (e >= 0) x[colOf[e]] = 1;
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
