/**
 * A small pool of worker threads (`node:worker_threads`) for heavy jobs, so a robustness run or an
 * exact solve never blocks the server's event loop: `/healthz` and pages stay fast while they run.
 *
 * - Workers never touch the database (tests use in-memory databases a worker could not see): a
 *   job is plain data. The location problem's typed arrays (≈3,000 demand points × 357 sites) are
 *   copied once per planning revision into SharedArrayBuffers, so each job passes them without a
 *   copy.
 * - At most `size` workers; jobs beyond that wait in a queue of at most `maxQueued`, after which
 *   `HeavyBusyError` is thrown (the web layer answers 503). Idle workers exit after `idleMs`;
 *   a worker that dies fails its job and is replaced on the next one.
 * - A robustness run of at least `2 × MIN_CHUNK_SAMPLES` samples is split into chunks of sample
 *   ranges, one per worker of its pool, run side by side (`robustnessCounts`; each sample has its own
 *   seeded generator, so the split does not change a figure), merged (`mergeRobustnessCounts`) and
 *   summarised in one more job.
 * - A travel matrix's file (up to 200 MB) is moved to the worker, not copied: its ArrayBuffer is in the
 *   message's transfer list (`ownBytes`), so the request thread spends no time cloning it and the caller's
 *   view of the bytes is empty (detached) once the job is posted.
 * - The server uses a `LanedPool`: up to two workers for the small runs pages wait for (a page's
 *   1,000-sample run in two chunks), the others for everything larger.
 */
import os from 'node:os';
import path from 'node:path';
import { Worker, type TransferListItem } from 'node:worker_threads';
import type { MatrixPrepareJob, MatrixPrepared } from '../import/travel-matrix-prepare';
import type { AnalysedText } from '../letters/analyse-text';
import { defaultRobustnessOptions, mergeRobustnessCounts, type LocationProblem, type RobustnessCounts, type RobustnessResult, type SelectionResult } from '../engine';
import { HeavyBusyError, type HeavyLane, type HeavyRunner, type RobustnessJob, type SelectJob } from './heavy';

/** A robustness run is split only when each chunk gets at least this many samples. */
export const MIN_CHUNK_SAMPLES = 200;

/**
 * Sample ranges [from, to) splitting `samples` into `parts` chunks of nearly equal work. A sample costs one
 * unit for its ranking, and the first `setSamples` samples `setWeight` units more for re-choosing the set
 * (`robustness.ts`), so when only some samples re-choose the set the first chunk is shorter. With every
 * sample re-choosing the set (or none) the chunks are equal in length.
 */
export function sampleRanges(samples: number, parts: number, setSamples = 0, setWeight = 0): [number, number][] {
  const n = Math.max(1, Math.min(parts, Math.floor(samples / MIN_CHUNK_SAMPLES)));
  const s = Math.max(0, Math.min(setSamples, samples));
  const total = samples + s * setWeight;
  // The sample index where the cumulative work k + setWeight · min(k, s) reaches `work`.
  const at = (work: number): number => Math.round(work <= s * (1 + setWeight) ? work / (1 + setWeight) : work - s * setWeight);
  const cut = (i: number): number => (i === 0 ? 0 : i === n ? samples : Math.min(samples, Math.max(0, at((i * total) / n))));
  return Array.from({ length: n }, (_, i) => [cut(i), cut(i + 1)] as [number, number]);
}

/**
 * Work of re-choosing the set in one sample, in ranking samples, measured on the real instance: under the
 * score objective about 9 µs against a ranking's 13–21 µs (10,000 samples with the set re-chosen in none and in
 * all of them, both aggregations; the set is read off the sample's ranking, `robust-sets.ts`); about 2.3 ms
 * (three families, travel sampled) under coverage (`bench/proposal-robustness.ts`). It only moves the cut
 * when fewer samples re-choose the set than are ranked.
 */
export function setSampleWeight(objective: string | undefined): number {
  return objective === undefined || objective === 'score' ? 0.45 : 90;
}

export interface PoolOptions {
  /** Worker threads (default: one less than the processors, at least 1; `STEDSVALG_WORKERS`). */
  size: number;
  /** Jobs that may wait for a worker before new ones are refused. */
  maxQueued: number;
  /** A worker idle this long exits. */
  idleMs: number;
  /** Heap limit of one worker, MB (a runaway job ends its worker, not the server). */
  maxHeapMb: number;
}

/** Default pool options. */
export const defaultPoolOptions: PoolOptions = {
  size: Number(process.env.STEDSVALG_WORKERS) > 0 ? Number(process.env.STEDSVALG_WORKERS) : Math.max(1, (os.availableParallelism?.() ?? os.cpus().length) - 1),
  maxQueued: 24,
  idleMs: 30_000,
  maxHeapMb: 1024,
};

type Kind = 'robustness' | 'robustnessChunk' | 'robustnessSummary' | 'select' | 'prepareMatrix' | 'analyseLetter' | 'docxText';
interface Task { id: number; kind: Kind; job: unknown; transfer: TransferListItem[]; resolve: (v: unknown) => void; reject: (e: Error) => void }
interface Slot { worker: Worker; task: Task | null; idle: NodeJS.Timeout | null }

