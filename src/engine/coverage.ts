/**
 * Evaluating a set of open sites on a location problem: residents covered within a radius
 * (the maximal covering location problem's measure, Church & ReVelle 1974) and population-weighted
 * cost to the nearest open site (the p-median measure, Hakimi 1964), with fixed sites always open.
 */
import { accessBaseCost, type LocationProblem } from './location';

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
}

/**
 * Evaluates a set of candidate indices.
 * @param problem location problem
 * @param selected candidate indices (0-based, into `problem.candidateIds`)
 * @param radius coverage radius in the problem's cost unit
 */
export function evaluateSet(problem: LocationProblem, selected: readonly number[], radius: number): SetEvaluation {
  const { nDemand: nD, nCandidates: nC, candidateCost, fixedCost, demandWeight, totalWeight } = problem;
  const base = accessBaseCost(problem);
  let fixedCovered = 0;
  let newlyCovered = 0;
  let accessCost = 0;
  for (let i = 0; i < nD; i++) {
    let chosen = Infinity;
    for (const j of selected) chosen = Math.min(chosen, candidateCost[i * nC + j]);
    accessCost += demandWeight[i] * Math.min(base[i], chosen);
    if (fixedCost[i] <= radius) fixedCovered += demandWeight[i];
    else if (chosen <= radius) newlyCovered += demandWeight[i];
  }
  const coveredTotal = fixedCovered + newlyCovered;
  return {
    fixedCovered, newlyCovered, coveredTotal, coveredShare: totalWeight > 0 ? coveredTotal / totalWeight : 0,
    accessCost, meanAccess: totalWeight > 0 ? accessCost / totalWeight : 0,
  };
}
