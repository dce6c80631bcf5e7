/**
 * Travel-model error for robustness samples: each sample redraws, per demand point, one error from
 * the caller's residuals (observed − modelled minutes for `additive`, observed / modelled − 1 for
 * `multiplicative`; e.g. the travel model's cross-validated residuals) by the bootstrap (Efron 1979),
 * and applies it to every time from that point: t' = t + r (clamped at 0) or t' = t · (1 + r) (factor
 * clamped at 0.05). One draw per point, not per pair: a point's error is mostly about reaching it (an
 * island, a ferry), so its times to all sites move together. The times to existing stations move the
 * same way, so "covered by an existing station" is re-decided in every sample.
 *
 * Given the draws, the objective's sparse view is rebuilt from a superset computed once: every
 * (site, point) pair that some draw could bring within the radius (coverage), or that saves time over
 * the point's current service (access/beyond), stored per point in ascending cost. A per-point
 * transform keeps the order of a point's times, so in each sample a point's useful pairs are a prefix
 * of its list, and points an existing station covers in that sample are skipped. Pure and seeded.
 */
import { accessBaseCost, type AccessView, type CoverageView, type LocationProblem, type SparseLists } from './location';
import type { PreparedObjective } from './objective';
import type { Rng } from './random';
import { ExactSum } from './sum';

/** Residuals to resample from, and how they apply. */
export interface TravelError {
  residuals: readonly number[];
  kind: 'additive' | 'multiplicative';
}

/**
 * Checks a travel error.
 * @throws Error naming the field when the residuals are empty or not finite
 */
export function checkTravelError(err: TravelError): void {
  if (err.kind !== 'additive' && err.kind !== 'multiplicative') throw new Error('travelError.kind must be additive or multiplicative');
  if (err.residuals.length === 0) throw new Error('travelError.residuals must not be empty');
  err.residuals.forEach((r, i) => {
    if (!Number.isFinite(r)) throw new Error(`travelError.residuals[${i}] must be a finite number`);
  });
}

/** One error per demand point (0 for all when `none`). */
export function drawPointErrors(rng: Rng, err: TravelError, out: Float64Array, none: boolean): Float64Array {
  for (let i = 0; i < out.length; i++) out[i] = none ? 0 : err.residuals[Math.floor(rng.next() * err.residuals.length)];
  return out;
}

const apply = (kind: TravelError['kind'], t: number, r: number): number => (kind === 'additive' ? Math.max(0, t + r) : t * Math.max(0.05, 1 + r));

/** Precomputed candidate pairs for rebuilding a view per sample (demand-major, each point's pairs by cost). */
export interface PerturbationBase {
  kind: TravelError['kind'];
  nCandidates: number;
  /** Per demand point i: entries start[i]..start[i+1] with candidate `site` and unperturbed `cost`, ascending cost. */
  start: Int32Array;
  site: Int32Array;
  cost: Float64Array;
  baseCost: Float64Array;
}

/**
 * Builds the pair superset for an objective.
 * @param p the prepared (unperturbed) objective; coverage, access or beyond
 */
export function perturbationBase(loc: LocationProblem, p: PreparedObjective, err: TravelError): PerturbationBase {
  const { nDemand: nD, nCandidates: nC, candidateCost } = loc;
  const baseCost = accessBaseCost(loc);
  const rMin = Math.min(...err.residuals);
  const reach = err.kind === 'additive' ? p.radius - rMin : p.radius / Math.max(0.05, 1 + rMin);
  const keep = (i: number, c: number): boolean => (p.coverage ? c <= reach : c < baseCost[i]);
  const start = new Int32Array(nD + 1);
  for (let i = 0; i < nD; i++) {
    let count = 0;
    for (let j = 0; j < nC; j++) if (keep(i, candidateCost[i * nC + j])) count++;
    start[i + 1] = start[i] + count;
  }
  const site = new Int32Array(start[nD]);
  const cost = new Float64Array(start[nD]);
  for (let i = 0; i < nD; i++) {
    const row = candidateCost.subarray(i * nC, (i + 1) * nC);
    const sites = site.subarray(start[i], start[i + 1]);
    let at = 0;
    for (let j = 0; j < nC; j++) if (keep(i, row[j])) sites[at++] = j;
    sites.sort((a, b) => row[a] - row[b] || a - b);
    for (let k = 0; k < sites.length; k++) cost[start[i] + k] = row[sites[k]];
  }
  return { kind: err.kind, nCandidates: nC, start, site, cost, baseCost };
}

