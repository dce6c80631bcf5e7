/**
 * Exact selection by complete enumeration, for small instances: every set of K allowed candidates
 * that meets the rules is evaluated and the best one under the lexicographic rule of `tiebreak.ts`
 * (objective, then Σ score, then ids) is returned. This proves optimality with no solver start-up,
 * which on tiny instances (e.g. 16 candidate sites, K = 4: 1,820 sets) is much faster than building
 * and solving a MILP. Depth-first over candidate indices with the incremental state of
 * `objective.ts`, so each visited node costs one gain evaluation.
 */
import { createState, maximises, type PreparedObjective } from './objective';
import { setRules, type ResolvedConstraints } from './rules';
import { SCORE_TOLERANCE } from './tiebreak';

/** Number of K-subsets of the allowed candidates, or Infinity beyond `limit`. */
export function subsetCount(rc: ResolvedConstraints, limit: number): number {
  const m = rc.allowed.reduce((a, b) => a + b, 0);
  let c = 1;
  for (let i = 0; i < rc.k; i++) {
    c = (c * (m - i)) / (i + 1);
    if (c > limit) return Infinity;
  }
  return Math.round(c);
}

/**
 * Enumerates every feasible set. Assumes `diagnose` found no violated rule.
 * @returns the best set (candidate indices) and the number of sets evaluated
 */
export function enumerateBest(p: PreparedObjective, rc: ResolvedConstraints): { best: number[]; evaluated: number } {
  const state = createState(p);
  const rules = setRules(rc);
  const sign = maximises(p.objective) ? 1 : -1;
  const candidates = Array.from({ length: rc.n }, (_, j) => j).filter((j) => rc.allowed[j]);
  const current: number[] = [];
  let best: { set: number[]; value: number; score: number; ranks: number[] } | null = null;
  let evaluated = 0;
  let scoreSum = 0;
  const consider = (): void => {
    evaluated++;
    const value = sign * state.value();
    const ranks = current.map((j) => p.idRank[j]).sort((a, b) => a - b);
    if (!best || isBetter(value, scoreSum, ranks, best, p.tolerance)) best = { set: [...current], value, score: scoreSum, ranks };
  };
  const visit = (from: number): void => {
    if (current.length === rc.k) { consider(); return; }
    for (let c = from; c <= candidates.length - (rc.k - current.length); c++) {
      const j = candidates[c];
      if (!rules.canAdd(j)) continue;
      state.add(j);
      rules.add(j);
      current.push(j);
      scoreSum += p.scores[j];
      visit(c + 1);
      scoreSum -= p.scores[j];
      current.pop();
      rules.remove(j);
      state.remove(j);
    }
  };
  visit(0);
  return { best: best ? (best as { set: number[] }).set : [], evaluated };
}

function isBetter(value: number, score: number, ranks: number[], b: { value: number; score: number; ranks: number[] }, tol: number): boolean {
  if (value - b.value > tol) return true;
  if (b.value - value > tol) return false;
  if (score - b.score > SCORE_TOLERANCE) return true;
  if (b.score - score > SCORE_TOLERANCE) return false;
  for (let i = 0; i < ranks.length; i++) if (ranks[i] !== b.ranks[i]) return ranks[i] < b.ranks[i];
  return false;
}
