/**
 * Bench (issue 11, application side): the proposal as the server computes it, on the committed data (357
 * municipalities, 1,477 candidate sites, the built-in land/sea matrix), through the planning service, not the bare
 * engine. Prints figures and their ratio to the targets; never passes or fails.
 *
 * 1. Re-rank + greedy preview (what the workspace asks on every slider move): `rankScenario` + `selectScenario`
 *    greedy, a different weight vector each repetition. Target ≤ 20 ms.
 * 2. The exact K = 20 proposal (coverage at 45 min), solved and stored: in this thread and in a worker thread (the
 *    server's path: the problem is posted to the worker). A different weight vector each repetition, so nothing is
 *    read from the store. Target ≤ 1 s.
 * 3. Robustness of the stored proposal, 1,000 samples, coverage objective, weights and travel error sampled, the
 *    proposal as sample 0: in this thread (one chunk), in a pool of two worker threads (two chunks of 500, what the
 *    server's interactive lane does), and the server's laned pool. A different seed each repetition. Target ≤ 2 s.
 *
 * Run: `npx ts-node --transpile-only bench/proposal.ts [repetitions]` (default 3 for the heavy parts).
 */
import os from 'node:os';
import { inProcessRunner, useHeavyRunner, type HeavyRunner } from '../src/planning/heavy';
import { LanedPool, WorkerPool } from '../src/planning/worker-pool';
import { rankScenario, selectScenario } from '../src/planning/service';
import { proposalFor, proposalRobustness } from '../src/planning/proposal';
import { scenarioParamsSchema, type ScenarioParams } from '../src/model/scenario';
import { planningContext } from '../src/planning/context';
import { siteProblem } from '../src/planning/site-problem';
import { memoryDb } from '../test/helpers/app';
import { median } from './engine-data';

const reps = Math.max(1, Number(process.argv[2] ?? 3));

/** The default scenario with one weight nudged, so each repetition has its own input key. */
function paramsFor(i: number, extra: Record<string, unknown> = {}): ScenarioParams {
  const base = scenarioParamsSchema.parse({});
  return scenarioParamsSchema.parse({ ...extra, weights: { ...base.weights, population: (base.weights.population ?? 1) + i / 1000 } });
}

function line(label: string, times: number[], targetMs: number): void {
  const m = median(times);
  console.log(`${label.padEnd(62)} median ${m.toFixed(1).padStart(8)} ms  min ${Math.min(...times).toFixed(1).padStart(8)} ms  ` +
    `(n = ${times.length}; target ${targetMs} ms, ratio ${(m / targetMs).toFixed(2)})`);
}

async function main(): Promise<void> {
  const db = memoryDb();
  let t = performance.now();
  const context = planningContext(db, 'builtin');
  const sp = siteProblem(context);
  console.log(`bench/proposal on the committed data: ${context.municipalities.length} municipalities, ${sp.sites.length} candidate sites, ` +
    `${sp.location.demandWeight.length} demand points; ${os.availableParallelism?.() ?? os.cpus().length} processors, load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log(`planning context and site problem (once per data revision): ${(performance.now() - t).toFixed(0)} ms`);

  // 1. Re-rank + greedy preview.
  useHeavyRunner(inProcessRunner);
  for (let i = 0; i < 3; i++) await selectScenario(db, paramsFor(1000 + i), 'greedy');
  const greedy: number[] = [];
  for (let i = 0; i < 20; i++) {
    const params = paramsFor(2000 + i);
    t = performance.now();
    rankScenario(db, params);
    await selectScenario(db, params, 'greedy');
    greedy.push(performance.now() - t);
  }
  line('re-rank + greedy preview (K = 20, coverage 45 min)', greedy, 20);

  // 2. Exact K = 20, solved and stored.
  await proposalFor(db, paramsFor(3000)); // loads HiGHS once per process
  const pool = new LanedPool();
  const exactHere: number[] = [];
  const exactWorker: number[] = [];
  const solverMs: number[] = [];
  let status = '';
  for (let i = 0; i < reps; i++) {
    useHeavyRunner(inProcessRunner);
    t = performance.now();
    const here = await proposalFor(db, paramsFor(4000 + i));
    exactHere.push(performance.now() - t);
    solverMs.push(here.proposal.solveMs);
    status = `${here.proposal.status} (${here.proposal.solverName}), gap ${here.proposal.gap}`;
    useHeavyRunner(pool);
    if (i === 0) await proposalFor(db, paramsFor(4500)); // starts the worker and loads HiGHS there
    t = performance.now();
    await proposalFor(db, paramsFor(5000 + i));
    exactWorker.push(performance.now() - t);
  }
  line(`exact K = 20 proposal, this thread (${status})`, exactHere, 1000);
  line('  of which the solver alone (solveMs)', solverMs, 1000);
  line('exact K = 20 proposal, in a worker thread (the server)', exactWorker, 1000);

  // 3. Robustness, 1,000 samples, coverage, weights + travel error, the proposal as sample 0.
  useHeavyRunner(inProcessRunner);
  const stored = (await proposalFor(db, paramsFor(6000))).proposal;
  const two = new WorkerPool({ size: 2 });
  const runs: [string, HeavyRunner, number][] = [
    ['robustness 1,000 samples, this thread (one chunk)', inProcessRunner, 1],
    ['robustness 1,000 samples, two worker threads (2 × 500)', two, reps],
    ['robustness 1,000 samples, the server\'s laned pool (interactive)', pool, reps],
  ];
  let seed = 100;
  await (async () => { useHeavyRunner(two); await proposalRobustness(db, stored, { samples: 50, seed: seed++, mode: 'around' }); })();
  for (const [label, runner, n] of runs) {
    useHeavyRunner(runner);
    const times: number[] = [];
    let stable = '';
    for (let i = 0; i < n; i++) {
      t = performance.now();
      const r = await proposalRobustness(db, stored, { samples: 1000, seed: seed++, mode: 'around' });
      times.push(performance.now() - t);
      const inSet = r.items.filter((it) => stored.selected.includes(it.kommunenummer));
      stable = `pInSet > 0 for ${inSet.filter((it) => it.pInSet > 0).length}/20, stable under both ${inSet.filter((it) => it.stableUnderBoth).length}/20`;
    }
    line(`${label}; ${stable}`, times, 2000);
  }
  useHeavyRunner(inProcessRunner);
  await Promise.all([pool.close(), two.close()]);
  db.close();
}

void main();
