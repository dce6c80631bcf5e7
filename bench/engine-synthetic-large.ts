/**
 * Bench: exact versus greedy on a seeded synthetic instance of 400 candidate sites × 20,000 demand
 * points (plus 218 fixed existing sites, as in Norway), for coverage (T = 30 and 45) and access.
 */
import { buildLocationProblem, createRng, loadSolver, selectSites, selectSitesGreedy, type SelectionObjective } from '../src/engine';
import { syntheticNorway, syntheticTravelMinutes } from './engine-synthetic';

async function main(): Promise<void> {
  const base = syntheticNorway({ nMunicipalities: 400, demandPerMunicipality: 50, nExisting: 218, seed: 400 });
  const rng = createRng(20000);
  const candidates = base.municipalities.map((m) => ({ id: m.kommunenummer, lon: m.centre[0] + rng.normal() * 0.02, lat: m.centre[1] + rng.normal() * 0.01 }));
  let t = performance.now();
  const location = buildLocationProblem({ demand: base.demand, candidates, fixed: base.existing, travelMinutes: syntheticTravelMinutes });
  console.log(`synthetic: ${candidates.length} sites × ${base.demand.length} demand points, ${base.existing.length} fixed; build ${(performance.now() - t).toFixed(0)} ms`);
  await loadSolver();
  const problem = { candidates: base.municipalities.map((m) => ({ id: m.kommunenummer, district: m.policeDistrict, score: 50 })), location };
  for (const [objective, radius] of [['coverage', 30], ['coverage', 45], ['access', 45]] as [SelectionObjective, number][]) {
    t = performance.now();
    const g = selectSitesGreedy(problem, { objective, k: 20, radius });
    const gMs = performance.now() - t;
    t = performance.now();
    const e = await selectSites(problem, { objective, k: 20, radius, timeLimitSeconds: 60 });
    const eMs = performance.now() - t;
    const diff = ((e.objective! - g.objective!) / Math.abs(g.objective!)) * 100;
    console.log(
      `${objective.padEnd(8)} T=${radius}: greedy ${gMs.toFixed(0)} ms objective ${g.objective!.toFixed(1)} | exact ${eMs.toFixed(0)} ms ${e.status} ` +
        `objective ${e.objective!.toFixed(1)} bound ${e.bound?.toFixed(1)} gap ${e.gap?.toExponential(1)} | exact − greedy ${diff.toFixed(3)} %`,
    );
  }
}

void main();
