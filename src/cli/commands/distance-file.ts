/**
 * Reading `locate --distances` as a whole: small files in one pass (`locate-distances.ts`), files of
 * 32 MB and more by several threads at once, each parsing its own stretch of whole lines straight
 * into one shared matrix (worker threads with `SharedArrayBuffer`s; the main thread parses the first
 * stretch and then waits with `Atomics.wait`, so the call stays synchronous). Each stretch keeps its
 * own duplicate bits and fixed-site minima, merged at the end; a pair listed in two stretches is a
 * duplicate too. Any refusal in any stretch, a pair listed twice across stretches, or a thread that
 * fails for any reason sends the file through one sequential pass, which either refuses it with the
 * message naming the first bad line, exactly as before, or reads it. So the result and every message
 * are the same as the sequential reader's; only the wall time differs.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CliUsageError } from '../types';
import { CHUNK, parseHeader, rangeBuffers, readRange, type DistanceMatrix, type DistanceTargets, type Header, type RangeBuffers } from './locate-distances';

/** Threads and the size from which they are used (tests force small files through the threads). */
export interface ParallelOptions {
  threads?: number;
  minParallelBytes?: number;
}

/** Files from this size on are read by several threads. */
const PARALLEL_MIN_BYTES = 32 << 20;
/** How far past a cut point the next line end is looked for (a longer line: one pass instead). */
const LOOKAHEAD = 1 << 16;

/** What a worker gets: the file, its stretch, the targets and where to write. */
export interface RangeJob {
  file: string;
  from: number;
  to: number;
  header: Header;
  chunkBytes: number;
  targets: { demandIds: readonly string[]; siteIds: readonly string[]; candidateOf: Int32Array; nCandidates: number };
  buffers: RangeBuffers;
  /** [state, rows] per worker slot: state 0 running, 1 done, 2 failed. */
  status: Int32Array;
  slot: number;
}

/**
 * Reads a distance file (see the file comment).
 * @param chunkBytes read size (default 4 MB; small values let tests cross chunk boundaries)
 * @param options threads (default: the machine's cores, at most 4) and the size from which they are used
 * @throws CliUsageError naming the file, line and column for an unknown id, a bad or negative
 *   distance, a pair listed twice or a missing column; or when the file cannot be read
 */
export function readDistanceFile(file: string, t: DistanceTargets, chunkBytes = CHUNK, options: ParallelOptions = {}): DistanceMatrix {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    throw new CliUsageError(`cannot read distances file ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    const size = fstatSync(fd).size;
    const threads = options.threads ?? Math.min(4, availableParallelism());
    if (threads > 1 && size >= (options.minParallelBytes ?? PARALLEL_MIN_BYTES)) {
      const read = readParallel(fd, file, t, chunkBytes, size, threads);
      if (read) return read;
    }
    return readRange(fd, file, t, chunkBytes, { from: 0, to: size, header: null });
  } finally {
    closeSync(fd);
  }
}

/** The offset just past the first line end at or after `at`, or −1 when none is near. */
function lineEndAfter(fd: number, at: number, size: number): number {
  const buf = Buffer.alloc(Math.min(LOOKAHEAD, size - at));
  const got = readSync(fd, buf, 0, buf.length, at);
  const i = buf.subarray(0, got).indexOf(0x0a);
  return i < 0 ? -1 : at + i + 1;
}

/** Stretches of whole lines after the header, or null when a cut finds no line end nearby. */
function stretches(fd: number, size: number, threads: number): { header: string; cuts: number[] } | null {
  const first = lineEndAfter(fd, 0, size);
  if (first < 0) return null;
  const head = Buffer.alloc(first);
  readSync(fd, head, 0, first, 0);
  const cuts = [first];
  for (let k = 1; k < threads; k++) {
    const at = first + Math.floor(((size - first) * k) / threads);
    const cut = at <= cuts[cuts.length - 1] ? cuts[cuts.length - 1] : lineEndAfter(fd, at - 1, size);
    if (cut < 0) return null;
    cuts.push(cut);
  }
  cuts.push(size);
  return { header: head.toString('utf8').replace(/\r?\n$/, ''), cuts };
}

/** How a worker starts: the compiled `.js`, or the `.ts` source through ts-node in tests; a failure to start still reports. */
function startWorker(job: RangeJob): Worker {
  const typescript = __filename.endsWith('.ts');
  const file = path.join(__dirname, `locate-distances-worker.${typescript ? 'ts' : 'js'}`);
  const project = path.resolve(__dirname, '..', '..', '..');
  const register = typescript
    ? `require('ts-node').register({ transpileOnly: true, projectSearchDir: ${JSON.stringify(project)}, compilerOptions: { module: 'commonjs' } });`
    : '';
  const boot = `const { workerData } = require('node:worker_threads');
const s = workerData.status, i = 2 * workerData.slot;
try { ${register} require(${JSON.stringify(file)}).runRange(workerData); } catch (e) { Atomics.store(s, i, 2); }
finally { if (Atomics.load(s, i) === 0) Atomics.store(s, i, 2); Atomics.notify(s, i); }`;
  const w = new Worker(boot, { eval: true, workerData: job });
  w.unref();
  return w;
}

/** The parallel read (see the file comment); null when the file must go through one pass instead. */
function readParallel(fd: number, file: string, t: DistanceTargets, chunkBytes: number, size: number, threads: number): DistanceMatrix | null {
  const plan = stretches(fd, size, threads);
  if (!plan) return null;
  const header = parseHeader(file, plan.header);
  const main = rangeBuffers(t, true);
  const buffers = [main, ...plan.cuts.slice(2).map(() => rangeBuffers(t, true, main.candidate))];
  const status = new Int32Array(new SharedArrayBuffer(8 * buffers.length));
  const targets = { demandIds: t.demandIds, siteIds: t.siteIds, candidateOf: t.candidateOf, nCandidates: t.nCandidates };
  for (let k = 1; k < buffers.length; k++) {
    startWorker({ file, from: plan.cuts[k], to: plan.cuts[k + 1], header, chunkBytes, targets, buffers: buffers[k], status, slot: k });
  }
  let ok = true;
  let rows = 0;
  try {
    rows = readRange(fd, file, t, chunkBytes, { from: plan.cuts[0], to: plan.cuts[1], header, buffers: main }).rows;
  } catch {
    ok = false;
  }
  for (let k = 1; k < buffers.length; k++) {
    while (Atomics.load(status, 2 * k) === 0) Atomics.wait(status, 2 * k, 0);
    if (Atomics.load(status, 2 * k) !== 1) ok = false;
    rows += Atomics.load(status, 2 * k + 1);
  }
  if (!ok || overlaps(buffers)) return readRange(fd, file, t, chunkBytes, { from: 0, to: size, header: null });
  const fixedNearest = new Float64Array(t.demandIds.length).fill(Infinity);
  for (const b of buffers) for (let i = 0; i < fixedNearest.length; i++) if (b.fixedNearest[i] < fixedNearest[i]) fixedNearest[i] = b.fixedNearest[i];
  return { candidate: main.candidate, fixedNearest, rows };
}

/** Whether two stretches listed the same pair. */
function overlaps(buffers: readonly RangeBuffers[]): boolean {
  if (buffers.length < 2) return false;
  const any = new Uint8Array(buffers[0].seen.length);
  for (const b of buffers) {
    for (let i = 0; i < any.length; i++) {
      if (any[i] & b.seen[i]) return true;
      any[i] |= b.seen[i];
    }
  }
  return false;
}
