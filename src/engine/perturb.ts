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
 * the point's current service (access/beyond; a per-point transform keeps the order of a point's
 * times, so the pairs that save time are the same in every sample). Pure and seeded.
 */
import { accessBaseCost, type AccessView, type CoverageView, type LocationProblem, type SparseLists } from './location';
import type { PreparedObjective } from './objective';
import type { Rng } from './random';
import { exactSum } from './sum';

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

/** Precomputed candidate pairs for rebuilding a view per sample. */
export interface PerturbationBase {
  kind: TravelError['kind'];
  /** Site-major superset: demand index and unperturbed cost per entry. */
  start: Int32Array;
  index: Int32Array;
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
  const keep = p.coverage ? (_i: number, c: number): boolean => c <= reach : (i: number, c: number): boolean => c < baseCost[i];
  const start = new Int32Array(nC + 1);
  for (let i = 0; i < nD; i++) for (let j = 0; j < nC; j++) if (keep(i, candidateCost[i * nC + j])) start[j + 1]++;
  for (let j = 0; j < nC; j++) start[j + 1] += start[j];
  const cursor = start.slice(0, nC);
  const index = new Int32Array(start[nC]);
  const cost = new Float64Array(start[nC]);
  for (let i = 0; i < nD; i++) {
    for (let j = 0; j < nC; j++) {
      const c = candidateCost[i * nC + j];
      if (!keep(i, c)) continue;
      index[cursor[j]] = i;
      cost[cursor[j]++] = c;
    }
  }
  return { kind: err.kind, start, index, cost, baseCost };
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
  const fixedIn = new Uint8Array(loc.nDemand);
  const fixedW: number[] = [];
  for (let i = 0; i < loc.nDemand; i++) {
    if (apply(b.kind, loc.fixedCost[i], r[i]) <= T) { fixedIn[i] = 1; fixedW.push(w[i]); }
  }
  const lists = filterLists(b, (e) => !fixedIn[b.index[e]] && apply(b.kind, b.cost[e], r[b.index[e]]) <= T, () => 1);
  const reach = new Uint8Array(loc.nDemand);
  for (let e = 0; e < lists.index.length; e++) reach[lists.index[e]] = 1;
  const coverableW: number[] = [];
  for (let i = 0; i < loc.nDemand; i++) if (reach[i]) coverableW.push(w[i]);
  return { lists, fixedCovered: exactSum(fixedW), coverable: exactSum(coverableW) };
}

function perturbedAccess(p: PreparedObjective, loc: LocationProblem, b: PerturbationBase, r: Float64Array): { access: AccessView; transform: (i: number, c: number) => number } {
  const shift = p.costs!.shift;
  const transform = (i: number, c: number): number => {
    const t = apply(b.kind, c, r[i]);
    return shift === null ? t : Math.max(0, t - shift);
  };
  const baseCost = Float64Array.from(b.baseCost, (c, i) => transform(i, c));
  const lists = filterLists(b, (e) => transform(b.index[e], b.cost[e]) < baseCost[b.index[e]], (e) => baseCost[b.index[e]] - transform(b.index[e], b.cost[e]));
  const baseTotal = exactSum(Array.from(baseCost, (c, i) => loc.demandWeight[i] * c));
  return { access: { lists, baseCost, baseTotal }, transform };
}

function filterLists(b: PerturbationBase, keep: (e: number) => boolean, valueOf: (e: number) => number): SparseLists {
  const nC = b.start.length - 1;
  const start = new Int32Array(nC + 1);
  const index = new Int32Array(b.index.length);
  const value = new Float64Array(b.index.length);
  let at = 0;
  for (let j = 0; j < nC; j++) {
    for (let e = b.start[j]; e < b.start[j + 1]; e++) {
      if (!keep(e)) continue;
      index[at] = b.index[e];
      value[at++] = valueOf(e);
    }
    start[j + 1] = at;
  }
  return { start, index: index.subarray(0, at), value: value.subarray(0, at) };
}
