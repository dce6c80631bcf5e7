/**
 * Bench: robustness on the real (or synthetic) data (prints figures).
 * 1. Ranking: 10,000 weight samples, weighted sum and TOPSIS (pInSet for the score objective on 1,000).
 * 2. The proposed set under the coverage objective at 45 minutes, 1,000 samples in three families
 *    (weights, travel-model error, both), with the proposal as sample 0; one site per municipality and
 *    several (every postcode point a site). Target (issue 11): 1,000 samples ≤ 2 s (worker threads allowed).
 */
import { rankMunicipalities, robustness, robustnessCounts, selectSites } from '../src/engine';
import { loadBenchData, median, multiSites, problemOf } from './engine-data';

async function main(): Promise<void> {
  const data = loadBenchData();
  console.log(`engine-robustness on ${data.label}: ${data.municipalities.length} municipalities; ${data.residuals.length} travel-model residuals (in-sample calibration errors)`);
  for (const [label, rank, opts] of [
    ['wsm, around (κ=50), pInSet score on 1,000', {}, {}],
    ['wsm, simplex, pInSet score on 1,000', {}, { mode: 'simplex' }],
    ['wsm, around, rank-only (setSamples 0)', {}, { setSamples: 0 }],
    ['topsis, around, pInSet score on 1,000', { method: 'topsis' }, {}],
  ] as const) {
    const times: number[] = [];
    for (let rep = 0; rep < 3; rep++) {
      const t = performance.now();
      robustness(data.municipalities, rank, { samples: 10000, seed: 7, k: 20, ...opts });
      times.push(performance.now() - t);
    }
    console.log(`${label.padEnd(44)} 10,000 samples: median ${median(times).toFixed(0)} ms (min ${Math.min(...times).toFixed(0)})`);
  }
  const ranking = rankMunicipalities(data.municipalities);
  for (const [siteLabel, sites] of [['one site per municipality', undefined], ['multi-site', multiSites(data)]] as const) {
    const problem = problemOf(data, ranking, sites);
    const proposal = await selectSites(problem, { objective: 'coverage', k: 20, radius: 45 });
    const base = {
      samples: 1000, seed: 7, k: 20, selection: { objective: 'coverage' as const, radius: 45 }, proposal: proposal.selected,
      sites: sites ? sites.map((s) => ({ id: s.id, kommunenummer: s.kommunenummer })) : null,
    };
    for (const [label, extra] of [
      ['weights only', {}],
      ['weights + travel error (3 families)', { travelError: { residuals: data.residuals, kind: 'additive' as const } }],
    ] as const) {
      const t = performance.now();
      const r = robustness(data.municipalities, {}, { ...base, ...extra }, problem.location);
      const ms = performance.now() - t;
      const half = performance.now();
      robustnessCounts(data.municipalities, {}, { ...base, ...extra }, problem.location, [0, 500]);
      const halfMs = performance.now() - half;
      const proposed = r.items.filter((it) => proposal.selectedGroups.includes(it.kommunenummer));
      console.log(
        `${siteLabel} (${problem.candidates.length} sites), coverage T=45, ${label}: 1,000 samples ${ms.toFixed(0)} ms on one core ` +
          `(one chunk of 500: ${halfMs.toFixed(0)} ms, as a worker thread would run it); proposed municipalities with pInSet > 0: ${proposed.filter((it) => it.pInSet > 0).length}/${proposed.length}, ` +
          `stable (≥ 0.8) under weights ${r.items.filter((it) => it.stableUnderWeights).length}, under travel ${r.items.filter((it) => it.stableUnderTravel).length}, under both ${r.items.filter((it) => it.stableUnderBoth).length}`,
      );
    }
  }
}

void main();
