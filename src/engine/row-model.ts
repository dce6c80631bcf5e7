/**
 * The exact selection problems in one sparse "rows × candidates" form, shared by the Lagrangean
 * relaxation (`lagrange.ts`), the MILP (`exact.ts`) and the reductions after fixing candidates:
 *
 *   maximise  constant + Σ_j c_j x_j + Σ_r value_r(x)
 * - coverage (MCLP, Church & ReVelle 1974): value_r = W_r · [some j with a_jr > 0 is open]; a row is
 *   a group of demand points with the same covering candidates (merged exactly, weights summed);
 * - access / beyond (p-median with fixed sites, ReVelle & Swain 1970): value_r = max(0, max_{j open} a_jr),
 *   a_jr = w_r · (base_r − cost_rj) the saving of demand point r at candidate j (only pairs with a
 *   positive saving are kept: an exact reduction, see `location.ts`);
 * - score: no rows.
 * c_j is the candidate's own term: its score for score and blend, ε·score (the tie-break of
 * `tiebreak.ts`) otherwise. Every coefficient is ≥ 0.
 *
 * Fixing candidates (after Lagrangean bounds) is an exact reduction of this form: a fixed-out
 * candidate's column goes; a fixed-in candidate's rows are settled (coverage: its rows are covered,
 * their weight moves to the constant; access: its saving becomes each row's floor, added to the
 * constant, and only the excess over the floor of other candidates stays).
 */
import type { PreparedObjective } from './objective';
import type { ResolvedConstraints } from './rules';

/** The sparse form (candidate-major CSR). */
export interface RowModel {
  kind: 'coverage' | 'access' | 'none';
  /** Number of candidates (columns), as in the problem. */
  n: number;
  nRows: number;
  /** Per candidate j: entries start[j]..start[j+1) with `row` and `coef` (a_jr > 0). */
  start: Int32Array;
  row: Int32Array;
  coef: Float64Array;
  /** Per row: W_r (coverage) or the largest a_jr (access). */
  rowMax: Float64Array;
  /** Own term c_j per candidate. */
  own: Float64Array;
  /** Value every set gets (rows settled by fixed-in candidates). */
  constant: number;
  /** Per candidate: 1 fixed in, −1 fixed out or not allowed, 0 free. */
  fixed: Int8Array;
  /** Access rows cut to their best candidates (`accessModel`): the floor per row, 0 where not cut. */
  truncation?: { floor: Float64Array };
}

/** The own term of candidate j (see the file comment). */
export function ownTerm(p: PreparedObjective, j: number, epsilon: number): number {
  if (p.objective === 'score') return p.scores[j];
  if (p.objective === 'blend') return (p.blendAlpha * p.scores[j]) / (100 * Math.max(1, p.k));
  return epsilon * p.scores[j];
}

/**
 * Builds the row model of an objective over the allowed candidates.
 * @param epsilon the tie-break weight of `tiebreak.ts` (0 = none)
 * @param keep access only: how many best candidates each demand point keeps (one number, or per point);
 *   default all
 */
export function buildRowModel(p: PreparedObjective, rc: ResolvedConstraints, epsilon: number, keep: number | Int32Array = Infinity): RowModel {
  const n = rc.n;
  const own = Float64Array.from({ length: n }, (_, j) => ownTerm(p, j, epsilon));
  const fixed = Int8Array.from(rc.allowed, (a) => (a ? 0 : -1));
  if (p.coverage) return coverageModel(p, rc, own, fixed);
  if (p.access) return accessModel(p, rc, own, fixed, keep);
  return { kind: 'none', n, nRows: 0, start: new Int32Array(n + 1), row: new Int32Array(0), coef: new Float64Array(0), rowMax: new Float64Array(0), own, constant: 0, fixed };
}

function coverageModel(p: PreparedObjective, rc: ResolvedConstraints, own: Float64Array, fixed: Int8Array): RowModel {
  const { lists, coverable } = p.coverage!;
  const w = p.demandWeight!;
  const nD = w.length;
  // Demand-major coverer lists of the allowed candidates, then one row per distinct list.
  const count = new Int32Array(nD + 1);
  for (let j = 0; j < rc.n; j++) if (rc.allowed[j]) for (let e = lists.start[j]; e < lists.start[j + 1]; e++) count[lists.index[e] + 1]++;
  for (let i = 0; i < nD; i++) count[i + 1] += count[i];
  const cursor = count.slice(0, nD);
  const coverers = new Int32Array(count[nD]);
  for (let j = 0; j < rc.n; j++) if (rc.allowed[j]) for (let e = lists.start[j]; e < lists.start[j + 1]; e++) coverers[cursor[lists.index[e]]++] = j;
  const rowOf = new Map<string, number>();
  const rowWeight: number[] = [];
  const rowFirst: number[] = [];
  for (let i = 0; i < nD; i++) {
    if (count[i + 1] === count[i] || w[i] <= 0) continue;
    const key = coverers.subarray(count[i], count[i + 1]).join(',');
    const r = rowOf.get(key);
    if (r === undefined) {
      rowOf.set(key, rowWeight.length);
      rowWeight.push(w[i]);
      rowFirst.push(i);
    } else rowWeight[r] += w[i];
  }
  const scale = p.objective === 'blend' ? (1 - p.blendAlpha) / (coverable > 0 ? coverable : 1) : 1;
  const rowMax = Float64Array.from(rowWeight, (v) => v * scale);
  const entries = rowFirst.map((i, r) => ({ r, sites: coverers.subarray(count[i], count[i + 1]) }));
  return fromEntries(rc.n, entries, (r) => rowMax[r], rowMax, own, fixed);
}

