/**
 * Bench (issue 15): memory over 1,000 repeated exact solves in one process (prints figures).
 *
 * A seeded box instance (40 candidate sites × 500 demand points in a 200 × 200 km square, straight-
 * line km, weights 1–100) is solved again and again in rotation: MCLP K = 6 at 30 km and p-median
 * K = 6, each once by the Lagrangean search and once straight through HiGHS (`lagrangean: false`, so
 * the WebAssembly solver builds, solves and disposes a model every time). After a warm-up of 100
 * solves, heap, external/ArrayBuffer memory (HiGHS's WebAssembly heap lives there) and RSS are read
 * after a forced GC every 100 solves; printed: each reading and the growth from the warm-up reading
 * to the last. Target: no growth beyond 10 %. Run: node --expose-gc -r ts-node/register/transpile-only
 * bench/engine-memory.ts [--solves N]
 */
import { buildLocationProblem, selectSites, type SelectionProblem } from '../src/engine';
import { boxPoints } from './instances';

const SOLVES = Number(process.argv[process.argv.indexOf('--solves') + 1]) || 1000;
const WARMUP = 100;

function problem(nDemand: number, nSites: number): SelectionProblem {
  const { demand, sites, weights } = boxPoints(nDemand, nSites, 15);
  const scale = (p: number[]) => ({ lon: p[0] * 0.4, lat: p[1] * 0.4 });
  const location = buildLocationProblem({
    demand: demand.map((p, i) => ({ id: `d${i}`, ...scale(p), weight: weights[i] })),
    candidates: sites.map((p, j) => ({ id: `s${j}`, ...scale(p) })),
    costs: { candidate: Float64Array.from({ length: demand.length * sites.length }, (_, at) => {
      const [a, b] = [demand[Math.floor(at / sites.length)], sites[at % sites.length]];
      return Math.round(Math.hypot((a[0] - b[0]) * 0.4, (a[1] - b[1]) * 0.4) * 10) / 10;
    }) },
  });
  return { candidates: sites.map((_, j) => ({ id: `s${j}`, group: `s${j}`, district: null, eligible: true, score: 0 })), location };
}

const mb = (b: number): string => (b / 1048576).toFixed(1);

async function main(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc (see the file comment)');
  const [large, medium, small] = [problem(2000, 80), problem(800, 40), problem(300, 25)];
  const runs = [
    { objective: 'coverage' as const, radius: 30, lagrangean: true, p: large },
    { objective: 'coverage' as const, radius: 30, lagrangean: false, p: large },
    { objective: 'access' as const, lagrangean: true, p: medium },
    { objective: 'access' as const, lagrangean: false, p: small },
  ];
  const values = new Map<string, number>();
  let base: NodeJS.MemoryUsage | null = null;
  const t0 = performance.now();
  for (let s = 1; s <= SOLVES; s++) {
    const { p, ...run } = runs[s % runs.length];
    const t = performance.now();
    const r = await selectSites(p, { k: 6, method: 'exact', ...run });
    if (s <= runs.length) console.log(`solve ${s} (${run.objective}, ${run.lagrangean ? 'Lagrangean' : 'HiGHS'}): ${(performance.now() - t).toFixed(0)} ms`);
    const key = `${run.objective}/${run.lagrangean ? 'lagrangean' : 'highs'}`;
    if (r.status !== 'optimal') throw new Error(`${key} solve ${s} was ${r.status}: ${JSON.stringify({ gap: r.gap, bound: r.bound, stoppedBy: r.stoppedBy, notes: r.notes, value: r.objective })}`);
    if (values.has(key) && values.get(key) !== r.objective) throw new Error(`${key} solve ${s} gave ${r.objective}, before ${values.get(key)}`);
    values.set(key, r.objective ?? NaN);
    if (s % 100 !== 0) continue;
    gc();
    const m = process.memoryUsage();
    if (s === WARMUP) base = m;
    console.log(`after ${String(s).padStart(4)} solves: heap used ${mb(m.heapUsed)} MB, external ${mb(m.external)} MB (ArrayBuffers ${mb(m.arrayBuffers)} MB), RSS ${mb(m.rss)} MB; ${((performance.now() - t0) / s).toFixed(0)} ms per solve`);
  }
  const end = process.memoryUsage();
  if (!base) return;
  const growth = (k: 'heapUsed' | 'external' | 'rss') => `${mb(end[k] - base![k])} MB (${((100 * (end[k] - base![k])) / base![k]).toFixed(1)} %)`;
  console.log(`growth from solve ${WARMUP} to ${SOLVES}: heap used ${growth('heapUsed')}, external ${growth('external')}, RSS ${growth('rss')}; target ≤ 10 %`);
  console.log(`objective values, equal in every repeat: ${[...values].map(([k, v]) => `${k} ${v}`).join(', ')}`);
}

void main();
