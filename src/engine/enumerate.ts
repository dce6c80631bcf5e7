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

/**
 * Number of K-subsets of the allowed candidates, or Infinity beyond `limit`.
 * @param fixed optional per candidate 1 (fixed in), −1 (out), 0 (free): then the subsets of the free
 *   candidates that fill the slots the fixed-in ones leave
 */
export function subsetCount(rc: ResolvedConstraints, limit: number, fixed?: Int8Array): number {
  let m = 0;
  let slots = rc.k;
  for (let j = 0; j < rc.n; j++) {
    if (fixed ? fixed[j] === 0 : rc.allowed[j] === 1) m++;
    else if (fixed && fixed[j] === 1) slots--;
  }
  let c = 1;
  for (let i = 0; i < slots; i++) {
    c = (c * (m - i)) / (i + 1);
    if (c > limit) return Infinity;
  }
  return Math.round(c);
}

/**
 * Enumerates every feasible set. Assumes `diagnose` found no violated rule.
 * @param fixed optional per candidate 1 (in every set), −1 (in none), 0 (free); default: the allowed ones free
 * @returns the best set (candidate indices; empty when no set meets the rules and fixings) and the
 *   number of sets evaluated
 */
export function enumerateBest(p: PreparedObjective, rc: ResolvedConstraints, fixed?: Int8Array): { best: number[]; evaluated: number } {
  const state = createState(p);
  const rules = setRules(rc);
  const sign = maximises(p.objective) ? 1 : -1;
  const candidates = Array.from({ length: rc.n }, (_, j) => j).filter((j) => (fixed ? fixed[j] === 0 : rc.allowed[j] === 1));
  const current: number[] = [];
  let scoreSum = 0;
  for (let j = 0; fixed && j < rc.n; j++) {
    if (fixed[j] !== 1) continue;
    if (!rules.canAdd(j)) return { best: [], evaluated: 0 };
    state.add(j);
    rules.add(j);
    current.push(j);
    scoreSum += p.scores[j];
  }
  let best: { set: number[]; value: number; score: number; ranks: number[] } | null = null;
  let evaluated = 0;
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
