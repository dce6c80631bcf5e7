/**
 * Bench (issue 11): robustness of the stored default proposal, 1,000 samples of the coverage objective with weights
 * and travel error sampled (the proposal as sample 0), in this thread and in a pool of two worker threads (2 × 500,
 * the server's interactive lane). Prints wall and CPU time (process.cpuUsage: all threads of the process, the
 * steadier figure on a shared machine) per run; target ≤ 2 s wall with workers. Never passes or fails.
 * `--out FILE` writes the last result as JSON (to compare two builds byte for byte, e.g. a checkout of main).
 * Run: npx ts-node --transpile-only bench/proposal-robustness.ts [repetitions] [--out FILE]
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { inProcessRunner, useHeavyRunner, type HeavyRunner } from '../src/planning/heavy';
import { WorkerPool } from '../src/planning/worker-pool';
import { proposalFor, proposalRobustness } from '../src/planning/proposal';
import { scenarioParamsSchema } from '../src/model/scenario';
import { memoryDb } from '../test/helpers/app';
import { median } from './engine-data';

const reps = Math.max(1, Number(process.argv[2] ?? 3) || 3);
const outAt = process.argv.indexOf('--out');

async function main(): Promise<void> {
  const db = memoryDb();
  useHeavyRunner(inProcessRunner);
  const stored = (await proposalFor(db, scenarioParamsSchema.parse({}))).proposal;
  const two = new WorkerPool({ size: 2 });
  console.log(`robustness of the default proposal, 1,000 samples, coverage, weights + travel error; load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  let seed = 100;
  let last: unknown = null;
  for (const [label, runner] of [['this thread (one chunk)', inProcessRunner], ['two worker threads (2 × 500)', two]] as [string, HeavyRunner][]) {
    useHeavyRunner(runner);
    await proposalRobustness(db, stored, { samples: 50, seed: 1, mode: 'around' }); // warm-up (workers, JIT)
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < reps; i++) {
      const c0 = process.cpuUsage();
      const t = performance.now();
      last = await proposalRobustness(db, stored, { samples: 1000, seed: seed++, mode: 'around' });
      wall.push(performance.now() - t);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    console.log(`${label.padEnd(30)} wall median ${median(wall).toFixed(0)} ms (min ${Math.min(...wall).toFixed(0)}), CPU median ${median(cpu).toFixed(0)} ms (min ${Math.min(...cpu).toFixed(0)}); n = ${reps}, target 2000 ms wall`);
  }
  if (outAt > 0) writeFileSync(process.argv[outAt + 1], JSON.stringify({ ...(last as object), createdAt: null }));
  useHeavyRunner(inProcessRunner);
  await two.close();
  db.close();
}

void main();
