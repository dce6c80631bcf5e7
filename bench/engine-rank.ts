/** Bench: re-rank 357 municipalities, then greedy K = 20 for each objective (prints figures). */
import { rankMunicipalities, selectSitesGreedy, type SelectionObjective } from '../src/engine';
import { loadBenchData, median, problemOf } from './engine-data';

const data = loadBenchData();
console.log(`engine-rank on ${data.label}: ${data.municipalities.length} municipalities, ${data.demand.length} demand points, ${data.existing.length} existing stations`);
let t = performance.now();
const ranking0 = rankMunicipalities(data.municipalities);
const problem = problemOf(data, ranking0);
console.log(`build location problem (once per data set): ${(performance.now() - t).toFixed(1)} ms`);
for (const objective of ['score', 'coverage', 'access', 'blend'] as SelectionObjective[]) {
  selectSitesGreedy(problem, { objective, k: 20 }); // warm caches and JIT
  const rankMs: number[] = [];
  const totalMs: number[] = [];
  let last = null;
  for (let rep = 0; rep < 30; rep++) {
    t = performance.now();
    const ranking = rankMunicipalities(data.municipalities, { weights: { crimeRate: 1 + (rep % 5) } });
    rankMs.push(performance.now() - t);
    const scored = { ...problem, candidates: problem.candidates.map((c, i) => ({ ...c, score: ranking.items.find((x) => x.kommunenummer === c.id)?.score ?? ranking0.items[i].score })) };
    last = selectSitesGreedy(scored, { objective, k: 20 });
    totalMs.push(performance.now() - t);
  }
  console.log(
    `${objective.padEnd(8)} re-rank ${median(rankMs).toFixed(1)} ms, re-rank + greedy K=20 ${median(totalMs).toFixed(1)} ms (median of 30); ` +
      `objective ${last!.objective!.toFixed(2)}, newly covered ${last!.newlyCovered?.toFixed(0)}, mean access ${last!.meanAccess?.toFixed(2)} min`,
  );
}
