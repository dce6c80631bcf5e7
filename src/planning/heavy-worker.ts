/**
 * Worker-thread side of `worker-pool.ts`: receives a job (plain data; typed arrays of the location
 * problem in shared memory), runs the pure engine through `inProcessRunner`, posts the result back.
 * It never opens the database.
 */
import { parentPort } from 'node:worker_threads';
import { inProcessRunner, type RobustnessJob, type SelectJob } from './heavy';

type Request = { id: number; kind: 'robustness'; job: RobustnessJob } | { id: number; kind: 'select'; job: SelectJob };

parentPort?.on('message', async (msg: Request) => {
  try {
    const result = msg.kind === 'robustness' ? await inProcessRunner.robustness(msg.job) : await inProcessRunner.select(msg.job);
    parentPort?.postMessage({ id: msg.id, ok: true, result });
  } catch (err) {
    parentPort?.postMessage({ id: msg.id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
});
