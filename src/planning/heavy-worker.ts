/**
 * Worker-thread side of `worker-pool.ts`: receives a job (plain data; typed arrays of the location
 * problem in shared memory), runs the pure engine through `inProcessRunner`, posts the result back.
 * It never opens the database.
 */
import { parentPort } from 'node:worker_threads';
import type { MatrixPrepareJob } from '../import/travel-matrix-prepare';
import { inProcessRunner, type RobustnessChunkJob, type RobustnessJob, type RobustnessSummaryJob, type SelectJob } from './heavy';

type Request =
  | { id: number; kind: 'robustness'; job: RobustnessJob }
  | { id: number; kind: 'robustnessChunk'; job: RobustnessChunkJob }
  | { id: number; kind: 'robustnessSummary'; job: RobustnessSummaryJob }
  | { id: number; kind: 'select'; job: SelectJob }
  | { id: number; kind: 'prepareMatrix'; job: MatrixPrepareJob }
  | { id: number; kind: 'analyseLetter'; job: string }
  | { id: number; kind: 'docxText'; job: Uint8Array };

async function run(msg: Request): Promise<unknown> {
  if (msg.kind === 'robustness') return inProcessRunner.robustness(msg.job);
  if (msg.kind === 'robustnessChunk') return inProcessRunner.robustnessChunk(msg.job);
  if (msg.kind === 'robustnessSummary') return inProcessRunner.robustnessSummary(msg.job);
  if (msg.kind === 'prepareMatrix') return inProcessRunner.prepareMatrix(msg.job);
  if (msg.kind === 'analyseLetter') return inProcessRunner.analyseLetter(msg.job);
  if (msg.kind === 'docxText') return inProcessRunner.docxText(msg.job);
  return inProcessRunner.select(msg.job);
}

parentPort?.on('message', async (msg: Request) => {
  try {
    const result = await run(msg);
    parentPort?.postMessage({ id: msg.id, ok: true, result });
  } catch (err) {
    parentPort?.postMessage({ id: msg.id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
});
