/**
 * Heavy computations (robustness sampling, exact selection, reading an imported travel matrix, reading and analysing a letter) behind one small interface, so the web
 * server can run them in worker threads (`worker-pool.ts`) while the CLI and tests of the engine
 * run them in this thread. Jobs are plain data: the pure engine (or the matrix reader) runs on them, no database.
 */
import { robustness, robustnessCounts, selectSites, summarizeRobustness } from '../engine';
import { BusyError } from '../common/errors';
import { prepareMatrix, type MatrixPrepareJob, type MatrixPrepared } from '../import/travel-matrix-prepare';
import { analyseText, type AnalysedText } from '../letters/analyse-text';
import { mammothText } from '../letters/extract';
import type {
  LocationProblem, MunicipalityInput, RankOptions, RobustnessCounts, RobustnessOptions, RobustnessResult, SelectionOptions, SelectionProblem,
  SelectionResult,
} from '../engine';

/**
 * Which queue a job waits in: `preview` for the workspace's greedy preview (a few hundred ms at most, asked for
 * after every change of the form), `interactive` for the small runs pages and the workspace make (the
 * profile's and the workspace's 1,000-sample robustness, exact solves up to K = 40), `bulk` for everything
 * larger. A server gives each its own workers, so a page never waits behind someone's 5,000-sample runs and a
 * preview never waits behind the previous change's robustness run.
 */
export type HeavyLane = 'preview' | 'interactive' | 'bulk';

/** Inputs of one robustness run (see `engine/robustness.ts`). */
export interface RobustnessJob {
  municipalities: readonly MunicipalityInput[];
  rankOptions: RankOptions;
  options: Partial<RobustnessOptions>;
  location?: LocationProblem;
  lane?: HeavyLane;
}

/** One chunk of a robustness run: the sample indices [from, to) (see `robustnessCounts`). */
export interface RobustnessChunkJob extends RobustnessJob {
  range: readonly [number, number];
}

/** The last step of a chunked run: the merged counts into the result (see `summarizeRobustness`). */
export interface RobustnessSummaryJob extends RobustnessJob {
  counts: RobustnessCounts;
}

/** Inputs of one exact selection (see `engine/select.ts`). */
export interface SelectJob {
  problem: SelectionProblem;
  options: Partial<SelectionOptions>;
  lane?: HeavyLane;
}

/** The lane of a robustness run: interactive up to 1,000 samples (what pages ask for), bulk above. */
export function robustnessLane(samples: number): HeavyLane {
  return samples <= 1000 ? 'interactive' : 'bulk';
}

/** Runs heavy jobs somewhere: in this thread or in worker threads. */
export interface HeavyRunner {
  robustness(job: RobustnessJob): Promise<RobustnessResult>;
  select(job: SelectJob): Promise<SelectionResult>;
  /**
   * The heavy half of a travel-matrix import (always the bulk lane: seconds for a full matrix). A worker pool moves
   * the file's bytes to its worker (no copy of up to 200 MB): the caller must not use `job.bytes` afterwards.
   */
  prepareMatrix(job: MatrixPrepareJob): Promise<MatrixPrepared>;
  /** The analysis of one letter's extracted text (`letters/analyse-text.ts`; up to seconds for a long letter). */
  analyseLetter(text: string): Promise<AnalysedText>;
  /** The raw text of a DOCX letter that passed the zip-bomb guard (`letters/extract.ts`; seconds for a long one). */
  docxText(bytes: Uint8Array): Promise<string>;
}

/** Thrown when too many heavy jobs are waiting; the web layer answers 503 with Retry-After. */
export class HeavyBusyError extends BusyError {
  constructor(readonly queued: number) {
    super({ key: 'err.busy' });
  }
}

/** Runs jobs in the calling thread (the CLI, and anything without a pool). */
export const inProcessRunner: HeavyRunner & {
  robustnessChunk(job: RobustnessChunkJob): RobustnessCounts;
  robustnessSummary(job: RobustnessSummaryJob): RobustnessResult;
} = {
  robustness: async (job) => robustness(job.municipalities, job.rankOptions, job.options, job.location),
  select: (job) => selectSites(job.problem, job.options),
  prepareMatrix: async (job) => prepareMatrix(job),
  analyseLetter: async (text) => analyseText(text),
  docxText: mammothText,
  robustnessChunk: (job) => robustnessCounts(job.municipalities, job.rankOptions, job.options, job.location, job.range),
  robustnessSummary: (job) => summarizeRobustness(job.municipalities, job.rankOptions, job.options, job.counts, job.location),
};

let current: HeavyRunner = inProcessRunner;

/** Chooses where heavy jobs run from now on (the web app installs its worker pool). */
export function useHeavyRunner(runner: HeavyRunner): void {
  current = runner;
}

/** Where heavy jobs run. */
export function heavyRunner(): HeavyRunner {
  return current;
}
