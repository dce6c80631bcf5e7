/**
 * Bench (issue 15): how robustness scales over cores. 10,000 weight samples of the real ranking (set
 * re-chosen for the score objective on the first 1,000), weighted sum and TOPSIS, run
 * - in this thread (one core, no workers: the figure of `engine-robustness.ts --issue15`),
 * - in a pool of one worker thread (the same work plus the job's copy and the worker's start),
 * - in a pool of `cores` worker threads (the run split into that many chunks of sample ranges, merged and
 *   summarised in one more job, as the server does).
 * Runs are interleaved; prints wall time min / median per setting and the speed-up of N workers over one
 * worker and over this thread, measured in the same run. The results of all three are checked to be equal.
 * Done for 10,000 samples (the size; the pool's fixed costs — the job's copy, the summary job —
 * are a visible share of a 150 ms run) and for 100,000 samples (where they are not).
 * The machine's own ceiling is measured in the same run: a loop of plain arithmetic over a 512 KB array,
 * split over 1 and over N bare worker threads (no pool, no data) — the speed-up N cores give to work that
 * shares nothing. The robustness speed-up is printed next to it as a share of that ceiling.
 * Never passes or fails.
 * Run: npx ts-node --transpile-only bench/robustness-scaling.ts [repetitions]
 */
import os from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { Worker } from 'node:worker_threads';
import { robustness, type RobustnessResult } from '../src/engine';
import { WorkerPool } from '../src/planning/worker-pool';
import { loadBenchData, median } from './engine-data';

const reps = Math.max(1, Number(process.argv[2] ?? 5) || 5);

/** A worker that runs `units` million steps of arithmetic over its own 512 KB array when asked. */
const CEILING_WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (units) => {
  const a = new Float64Array(1 << 16);
  let x = 0;
  for (let i = 0; i < units * 1e6; i++) { const j = i & 65535; a[j] = a[j] * 0.5 + i; x += a[(j * 7) & 65535]; }
  parentPort.postMessage(x);
});`;

/** The machine's ceiling: median wall time of 200 M steps on 1 worker and split over `cores` workers, interleaved. */
async function ceiling(cores: number, reps: number): Promise<{ one: number; many: number }> {
  const workers = Array.from({ length: cores }, () => new Worker(CEILING_WORKER, { eval: true }));
  const run = (k: number): Promise<unknown[]> => Promise.all(workers.slice(0, k).map((w) => new Promise((done) => { w.once('message', done); w.postMessage(200 / k); })));
  await run(cores);
  const one: number[] = [];
  const many: number[] = [];
  for (let rep = 0; rep < reps; rep++) {
    let t = performance.now();
    await run(1);
    one.push(performance.now() - t);
    t = performance.now();
    await run(cores);
    many.push(performance.now() - t);
  }
  await Promise.all(workers.map((w) => w.terminate()));
  return { one: median(one), many: median(many) };
}

async function main(): Promise<void> {
  const data = loadBenchData();
  const cores = Math.max(2, os.availableParallelism());
  const one = new WorkerPool({ size: 1 });
  const many = new WorkerPool({ size: cores });
  console.log(`robustness scaling on ${data.label}: ${data.municipalities.length} municipalities, ${os.availableParallelism()} processors (${os.cpus()[0]?.model ?? '?'}); load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  const before = await ceiling(cores, reps);
  console.log(`machine ceiling (arithmetic, no data, ${reps} interleaved runs): 1 worker median ${before.one.toFixed(0)} ms, ${cores} workers ${before.many.toFixed(0)} ms: ${(before.one / before.many).toFixed(2)}×`);
  const ceilingSpeedup = before.one / before.many;
  for (const samples of [10000, 100000]) {
    for (const method of ['wsm', 'topsis'] as const) {
      const job = { municipalities: data.municipalities, rankOptions: { method }, options: { samples, setSamples: 1000, seed: 7, k: 20 } };
      const settings: [string, () => Promise<RobustnessResult>][] = [
        ['this thread', async () => robustness(job.municipalities, job.rankOptions, job.options)],
        ['1 worker', () => one.robustness(job)],
        [`${cores} workers`, () => many.robustness(job)],
      ];
      for (const [, run] of settings) await run(); // warm-up: JIT, worker start
      const wall = settings.map(() => [] as number[]);
      const results: RobustnessResult[] = [];
      for (let rep = 0; rep < reps; rep++) {
        for (let s = 0; s < settings.length; s++) {
          const t = performance.now();
          results[s] = await settings[s][1]();
          wall[s].push(performance.now() - t);
        }
      }
      const same = results.every((r) => isDeepStrictEqual(r, results[0]));
      const med = wall.map(median);
      const speedup = med[1] / med[2];
      console.log(
        `${method.padEnd(6)} ${samples.toLocaleString('en')} samples, ${reps} interleaved runs: ` +
          settings.map(([label], s) => `${label} min ${Math.min(...wall[s]).toFixed(0)} / median ${med[s].toFixed(0)} ms`).join('; ') +
          `; speed-up of ${cores} workers (median): ${speedup.toFixed(2)}× over 1 worker (${((100 * speedup) / ceilingSpeedup).toFixed(0)} % of the machine's ${ceilingSpeedup.toFixed(2)}×), ` +
          `${(med[0] / med[2]).toFixed(2)}× over this thread; results ${same ? 'identical' : 'DIFFERENT'}`,
      );
    }
  }
  await Promise.all([one.close(), many.close()]);
}

void main();
