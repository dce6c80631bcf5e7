/**
 * Evaluating a set of open sites on a location problem, exactly: residents covered within a radius
 * (the maximal covering location problem's measure, Church & ReVelle 1974), population-weighted cost
 * to the nearest open site (the p-median measure, Hakimi 1964) and population-weighted cost beyond
 * the radius, with fixed sites always open. Every figure is recomputed from the chosen set (never
 * taken from a solver) and summed with exactly rounded summation (`sum.ts`), so integer weights give
 * integer coverage figures and the result does not depend on the order of the demand points.
 * "Within" means cost ≤ radius (see `location.ts`).
 */
import { accessBaseCost, siteMajorCosts, type LocationProblem } from './location';
import { ExactSum } from './sum';

/** Coverage and access figures for one set of open candidates (fixed sites included). */
export interface SetEvaluation {
  /** Demand weight within the radius of a fixed site. */
  fixedCovered: number;
  /** Demand weight within the radius of a chosen site and not of any fixed site. */
  newlyCovered: number;
  /** fixedCovered + newlyCovered. */
  coveredTotal: number;
  /** coveredTotal / total demand weight (0 when there is no demand). */
  coveredShare: number;
  /** Σ weight × cost to the nearest open site (penalty cost where nothing reaches). */
  accessCost: number;
  /** accessCost / total weight: the population-weighted mean cost (e.g. minutes). */
  meanAccess: number;
  /** Σ weight × max(0, cost − radius): e.g. resident-minutes beyond the limit. */
  beyondCost: number;
  /** Demand points that no open site reaches (counted at their penalty cost). */
  unreached: number;
}

/**
 * Evaluates a set of candidate indices.
 * @param problem location problem
 * @param selected candidate indices (0-based, into `problem.candidateIds`)
 * @param radius coverage radius in the problem's cost unit
 */
export function evaluateSet(problem: LocationProblem, selected: readonly number[], radius: number): SetEvaluation {
  const { nDemand: nD, fixedCost, demandWeight, totalWeight } = problem;
  const base = accessBaseCost(problem);
  const bySite = siteMajorCosts(problem);
  const nearest = new Float64Array(nD).fill(Infinity);
  for (const j of selected) {
    const row = j * nD;
    for (let i = 0; i < nD; i++) if (bySite[row + i] < nearest[i]) nearest[i] = bySite[row + i];
  }
  // Whole-number weights sum exactly in plain doubles (below 2^53); others need the exact sum.
  const fixedW = problem.integerWeights ? new PlainSum() : new ExactSum();
  const newW = problem.integerWeights ? new PlainSum() : new ExactSum();
  const access = new ExactSum();
  const beyond = new ExactSum();
  let unreached = 0;
  for (let i = 0; i < nD; i++) {
    const chosen = nearest[i];
    if (chosen === Infinity && fixedCost[i] === Infinity) unreached++;
    const w = demandWeight[i];
    const cost = base[i] < chosen ? base[i] : chosen;
    if (w === 0) continue;
    access.add(w * cost);
    if (cost > radius) beyond.add(w * (cost - radius));
    if (fixedCost[i] <= radius) fixedW.add(w);
    else if (chosen <= radius) newW.add(w);
  }
  const fixedCovered = fixedW.value();
  const newlyCovered = newW.value();
  const coveredTotal = fixedCovered + newlyCovered;
  const accessCost = access.value();
  return {
    fixedCovered, newlyCovered, coveredTotal, coveredShare: totalWeight > 0 ? coveredTotal / totalWeight : 0,
    accessCost, meanAccess: totalWeight > 0 ? accessCost / totalWeight : 0, beyondCost: beyond.value(), unreached,
  };
}

class PlainSum {
  private total = 0;
  add(v: number): void {
    this.total += v;
  }
  value(): number {
    return this.total;
  }
}
