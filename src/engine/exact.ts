/**
 * Exact selection as a mixed-integer linear programme, solved by HiGHS (Huangfu & Hall 2018,
 * "Parallelizing the dual revised simplex method"; https://highs.dev) compiled to WebAssembly
 * (the `highs` npm package), through its sparse-array model API.
 *
 * Variables x_j ∈ {0, 1} (site j opened; fixed to 1 for includes, 0 for ineligible/excluded).
 * Rows: Σ x_j = K; min_d ≤ Σ_{j∈d} x_j ≤ max_d per district.
 * - score: max Σ s_j x_j.
 * - coverage (MCLP, Church & ReVelle 1974): max Σ_g W_g y_g, y_g ≤ Σ_{j covers g} x_j, 0 ≤ y_g ≤ 1.
 *   Demand points with the same set of covering candidates are merged into one row g with their
 *   summed weight W_g (exact), and points a fixed site already covers drop out.
 * - access (p-median with fixed sites; ReVelle & Swain 1970): max Σ_{(i,j)} w_i (b_i − c_ij) z_ij with
 *   z_ij ≤ x_j and Σ_j z_ij ≤ 1 per demand point, only over pairs with c_ij < b_i (b_i = cost to the
 *   nearest fixed site): an exact reduction, since no point is ever reassigned to a site farther than
 *   its current station. Reported objective = Σ w_i b_i − that saving.
 * - blend: the coverage model plus the scaled score term (see `selection.ts`).
 * z and y are continuous: for binary x the LP optimum sets them to 0/1.
 */
import type { Highs } from 'highs';
import loadHighs from 'highs';
import type { PreparedObjective } from './objective';
import type { ResolvedConstraints, SelectionStatus } from './selection';

let solverPromise: Promise<Highs> | null = null;

/** Loads the HiGHS WebAssembly module once per process. */
export function loadSolver(): Promise<Highs> {
  solverPromise ??= loadHighs();
  return solverPromise;
}

/** Result of an exact solve, in reporting units. */
export interface ExactOutcome {
  status: SelectionStatus;
  selected: number[];
  objective: number | null;
  bound: number | null;
  gap: number | null;
}

interface Columns {
  cost: number[];
  lower: number[];
  upper: number[];
  integer: number[];
}

interface Rows {
  lower: number[];
  upper: number[];
  start: number[];
  index: number[];
  value: number[];
}

function addRow(rows: Rows, lower: number, upper: number, index: number[], value: number[]): void {
  rows.lower.push(lower);
  rows.upper.push(upper);
  rows.index.push(...index);
  rows.value.push(...value);
  rows.start.push(rows.index.length);
}

/**
 * Builds and solves the MILP. Assumes `diagnose` found no violated rule.
 * @param p prepared objective; @param rc resolved constraints
 * @param options time limit (s) and relative gap
 */
export async function exactSelect(
  p: PreparedObjective, rc: ResolvedConstraints, options: { timeLimitSeconds: number; mipRelGap: number },
): Promise<ExactOutcome> {
  const highs = await loadSolver();
  const n = rc.n;
  const cols: Columns = { cost: [], lower: [], upper: [], integer: [] };
  const rows: Rows = { lower: [], upper: [], start: [0], index: [], value: [] };
  for (let j = 0; j < n; j++) {
    cols.cost.push(siteCost(p, j));
    cols.lower.push(rc.forced[j]);
    cols.upper.push(rc.allowed[j]);
    cols.integer.push(1);
  }
  const all = Array.from({ length: n }, (_, j) => j);
  addRow(rows, rc.k, rc.k, all, all.map(() => 1));
  rc.lo.forEach((lo, d) => {
    const members = all.filter((j) => rc.districtOf[j] === d);
    if (members.length > 0) addRow(rows, lo, rc.hi[d], members, members.map(() => 1));
  });
  if (p.coverage) addCoverage(p, cols, rows);
  if (p.access) addAccess(p, cols, rows);
  const inf = highs.infinity;
  const numCols = cols.cost.length;
  const numRows = rows.lower.length;
  return highs.withModel(
    {
      numCols, numRows, sense: highs.constants.objectiveSense.maximize, colCost: cols.cost,
      colLower: cols.lower, colUpper: cols.upper,
      rowLower: rows.lower.map((v) => (v === -Infinity ? -inf : v)), rowUpper: rows.upper.map((v) => (v === Infinity ? inf : v)),
      matrix: { format: 'csr', numRows, numCols, starts: rows.start, indices: rows.index, values: rows.value },
      integrality: cols.integer as (0 | 1)[],
    },
    (model) => {
      model.options.set({ output_flag: false, time_limit: options.timeLimitSeconds, mip_rel_gap: options.mipRelGap });
      model.run();
      return readOutcome(highs, model, p, n);
    },
  );
}

