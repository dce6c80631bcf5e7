/**
 * Bench: exact (HiGHS or enumeration) versus greedy + swap selection of K = 20 on the real (or
 * synthetic) data, one site per municipality and several (every postcode point a site of its
 * municipality). Prints time, status, value, bound and gap. Target (issue 11): exact K = 20 ≤ 1 s.
 */
import { loadSolver, rankMunicipalities, selectSites, selectSitesGreedy, type SelectionObjective } from '../src/engine';
import { loadBenchData, multiSites, problemOf } from './engine-data';

async function main(): Promise<void> {
  const data = loadBenchData();
  console.log(`engine-exact on ${data.label}: ${data.municipalities.length} municipalities, ${data.demand.length} demand points, ${data.existing.length} fixed stations`);
  let t = performance.now();
  await loadSolver();
  console.log(`load HiGHS wasm (once per process): ${(performance.now() - t).toFixed(0)} ms`);
  const ranking = rankMunicipalities(data.municipalities);
  const districts = [...new Set(data.municipalities.map((m) => m.policeDistrict))];
  const rules: [string, object][] = [
    ['k=20', {}],
    ['k=20, 1–3 per district', { districtMin: Object.fromEntries(districts.map((d) => [d, 1])), districtMax: Object.fromEntries(districts.map((d) => [d, 3])) }],
  ];
  for (const [siteLabel, sites] of [['one site per municipality', undefined], ['multi-site', multiSites(data)]] as const) {
    const problem = problemOf(data, ranking, sites);
    console.log(`\n${siteLabel}: ${problem.candidates.length} candidate sites`);
    for (const [label, rule] of rules) {
      for (const objective of ['score', 'coverage', 'access', 'beyond', 'blend'] as SelectionObjective[]) {
        for (const radius of objective === 'coverage' || objective === 'blend' ? [30, 45] : [45]) {
          const opts = { objective, k: 20, radius, ...rule };
          const g = selectSitesGreedy(problem, opts);
          t = performance.now();
          const e = await selectSites(problem, { ...opts, timeLimitSeconds: 30 });
          const ms = performance.now() - t;
          const sign = objective === 'access' || objective === 'beyond' ? -1 : 1;
          const vsGreedy = g.objective !== null && e.objective !== null && g.objective !== 0 ? (sign * (e.objective - g.objective) / Math.abs(g.objective)) * 100 : 0;
          console.log(
            `  ${label.padEnd(24)} ${objective.padEnd(8)} T=${radius}  exact ${ms.toFixed(0).padStart(5)} ms ${e.status.padEnd(8)} (${e.solver}) value ${e.objective?.toFixed(2)} ` +
              `bound ${e.bound?.toFixed(2)} gap ${e.gap?.toExponential(1)} Σscore ${e.scoreSum.toFixed(2)} | greedy+swap ${g.solveMs.toFixed(1)} ms value ${g.objective?.toFixed(2)} ` +
              `(exact better by ${vsGreedy.toFixed(3)} %)`,
          );
        }
      }
    }
  }
}

void main();
