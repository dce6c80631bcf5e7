/**
 * Bench (issue 15): how robustness scales over cores. 10,000 weight samples of the real ranking (set
 * re-chosen for the score objective on the first 1,000), weighted sum and TOPSIS, run
 * - in this thread (one core, no workers: the figure of `engine-robustness.ts --issue15`),
 * - in a pool of one worker thread (the same work plus the job's copy and the worker's start),
 * - in a pool of `cores` worker threads (the run split into that many chunks of sample ranges, merged and
 *   summarised in one more job, as the server does).
 * Runs are interleaved; prints wall time min / median per setting and the speed-up of N workers over one
 * worker and over this thread, measured in the same run. The results of all three are checked to be equal.
 * Never passes or fails.
 * Run: npx ts-node --transpile-only bench/robustness-scaling.ts [repetitions]
 */
import os from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { robustness, type RobustnessResult } from '../src/engine';
import { WorkerPool } from '../src/planning/worker-pool';
import { loadBenchData, median } from './engine-data';

const reps = Math.max(1, Number(process.argv[2] ?? 5) || 5);

async function main(): Promise<void> {
  const data = loadBenchData();
  const cores = Math.max(2, os.availableParallelism());
  const one = new WorkerPool({ size: 1 });
  const many = new WorkerPool({ size: cores });
  console.log(`robustness scaling on ${data.label}: ${data.municipalities.length} municipalities, ${os.availableParallelism()} processors (${os.cpus()[0]?.model ?? '?'}); load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  for (const method of ['wsm', 'topsis'] as const) {
    const job = { municipalities: data.municipalities, rankOptions: { method }, options: { samples: 10000, setSamples: 1000, seed: 7, k: 20 } };
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
    console.log(
      `${method.padEnd(6)} 10,000 samples, ${reps} interleaved runs: ` +
        settings.map(([label], s) => `${label} min ${Math.min(...wall[s]).toFixed(0)} / median ${med[s].toFixed(0)} ms`).join('; ') +
        `; speed-up of ${cores} workers (median): ${(med[1] / med[2]).toFixed(2)}× over 1 worker, ${(med[0] / med[2]).toFixed(2)}× over this thread; results ${same ? 'identical' : 'DIFFERENT'}`,
    );
  }
  await Promise.all([one.close(), many.close()]);
}

void main();
