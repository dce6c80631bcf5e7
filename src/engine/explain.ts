/**
 * Explaining a chosen set: the exact objective value, the order in which the sites are reported,
 * each site's marginal gain in that order (the column sums to the set's total), its loss if removed,
 * the residents it newly brings within the radius in that order (sums to the set's figure), and
 * whether its gain is within the model's error.
 *
 * Order: sites of included groups first (in the set's order), then the greedy order over the set
 * (best gain, then score, then id: the rule of `tiebreak.ts`).
 *
 * Within the model's error (caller-supplied margin e in the cost unit, e.g. the travel model's error
 * in minutes): for coverage, a newly covered resident is "at risk" when an error of up to e on the two
 * times that decide it could undo it: the new site's time is > T − e, or the best time before the
 * site was added (existing stations and earlier sites) is ≤ T + e. For access and beyond, at risk is
 * min(saving, 2e) per resident (both times may be off by e). A site is `withinError` when nothing of
 * its gain survives: gain − at-risk ≤ 0 (so every zero-gain site is flagged). Score and blend
 * gains are not travel-time figures: never flagged.
 */
import { evaluateSet, type SetEvaluation } from './coverage';
import { coverageLists, type LocationProblem } from './location';
import { createState, type PreparedObjective } from './objective';
import type { ResolvedConstraints } from './rules';
import type { ChosenSite, SelectionOptions, SelectionProblem } from './selection';
import { exactSum } from './sum';
import { better } from './tiebreak';

/** The exact objective value of a set, recomputed from the set (never from a solver), in reporting units. */
export function exactValue(problem: SelectionProblem, opts: SelectionOptions, p: PreparedObjective, set: readonly number[], evaluation?: SetEvaluation): number {
  const scoreSum = exactSum(set.map((j) => p.scores[j]));
  if (p.objective === 'score') return scoreSum;
  const ev = evaluation ?? evaluateSet(problem.location!, set, opts.radius);
  if (p.objective === 'coverage') return ev.newlyCovered;
  if (p.objective === 'access') return ev.accessCost;
  if (p.objective === 'beyond') return ev.beyondCost;
  const coverable = p.coverage!.coverable > 0 ? p.coverage!.coverable : 1;
  return (p.blendAlpha * scoreSum) / (100 * Math.max(1, p.k)) + ((1 - p.blendAlpha) * ev.newlyCovered) / coverable;
}

/** Orders a set for reporting: included groups first, then greedy order over the set. */
export function reportOrder(p: PreparedObjective, rc: ResolvedConstraints, set: readonly number[]): number[] {
  const state = createState(p);
  const forced = set.filter((j) => rc.groupForced[rc.groupOf[j]] === 1);
  const rest = new Set(set.filter((j) => !forced.includes(j)));
  for (const j of forced) state.add(j);
  const order = [...forced];
  while (rest.size > 0) {
    let best = -1;
    let bestGain = -Infinity;
    for (const j of rest) {
      const g = state.gain(j);
      if (best < 0 || better(g, p.scores[j], p.idRank[j], bestGain, p.scores[best], p.idRank[best], p.tolerance)) { best = j; bestGain = g; }
    }
    state.add(best);
    order.push(best);
    rest.delete(best);
  }
  return order;
}

/** Per-site explanation of an ordered set (see the file comment). */
export function describeSites(problem: SelectionProblem, opts: SelectionOptions, p: PreparedObjective, rc: ResolvedConstraints, order: readonly number[]): ChosenSite[] {
  const state = createState(p);
  const gains = order.map((j) => state.add(j));
  const losses = order.map((j) => {
    const loss = state.remove(j);
    state.add(j);
    return loss;
  });
  const loc = problem.location;
  const newly = loc ? newlyInOrder(loc, opts.radius, order) : null;
  const atRisk = loc ? gainsAtRisk(loc, p, opts, order) : order.map(() => 0);
  return order.map((j, k) => {
    const c = problem.candidates[j];
    const travel = p.objective === 'coverage' || p.objective === 'access' || p.objective === 'beyond';
    return {
      id: c.id, group: c.group ?? c.id, district: c.district ?? null, score: c.score ?? null,
      marginalGain: gains[k], lossIfRemoved: losses[k], newlyCovered: newly ? newly[k] : null,
      gainAtRisk: atRisk[k], withinError: travel && gains[k] - atRisk[k] <= p.tolerance, forced: rc.groupForced[rc.groupOf[j]] === 1,
    };
  });
}

/**
 * Residents each site newly brings within the radius when the sites are added in the given order
 * (fixed sites open): the column sums to the set's newly covered residents (exactly, for whole weights).
 * @param order candidate indices in the order they count
 */
export function newlyInOrder(loc: LocationProblem, radius: number, order: readonly number[]): number[] {
  const { lists } = coverageLists(loc, radius);
  const covered = new Uint8Array(loc.nDemand);
  return order.map((j) => {
    const w: number[] = [];
    for (let e = lists.start[j]; e < lists.start[j + 1]; e++) {
      const i = lists.index[e];
      if (!covered[i]) { covered[i] = 1; w.push(loc.demandWeight[i]); }
    }
    return exactSum(w);
  });
}

function gainsAtRisk(loc: LocationProblem, p: PreparedObjective, opts: SelectionOptions, order: readonly number[]): number[] {
  const e = opts.errorMargin;
  if (!(e > 0)) return order.map(() => 0);
  const { nDemand: nD, nCandidates: nC, candidateCost: cost, demandWeight: w } = loc;
  const T = opts.radius;
  const best = Float64Array.from(loc.fixedCost);
  if (p.objective === 'coverage') {
    return order.map((j) => {
      const risk: number[] = [];
      for (let i = 0; i < nD; i++) {
        const c = cost[i * nC + j];
        if (c <= T && best[i] > T && (c > T - e || best[i] <= T + e)) risk.push(w[i]);
      }
      for (let i = 0; i < nD; i++) best[i] = Math.min(best[i], cost[i * nC + j]);
      return exactSum(risk);
    });
  }
  if (!p.access) return order.map(() => 0);
  const base = p.access.baseCost;
  const shift = p.objective === 'beyond' ? T : null;
  const cur = Float64Array.from(base);
  return order.map((j) => {
    const risk: number[] = [];
    for (let i = 0; i < nD; i++) {
      const c = shift === null ? cost[i * nC + j] : Math.max(0, cost[i * nC + j] - shift);
      if (c < cur[i]) {
        risk.push(w[i] * Math.min(cur[i] - c, 2 * e));
        cur[i] = c;
      }
    }
    return exactSum(risk);
  });
}
