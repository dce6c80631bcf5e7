/** Bench: exact (HiGHS) versus greedy selection of K = 20 on the real (or synthetic) data (prints figures). */
import { loadSolver, rankMunicipalities, selectSites, selectSitesGreedy, type SelectionObjective } from '../src/engine';
import { loadBenchData, problemOf } from './engine-data';

async function main(): Promise<void> {
  const data = loadBenchData();
  console.log(`engine-exact on ${data.label}: ${data.municipalities.length} candidates, ${data.demand.length} demand points, ${data.existing.length} fixed stations`);
  let t = performance.now();
  await loadSolver();
  console.log(`load HiGHS wasm (once per process): ${(performance.now() - t).toFixed(0)} ms`);
  const ranking = rankMunicipalities(data.municipalities);
  const problem = problemOf(data, ranking);
  const districts = [...new Set(data.municipalities.map((m) => m.policeDistrict))];
  const scenarios: [string, object][] = [
    ['k=20', {}],
    ['k=20, ≥1 per district, ≤3 per district', { districtMin: Object.fromEntries(districts.map((d) => [d, 1])), districtMax: Object.fromEntries(districts.map((d) => [d, 3])) }],
  ];
  for (const [label, rules] of scenarios) {
    for (const objective of ['score', 'coverage', 'access', 'blend'] as SelectionObjective[]) {
      for (const radius of objective === 'coverage' || objective === 'blend' ? [30, 45] : [45]) {
        const opts = { objective, k: 20, radius, ...rules };
        const g = selectSitesGreedy(problem, opts);
        t = performance.now();
        const e = await selectSites(problem, { ...opts, timeLimitSeconds: 30 });
        const ms = performance.now() - t;
        const vsGreedy = g.objective && e.objective ? ((e.objective - g.objective) / Math.abs(g.objective)) * 100 : NaN;
        console.log(
          `${label.padEnd(40)} ${objective.padEnd(8)} T=${radius}  exact ${ms.toFixed(0).padStart(5)} ms ${e.status.padEnd(8)} objective ${e.objective?.toFixed(2)} ` +
            `bound ${e.bound?.toFixed(2)} gap ${e.gap?.toExponential(1)} | greedy ${g.solveMs.toFixed(1)} ms objective ${g.objective?.toFixed(2)} (exact − greedy ${vsGreedy.toFixed(3)} %)`,
        );
      }
    }
  }
}

void main();
