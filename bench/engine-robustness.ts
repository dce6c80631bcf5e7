/** Bench: robustness with 10,000 weight samples on the real (or synthetic) data (prints figures). */
import { robustness } from '../src/engine';
import { loadBenchData, median } from './engine-data';

const data = loadBenchData();
console.log(`engine-robustness on ${data.label}: ${data.municipalities.length} municipalities`);
for (const [label, rank, opts] of [
  ['wsm, around (κ=50), pInSet score on 1,000', {}, {}],
  ['wsm, simplex, pInSet score on 1,000', {}, { mode: 'simplex' }],
  ['wsm, around, rank-only (setSamples 0)', {}, { setSamples: 0 }],
  ['topsis, around, pInSet score on 1,000', { method: 'topsis' }, {}],
] as const) {
  const times: number[] = [];
  let r = null;
  for (let rep = 0; rep < 5; rep++) {
    const t = performance.now();
    r = robustness(data.municipalities, rank, { samples: 10000, seed: 7, k: 20, ...opts });
    times.push(performance.now() - t);
  }
  const stable = r!.items.filter((i) => i.pInSet >= 0.9).length;
  const wobbly = r!.items.filter((i) => i.pInSet > 0.1 && i.pInSet < 0.9).length;
  console.log(`${label.padEnd(44)} 10,000 samples: median ${median(times).toFixed(0)} ms (min ${Math.min(...times).toFixed(0)}); ${stable} with pInSet ≥ 0.9, ${wobbly} between 0.1 and 0.9`);
}