function siteCost(p: PreparedObjective, j: number): number {
  if (p.objective === 'score') return p.scores[j];
  if (p.objective === 'blend') return (p.blendAlpha * p.scores[j]) / (100 * Math.max(1, p.k));
  return 0;
}

function addCoverage(p: PreparedObjective, cols: Columns, rows: Rows): void {
  const { lists, coverable } = p.coverage!;
  const w = p.demandWeight!;
  const coverersOf = new Map<number, number[]>();
  for (let j = 0; j < p.n; j++) {
    for (let e = lists.start[j]; e < lists.start[j + 1]; e++) {
      const i = lists.index[e];
      const list = coverersOf.get(i);
      if (list) list.push(j);
      else coverersOf.set(i, [j]);
    }
  }
  const groups = new Map<string, { coverers: number[]; weight: number }>();
  for (const [i, coverers] of coverersOf) {
    const key = coverers.join(',');
    const g = groups.get(key);
    if (g) g.weight += w[i];
    else groups.set(key, { coverers, weight: w[i] });
  }
  const scale = p.objective === 'blend' ? (1 - p.blendAlpha) / (coverable > 0 ? coverable : 1) : 1;
  for (const g of groups.values()) {
    if (g.weight <= 0) continue;
    const y = cols.cost.length;
    cols.cost.push(g.weight * scale);
    cols.lower.push(0);
    cols.upper.push(1);
    cols.integer.push(0);
    addRow(rows, -Infinity, 0, [y, ...g.coverers], [1, ...g.coverers.map(() => -1)]);
  }
}

function addAccess(p: PreparedObjective, cols: Columns, rows: Rows): void {
  const { lists } = p.access!;
  const w = p.demandWeight!;
  const pairsOf = new Map<number, number[]>();
  for (let j = 0; j < p.n; j++) {
    for (let e = lists.start[j]; e < lists.start[j + 1]; e++) {
      const i = lists.index[e];
      const saving = w[i] * lists.value[e];
      if (saving <= 0) continue;
      const z = cols.cost.length;
      cols.cost.push(saving);
      cols.lower.push(0);
      cols.upper.push(1);
      cols.integer.push(0);
      addRow(rows, -Infinity, 0, [z, j], [1, -1]);
      const list = pairsOf.get(i);
      if (list) list.push(z);
      else pairsOf.set(i, [z]);
    }
  }
  for (const zs of pairsOf.values()) if (zs.length > 1) addRow(rows, -Infinity, 1, zs, zs.map(() => 1));
}

function readOutcome(highs: Highs, model: { getModelStatus(): number; getSolution(): { colValue: Float64Array }; getObjectiveValue(): number; info: { get(name: string): number | bigint } }, p: PreparedObjective, n: number): ExactOutcome {
  const codes = highs.constants.modelStatus;
  const status = model.getModelStatus();
  if (status === codes.infeasible) return { status: 'infeasible', selected: [], objective: null, bound: null, gap: null };
  const hasSolution = Number(model.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
  if (status !== codes.optimal && !hasSolution) {
    if (status === codes.timeLimit || status === codes.interrupted || status === codes.iterationLimit) {
      return { status: 'timedOut', selected: [], objective: null, bound: null, gap: null };
    }
    throw new Error(`HiGHS ended with model status ${status}`);
  }
  const x = model.getSolution().colValue;
  const selected: number[] = [];
  for (let j = 0; j < n; j++) if (x[j] > 0.5) selected.push(j);
  const raw = model.getObjectiveValue();
  const rawBound = Number(model.info.get('mip_dual_bound'));
  const toReport = (v: number): number => (p.access ? p.access.baseTotal - v : v);
  const objective = toReport(raw);
  const bound = Number.isFinite(rawBound) ? toReport(rawBound) : null;
  const gap = bound === null ? null : Math.abs(bound - objective) / Math.max(Math.abs(objective), 1e-9);
  return { status: status === codes.optimal ? 'optimal' : 'feasible', selected, objective, bound, gap };
}