const shared = new WeakMap<object, LocationProblem>();

/**
 * The location problem with every typed array moved into shared memory (cached per problem
 * object, i.e. per planning revision), so posting it to a worker copies no numbers.
 */
export function sharedLocation(location: LocationProblem): LocationProblem {
  const hit = shared.get(location);
  if (hit) return hit;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(location)) {
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
      const view = value as unknown as { byteLength: number; constructor: new (b: SharedArrayBuffer) => { set(a: ArrayLike<number>): void } };
      const copy = new view.constructor(new SharedArrayBuffer(view.byteLength));
      copy.set(value as unknown as ArrayLike<number>);
      out[key] = copy;
    } else out[key] = value;
  }
  const result = out as unknown as LocationProblem;
  shared.set(location, result);
  return result;
}

/**
 * The bytes as a view that spans an ArrayBuffer of its own, so that buffer can be moved (transferred) to a worker
 * instead of copied: the view itself when it spans the whole of a plain ArrayBuffer (multer's memory storage
 * concatenates an upload above 4 KB into one `Buffer.allocUnsafe` of its own), else a copy. A slice of Node's
 * shared Buffer pool or of a larger buffer is copied, never moved: moving it would empty the bytes around it too.
 * Who passes a whole buffer hands it over: it is detached once the job is posted.
 */
export function ownBytes(bytes: Uint8Array): Uint8Array {
  const whole = bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return whole ? bytes : new Uint8Array(bytes);
}

/** How to start a worker: the compiled `.js` in production, the `.ts` source through ts-node in tests and `ts-node` runs. */
function startWorker(maxHeapMb: number): Worker {
  const typescript = __filename.endsWith('.ts');
  const file = path.join(__dirname, `heavy-worker.${typescript ? 'ts' : 'js'}`);
  const resourceLimits = { maxOldGenerationSizeMb: maxHeapMb };
  if (!typescript) return new Worker(file, { resourceLimits });
  const project = path.resolve(__dirname, '..', '..');
  const boot = `require('ts-node').register({ transpileOnly: true, projectSearchDir: ${JSON.stringify(project)}, compilerOptions: { module: 'commonjs' } }); require(${JSON.stringify(file)});`;
  return new Worker(boot, { eval: true, resourceLimits });
}

/** A pool of worker threads running heavy jobs. */
export class WorkerPool implements HeavyRunner {
  private readonly options: PoolOptions;
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;

  constructor(options: Partial<PoolOptions> = {}) {
    this.options = { ...defaultPoolOptions, ...options };
  }

  /** Jobs running and waiting. */
  get load(): { running: number; queued: number; workers: number } {
    return { running: this.slots.filter((s) => s.task).length, queued: this.queue.length, workers: this.slots.length };
  }

  /** A robustness run, split into chunks across this pool's workers when it is large enough (see the file comment). */
  async robustness(job: RobustnessJob): Promise<RobustnessResult> {
    const shared = { ...job, location: job.location && sharedLocation(job.location) };
    const samples = job.options.samples ?? defaultRobustnessOptions.samples;
    const setSamples = job.options.setSamples ?? defaultRobustnessOptions.setSamples;
    const ranges = sampleRanges(samples, this.options.size, setSamples, setSampleWeight(job.options.selection?.objective));
    if (ranges.length === 1) return this.submit('robustness', shared) as Promise<RobustnessResult>;
    const chunks = await Promise.all(ranges.map((range) => this.submit('robustnessChunk', { ...shared, range }) as Promise<RobustnessCounts>));
    const counts = chunks.reduce(mergeRobustnessCounts);
    return this.submit('robustnessSummary', { ...shared, counts }) as Promise<RobustnessResult>;
  }

  select(job: SelectJob): Promise<SelectionResult> {
    const location = job.problem.location && sharedLocation(job.problem.location);
    return this.submit('select', { ...job, problem: { ...job.problem, location } }) as Promise<SelectionResult>;
  }

  /** Reads a matrix in a worker; the file's bytes are moved there (`ownBytes`), so `job.bytes` is empty afterwards. */
  prepareMatrix(job: MatrixPrepareJob): Promise<MatrixPrepared> {
    const bytes = ownBytes(job.bytes);
    return this.submit('prepareMatrix', { ...job, bytes }, [bytes.buffer as ArrayBuffer]) as Promise<MatrixPrepared>;
  }

  analyseLetter(text: string): Promise<AnalysedText> {
    return this.submit('analyseLetter', text) as Promise<AnalysedText>;
  }

  docxText(bytes: Uint8Array): Promise<string> {
    return this.submit('docxText', bytes) as Promise<string>;
  }