/**
 * The access rows, each kept to its `keep` best candidates (the k-nearest sparse form): a row cut at
 * k gets the (k+1)-th best saving as a floor in the constant, and its kept savings minus the floor as
 * entries. That is a relaxation (as if the (k+1)-th best were always open), exact for every set that
 * opens one of the row's k best; `truncation.floor` marks the cut rows for that check.
 */
function accessModel(p: PreparedObjective, rc: ResolvedConstraints, own: Float64Array, fixed: Int8Array, keep: number | Int32Array): RowModel {
  const { lists } = p.access!;
  const w = p.demandWeight!;
  const n = rc.n;
  const nD = w.length;
  // Demand-major pairs of the allowed candidates with a positive saving.
  const count = new Int32Array(nD + 1);
  for (let j = 0; j < n; j++) if (rc.allowed[j]) for (let e = lists.start[j]; e < lists.start[j + 1]; e++) if (w[lists.index[e]] * lists.value[e] > 0) count[lists.index[e] + 1]++;
  for (let i = 0; i < nD; i++) count[i + 1] += count[i];
  const cursor = count.slice(0, nD);
  const site = new Int32Array(count[nD]);
  const saving = new Float64Array(count[nD]);
  for (let j = 0; j < n; j++) {
    if (!rc.allowed[j]) continue;
    for (let e = lists.start[j]; e < lists.start[j + 1]; e++) {
      const i = lists.index[e];
      const a = w[i] * lists.value[e];
      if (!(a > 0)) continue;
      site[cursor[i]] = j;
      saving[cursor[i]++] = a;
    }
  }
  const floor = new Float64Array(nD);
  const entries: { r: number; sites: Int32Array; coef: Float64Array }[] = [];
  let constant = 0;
  for (let i = 0; i < nD; i++) {
    const len = count[i + 1] - count[i];
    if (len === 0) continue;
    const k = typeof keep === 'number' ? keep : keep[i];
    const sites = site.subarray(count[i], count[i + 1]);
    const coef = saving.subarray(count[i], count[i + 1]);
    if (len <= k) {
      entries.push({ r: i, sites, coef });
      continue;
    }
    const order = Array.from({ length: len }, (_, q) => q).sort((a, b) => coef[b] - coef[a] || sites[a] - sites[b]);
    floor[i] = coef[order[k]];
    constant += floor[i];
    const kept = order.slice(0, k).filter((q) => coef[q] > floor[i]);
    entries.push({ r: i, sites: Int32Array.from(kept, (q) => sites[q]), coef: Float64Array.from(kept, (q) => coef[q] - floor[i]) });
  }
  const start = new Int32Array(n + 1);
  for (const x of entries) for (let q = 0; q < x.sites.length; q++) start[x.sites[q] + 1]++;
  for (let j = 0; j < n; j++) start[j + 1] += start[j];
  const at = start.slice(0, n);
  const row = new Int32Array(start[n]);
  const coef = new Float64Array(start[n]);
  const rowMax = new Float64Array(nD);
  for (const x of entries) {
    for (let q = 0; q < x.sites.length; q++) {
      const e = at[x.sites[q]]++;
      row[e] = x.r;
      coef[e] = x.coef[q];
      if (x.coef[q] > rowMax[x.r]) rowMax[x.r] = x.coef[q];
    }
  }
  return { kind: 'access', n, nRows: nD, start, row, coef, rowMax, own, constant, fixed, truncation: { floor } };
}

function fromEntries(
  n: number, entries: { r: number; sites: ArrayLike<number> }[], coefOf: (r: number) => number, rowMax: Float64Array, own: Float64Array, fixed: Int8Array,
): RowModel {
  const start = new Int32Array(n + 1);
  for (const { sites } of entries) for (let k = 0; k < sites.length; k++) start[sites[k] + 1]++;
  for (let j = 0; j < n; j++) start[j + 1] += start[j];
  const cursor = start.slice(0, n);
  const row = new Int32Array(start[n]);
  const coef = new Float64Array(start[n]);
  for (const { r, sites } of entries) {
    for (let k = 0; k < sites.length; k++) {
      const at = cursor[sites[k]]++;
      row[at] = r;
      coef[at] = coefOf(r);
    }
  }
  return { kind: 'coverage', n, nRows: rowMax.length, start, row, coef, rowMax, own, constant: 0, fixed };
}

/**
 * The model with candidates fixed in (1) or out (−1), reduced exactly (see the file comment).
 * Already fixed candidates stay fixed; the constant grows by the settled rows' value.
 */
