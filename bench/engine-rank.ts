/**
 * Bench: re-rank 357 municipalities, then greedy + swap K = 20 for each objective (prints figures),
 * on one site per municipality and on the multi-site instance (every postcode point a site of its
 * municipality). Target (issue 11): re-rank + greedy ≤ 20 ms.
 */
import { rankMunicipalities, selectSitesGreedy, type SelectionObjective, type SelectionProblem } from '../src/engine';
import { loadBenchData, median, multiSites, problemOf } from './engine-data';

const data = loadBenchData();
console.log(`engine-rank on ${data.label}: ${data.municipalities.length} municipalities, ${data.demand.length} demand points, ${data.existing.length} existing stations`);
const ranking0 = rankMunicipalities(data.municipalities);
for (const [label, sites] of [['one site per municipality', undefined], ['multi-site (populated places + premises)', multiSites(data)]] as const) {
  let t = performance.now();
  const problem = problemOf(data, ranking0, sites);
  console.log(`\n${label}: ${problem.candidates.length} candidate sites; build location problem (once per data set) ${(performance.now() - t).toFixed(0)} ms`);
  const group = problem.candidates.map((c) => c.group ?? c.id);
  for (const objective of ['score', 'coverage', 'access', 'beyond', 'blend'] as SelectionObjective[]) {
    selectSitesGreedy(problem, { objective, k: 20 }); // warm caches and JIT
    const rankMs: number[] = [];
    const totalMs: number[] = [];
    let last = null;
    for (let rep = 0; rep < 30; rep++) {
      t = performance.now();
      const ranking = rankMunicipalities(data.municipalities, { weights: { crimeRate: 1 + (rep % 5) } });
      rankMs.push(performance.now() - t);
      const score = new Map(ranking.items.map((it) => [it.kommunenummer, it.score]));
      const scored: SelectionProblem = { ...problem, candidates: problem.candidates.map((c, j) => ({ ...c, score: score.get(group[j])! })) };
      last = selectSitesGreedy(scored, { objective, k: 20 });
      totalMs.push(performance.now() - t);
    }
    console.log(
      `  ${objective.padEnd(8)} re-rank ${median(rankMs).toFixed(1)} ms, re-rank + greedy/swap K=20 ${median(totalMs).toFixed(1)} ms (median of 30; max ${Math.max(...totalMs).toFixed(1)}); ` +
        `objective ${last!.objective!.toFixed(2)}, newly covered ${last!.newlyCovered?.toFixed(0)}, mean access ${last!.meanAccess?.toFixed(2)} min`,
    );
  }
}
