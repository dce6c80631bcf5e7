/**
 * A worker thread of the parallel distance reader (`distance-file.ts`): parses its stretch of the file
 * into the shared buffers, then reports rows read and success in the shared status (the boot code
 * there reports a failure, whatever it is, and wakes the waiting main thread).
 */
import { closeSync, openSync } from 'node:fs';
import type { RangeJob } from './distance-file';
import { readRange } from './locate-distances';

export function runRange(job: RangeJob): void {
  const fd = openSync(job.file, 'r');
  try {
    const out = readRange(fd, job.file, job.targets, job.chunkBytes, { from: job.from, to: job.to, header: job.header, buffers: job.buffers });
    Atomics.store(job.status, 2 * job.slot + 1, out.rows);
    Atomics.store(job.status, 2 * job.slot, 1);
  } finally {
    closeSync(fd);
  }
}
