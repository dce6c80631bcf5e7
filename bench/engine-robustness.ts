/**
 * Bench: robustness on the real (or synthetic) data (prints figures).
 * 0. Issue 15: 10,000 samples (pInSet for the score objective on 1,000), weighted sum and TOPSIS, the
 *    current engine against the implementation before issue 15 (bench/lib/robustness-previous.ts),
 *    interleaved 5 times in this process, one core (no workers): wall and CPU time (CPU includes V8's
 *    compiler and GC threads), min and median, the ratio previous / current, and whether the counts
 *    (rank histogram, top-K, set membership) are identical. Target: ≤ 300 ms for both.
 * 1. Ranking: 10,000 weight samples, weighted sum and TOPSIS (pInSet for the score objective on 1,000).
 * 2. The proposed set under the coverage objective at 45 minutes, 1,000 samples in three families
 *    (weights, travel-model error, both), with the proposal as sample 0; one site per municipality and
 *    several (every postcode point a site). Target (issue 11): 1,000 samples ≤ 2 s (worker threads allowed).
 */
import { rankMunicipalities, robustness, robustnessCounts, selectSites } from '../src/engine';
import { loadBenchData, median, multiSites, problemOf, type BenchData } from './engine-data';
import { previousRobustnessCounts } from './lib/robustness-previous';

function timedCall<T>(f: () => T): { value: T; wall: number; cpu: number } {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = f();
  const wall = performance.now() - t;
  const u = process.cpuUsage(c);
  return { value, wall, cpu: (u.user + u.system) / 1000 };
}

function versusPrevious(data: BenchData): void {
  const opts = { samples: 10000, setSamples: 1000, seed: 7, k: 20 };
  for (const method of ['wsm', 'topsis'] as const) {
    const cur = { wall: [] as number[], cpu: [] as number[] };
    const prev = { wall: [] as number[], cpu: [] as number[] };
    let identical = true;
    for (let rep = 0; rep < 5; rep++) {
      const a = timedCall(() => robustnessCounts(data.municipalities, { method }, opts));
      const b = timedCall(() => previousRobustnessCounts(data.municipalities, { method }, opts));
      cur.wall.push(a.wall); cur.cpu.push(a.cpu); prev.wall.push(b.wall); prev.cpu.push(b.cpu);
      const same = (x: Int32Array, y: Int32Array) => x.length === y.length && x.every((v, i) => v === y[i]);
      identical &&= same(a.value.hist, b.value.hist) && same(a.value.inTopK, b.value.inTopK) && same(a.value.inSet.weights, b.value.inSet);
    }
    const f = (xs: number[]) => `min ${Math.min(...xs).toFixed(0)} / median ${median(xs).toFixed(0)} ms`;
    console.log(
      `${method.padEnd(6)} 10,000 samples (set on 1,000), 5 interleaved runs: current wall ${f(cur.wall)}, CPU ${f(cur.cpu)}; ` +
        `previous wall ${f(prev.wall)}, CPU ${f(prev.cpu)}; ratio previous / current (median): wall ${(median(prev.wall) / median(cur.wall)).toFixed(2)}×, ` +
        `CPU ${(median(prev.cpu) / median(cur.cpu)).toFixed(2)}×; counts ${identical ? 'identical' : 'DIFFERENT'}`,
    );
  }
}

async function main(): Promise<void> {
  const data = loadBenchData();
  console.log(`engine-robustness on ${data.label}: ${data.municipalities.length} municipalities; ${data.residuals.length} travel-model residuals (in-sample calibration errors)`);
  versusPrevious(data);
  if (process.argv.includes('--issue15')) return;
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