  /** Stops every worker; waiting and running jobs fail (a running job's promise would otherwise never settle). */
  async close(): Promise<void> {
    const closed = () => new Error('the worker pool was closed');
    for (const t of this.queue.splice(0)) t.reject(closed());
    const slots = this.slots.splice(0);
    for (const s of slots) {
      if (s.idle) clearTimeout(s.idle);
      s.task?.reject(closed());
      s.task = null;
    }
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private submit(kind: Kind, job: unknown, transfer: TransferListItem[] = []): Promise<unknown> {
    const busy = this.slots.filter((s) => s.task).length;
    if (busy >= this.options.size && this.queue.length >= this.options.maxQueued) throw new HeavyBusyError(this.queue.length);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, kind, job, transfer, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.task);
      if (!slot && this.slots.length < this.options.size) slot = this.spawn();
      if (!slot) return;
      const task = this.queue.shift()!;
      if (slot.idle) clearTimeout(slot.idle);
      slot.idle = null;
      slot.task = task;
      slot.worker.ref();
      slot.worker.postMessage({ id: task.id, kind: task.kind, job: task.job }, task.transfer);
    }
  }

  private spawn(): Slot {
    const worker = startWorker(this.options.maxHeapMb);
    const slot: Slot = { worker, task: null, idle: null };
    worker.on('message', (msg: { id: number; ok: boolean; result?: unknown; error?: string }) => {
      const task = slot.task;
      if (!task || task.id !== msg.id) return;
      this.release(slot);
      if (msg.ok) task.resolve(msg.result);
      else task.reject(new Error(msg.error ?? 'the computation failed'));
    });
    const fail = (err: Error) => {
      const task = slot.task;
      this.remove(slot);
      task?.reject(new Error(`a worker thread stopped: ${err.message}`));
      this.dispatch();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (this.slots.includes(slot)) fail(new Error(`exit code ${code}`));
    });
    this.slots.push(slot);
    return slot;
  }

  private release(slot: Slot): void {
    slot.task = null;
    slot.worker.unref();
    slot.idle = setTimeout(() => {
      this.remove(slot);
      void slot.worker.terminate();
    }, this.options.idleMs);
    slot.idle.unref();
    this.dispatch();
  }

  private remove(slot: Slot): void {
    if (slot.idle) clearTimeout(slot.idle);
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
  }
}

/** Workers of the interactive lane: two (a page's 1,000-sample run in two chunks), or one on a single processor. */
export const INTERACTIVE_WORKERS = Math.min(2, Math.max(1, os.availableParallelism?.() ?? os.cpus().length));

/**
 * How long the server keeps its preview worker after its last job (`previewIdleMs`; the others `idleMs`): a worker's
 * start takes about a second, and a planner who pauses over the map for a minute should not wait that long for the
 * next preview. An idle worker does not keep the process alive. Only the server asks for it: a test process makes a
 * pool per test file and keeps the default, so idle workers do not pile up there.
 */
export const PREVIEW_IDLE_MS = 10 * 60_000;

/** Options of a `LanedPool`: those of its pools, and the preview worker's idle time (default `idleMs`). */
export type LanedPoolOptions = Partial<PoolOptions> & { previewIdleMs?: number };

/**
 * Three pools behind one runner: jobs of the `interactive` lane (small runs that pages wait for) get
 * their own workers, so they never queue behind `bulk` jobs (large robustness runs, large exact solves),
 * and greedy previews (`preview`) one worker of their own, so they never queue behind either.
 */
export class LanedPool implements HeavyRunner {
  readonly preview: WorkerPool;
  readonly interactive: WorkerPool;
  readonly bulk: WorkerPool;

  constructor({ previewIdleMs, ...options }: LanedPoolOptions = {}) {
    this.preview = new WorkerPool({ ...options, size: 1, idleMs: previewIdleMs ?? options.idleMs ?? defaultPoolOptions.idleMs });
    this.interactive = new WorkerPool({ ...options, size: INTERACTIVE_WORKERS });
    this.bulk = new WorkerPool(options);
  }

  private lane(lane: HeavyLane | undefined): WorkerPool {
    return lane === 'preview' ? this.preview : lane === 'interactive' ? this.interactive : this.bulk;
  }

  robustness(job: RobustnessJob): Promise<RobustnessResult> {
    return this.lane(job.lane).robustness(job);
  }

  select(job: SelectJob): Promise<SelectionResult> {
    return this.lane(job.lane).select(job);
  }

  prepareMatrix(job: MatrixPrepareJob): Promise<MatrixPrepared> {
    return this.bulk.prepareMatrix(job);
  }

  /** A letter's reading and analysis take under a second for an ordinary letter and seconds for the longest: the bulk lane. */
  analyseLetter(text: string): Promise<AnalysedText> {
    return this.bulk.analyseLetter(text);
  }

  docxText(bytes: Uint8Array): Promise<string> {
    return this.bulk.docxText(bytes);
  }

  async close(): Promise<void> {
    await Promise.all([this.preview.close(), this.interactive.close(), this.bulk.close()]);
  }
}

let processPool: LanedPool | null = null;

/** The process's worker pools (created on first use, with `options`; workers start when the first job comes). */
export function processWorkerPool(options: LanedPoolOptions = {}): LanedPool {
  return (processPool ??= new LanedPool(options));
}