export function fixCandidates(m: RowModel, fix: Int8Array): RowModel {
  const fixed = Int8Array.from(m.fixed, (f, j) => (f !== 0 ? f : fix[j]));
  const floor = new Float64Array(m.nRows);
  for (let j = 0; j < m.n; j++) {
    if (fixed[j] !== 1 || m.fixed[j] === 1) continue;
    for (let e = m.start[j]; e < m.start[j + 1]; e++) if (m.coef[e] > floor[m.row[e]]) floor[m.row[e]] = m.coef[e];
  }
  let constant = m.constant;
  for (let r = 0; r < m.nRows; r++) constant += m.kind === 'coverage' ? (floor[r] > 0 ? m.rowMax[r] : 0) : floor[r];
  const keep = (j: number, e: number): boolean => fixed[j] === 0 && m.coef[e] > floor[m.row[e]] && !(m.kind === 'coverage' && floor[m.row[e]] > 0);
  const start = new Int32Array(m.n + 1);
  for (let j = 0; j < m.n; j++) {
    let c = 0;
    for (let e = m.start[j]; e < m.start[j + 1]; e++) if (keep(j, e)) c++;
    start[j + 1] = start[j] + c;
  }
  const row = new Int32Array(start[m.n]);
  const coef = new Float64Array(start[m.n]);
  const rowMax = new Float64Array(m.nRows);
  for (let j = 0, at = 0; j < m.n; j++) {
    for (let e = m.start[j]; e < m.start[j + 1]; e++) {
      if (!keep(j, e)) continue;
      const r = m.row[e];
      row[at] = r;
      coef[at] = m.kind === 'coverage' ? m.coef[e] : m.coef[e] - floor[r];
      if (coef[at] > rowMax[r]) rowMax[r] = coef[at];
      at++;
    }
  }
  if (m.kind === 'coverage') for (let r = 0; r < m.nRows; r++) if (floor[r] === 0) rowMax[r] = m.rowMax[r];
  return { ...m, start, row, coef, rowMax, constant, fixed };
}

/**
 * Exact compaction: rows without entries go; a row with one entry becomes part of that candidate's
 * own term (its value is a_jr·x_j); coverage rows with the same candidate set merge (weights add).
 * @returns the compact model and, per old row, its new row (−1 when gone), for carrying multipliers over
 */
export function compactModel(m: RowModel): { model: RowModel; rowMap: Int32Array } {
  const own = Float64Array.from(m.own);
  const entriesOf: number[][] = Array.from({ length: m.nRows }, () => []);
  const coefOf: number[][] = Array.from({ length: m.nRows }, () => []);
  for (let j = 0; j < m.n; j++) {
    for (let e = m.start[j]; e < m.start[j + 1]; e++) {
      entriesOf[m.row[e]].push(j);
      coefOf[m.row[e]].push(m.coef[e]);
    }
  }
  const rowMap = new Int32Array(m.nRows).fill(-1);
  const keyed = new Map<string, number>();
  const rows: { sites: number[]; coef: number[] }[] = [];
  for (let r = 0; r < m.nRows; r++) {
    const sites = entriesOf[r];
    if (sites.length === 0) continue;
    if (sites.length === 1) {
      own[sites[0]] += coefOf[r][0];
      continue;
    }
    const key = m.kind === 'coverage' ? sites.join(',') : '';
    const at = m.kind === 'coverage' ? keyed.get(key) : undefined;
    if (at !== undefined) {
      rowMap[r] = at;
      for (let k = 0; k < sites.length; k++) rows[at].coef[k] += coefOf[r][k];
      continue;
    }
    if (m.kind === 'coverage') keyed.set(key, rows.length);
    rowMap[r] = rows.length;
    rows.push({ sites, coef: coefOf[r] });
  }
  const rowMax = Float64Array.from(rows, (x) => Math.max(...x.coef));
  const start = new Int32Array(m.n + 1);
  for (const x of rows) for (const j of x.sites) start[j + 1]++;
  for (let j = 0; j < m.n; j++) start[j + 1] += start[j];
  const cursor = start.slice(0, m.n);
  const row = new Int32Array(start[m.n]);
  const coef = new Float64Array(start[m.n]);
  rows.forEach((x, r) => x.sites.forEach((j, k) => {
    row[cursor[j]] = r;
    coef[cursor[j]++] = x.coef[k];
  }));
  return { model: { ...m, nRows: rows.length, start, row, coef, rowMax, own }, rowMap };
}

/** Value of a set in the model (constant, own terms and rows), for comparisons and thresholds. */
export function modelValue(m: RowModel, set: readonly number[]): number {
  const { nRows, own, start, row, coef } = m; // locals: model shapes vary (see `evaluate` in lagrange.ts)
  const best = new Float64Array(nRows);
  let v = m.constant;
  for (const j of set) {
    v += own[j];
    // A fixed-in candidate has no entries left: its rows are in the constant.
    for (let e = start[j]; e < start[j + 1]; e++) if (coef[e] > best[row[e]]) best[row[e]] = coef[e];
  }
  for (let r = 0; r < nRows; r++) v += best[r];
  return v;
}
