/**
 * The coverage map layer: for each demand point, whether it lies within the radius (drive minutes)
 * of an existing station, only of a proposed site, or of neither; and the covered share per
 * municipality. Drawn from the demand points of the location problem (postcode points with their
 * residents), not from buffers. Pure: a location problem and a set in, flat figures out.
 */
import type { LocationProblem } from '../engine';

/** 0 = outside the radius of every open site; 1 = within it of an existing station; 2 = only of a proposed site. */
export type CoverageState = 0 | 1 | 2;

export interface CoverageLayer {
  /** One state per demand point, in the problem's order. */
  states: Uint8Array;
  /** Residents per state: [uncovered, byExisting, byProposedOnly]. */
  residents: [number, number, number];
  totalResidents: number;
}

/**
 * Classifies every demand point.
 * @param problem the location problem (demand × candidate costs and the nearest fixed-site cost)
 * @param selected candidate ids of the proposed set (unknown ids are ignored)
 * @param radiusMin coverage radius in the problem's cost unit (minutes), e.g. 45
 */
export function coverageLayer(problem: LocationProblem, selected: readonly string[], radiusMin: number): CoverageLayer {
  const { nDemand: nD, nCandidates: nC, candidateCost, fixedCost, demandWeight } = problem;
  const wanted = new Set(selected);
  const chosen = problem.candidateIds.flatMap((id, j) => (wanted.has(id) ? [j] : []));
  const states = new Uint8Array(nD);
  const residents: [number, number, number] = [0, 0, 0];
  for (let i = 0; i < nD; i++) {
    let state: CoverageState = 0;
    if (fixedCost[i] <= radiusMin) state = 1;
    else if (chosen.some((j) => candidateCost[i * nC + j] <= radiusMin)) state = 2;
    states[i] = state;
    residents[state] += demandWeight[i];
  }
  return { states, residents, totalResidents: problem.totalWeight };
}

/** Covered share (0–1) by existing stations and by existing + proposed, per group (e.g. municipality). */
export interface GroupCoverage {
  residents: number;
  shareExisting: number;
  shareWithProposed: number;
}

/**
 * Sums a coverage layer per group.
 * @param layer from `coverageLayer`
 * @param groupOf the group of demand point i (e.g. its kommunenummer)
 * @param weights the demand weights (same order)
 */
export function coverageByGroup(layer: CoverageLayer, weights: ArrayLike<number>, groupOf: (i: number) => string): Map<string, GroupCoverage> {
  const sums = new Map<string, [number, number, number]>();
  for (let i = 0; i < layer.states.length; i++) {
    const g = groupOf(i);
    const s = sums.get(g) ?? [0, 0, 0];
    s[layer.states[i]] += weights[i];
    sums.set(g, s);
  }
  const out = new Map<string, GroupCoverage>();
  for (const [g, [u, e, p]] of sums) {
    const total = u + e + p;
    out.set(g, { residents: total, shareExisting: total > 0 ? e / total : 0, shareWithProposed: total > 0 ? (e + p) / total : 0 });
  }
  return out;
}