/**
 * The objective under one draw of point errors `r` (a new view; `p` is not modified).
 * @param loc the unperturbed location problem
 */
export function perturbedObjective(p: PreparedObjective, loc: LocationProblem, base: PerturbationBase, r: Float64Array): PreparedObjective {
  if (p.coverage) return { ...p, coverage: perturbedCoverage(p, loc, base, r) };
  if (!p.access) return p;
  const { access, transform } = perturbedAccess(p, loc, base, r);
  return { ...p, access, costs: { ...p.costs!, transform } };
}

function perturbedCoverage(p: PreparedObjective, loc: LocationProblem, b: PerturbationBase, r: Float64Array): CoverageView {
  const T = p.radius;
  const w = loc.demandWeight;
  const nD = loc.nDemand;
  const prefix = new Int32Array(nD);
  const fixedW = new ExactSum();
  const coverableW = new ExactSum();
  for (let i = 0; i < nD; i++) {
    if (apply(b.kind, loc.fixedCost[i], r[i]) <= T) { fixedW.add(w[i]); continue; }
    let e = b.start[i];
    while (e < b.start[i + 1] && apply(b.kind, b.cost[e], r[i]) <= T) e++;
    prefix[i] = e - b.start[i];
    if (prefix[i] > 0) coverableW.add(w[i]);
  }
  const lists = transpose(b, prefix, () => 1);
  return { lists, fixedCovered: fixedW.value(), coverable: coverableW.value() };
}

function perturbedAccess(p: PreparedObjective, loc: LocationProblem, b: PerturbationBase, r: Float64Array): { access: AccessView; transform: (i: number, c: number) => number } {
  const shift = p.costs!.shift;
  const transform = (i: number, c: number): number => {
    const t = apply(b.kind, c, r[i]);
    return shift === null ? t : Math.max(0, t - shift);
  };
  const nD = loc.nDemand;
  const baseCost = new Float64Array(nD);
  const prefix = new Int32Array(nD);
  const total = new ExactSum();
  for (let i = 0; i < nD; i++) {
    baseCost[i] = transform(i, b.baseCost[i]);
    total.add(loc.demandWeight[i] * baseCost[i]);
    // Pairs are in ascending cost, and the transform keeps the order: savings form a prefix.
    let e = b.start[i];
    while (e < b.start[i + 1] && transform(i, b.cost[e]) < baseCost[i]) e++;
    prefix[i] = e - b.start[i];
  }
  const lists = transpose(b, prefix, (i, e) => baseCost[i] - transform(i, b.cost[e]));
  return { access: { lists, baseCost, baseTotal: total.value() }, transform };
}

/** Site-major lists from each demand point's first `prefix[i]` pairs. */
function transpose(b: PerturbationBase, prefix: Int32Array, valueOf: (i: number, e: number) => number): SparseLists {
  const nC = b.nCandidates;
  const start = new Int32Array(nC + 1);
  for (let i = 0; i < prefix.length; i++) for (let e = b.start[i]; e < b.start[i] + prefix[i]; e++) start[b.site[e] + 1]++;
  for (let j = 0; j < nC; j++) start[j + 1] += start[j];
  const cursor = start.slice(0, nC);
  const index = new Int32Array(start[nC]);
  const value = new Float64Array(start[nC]);
  for (let i = 0; i < prefix.length; i++) {
    for (let e = b.start[i]; e < b.start[i] + prefix[i]; e++) {
      const at = cursor[b.site[e]]++;
      index[at] = i;
      value[at] = valueOf(i, e);
    }
  }
  return { start, index, value };
}
