/**
 * The heavy half of a matrix import, with no database: decode the file, read it (`travel-matrix-read.ts`),
 * check completeness against the current points, apply the cut-off rule of the built-in matrix
 * (`model/travel-matrix.ts`) and hash the file. A full matrix is 5 million pairs and 100–200 MB; this takes
 * seconds, so the web server runs it in a worker thread (`planning/heavy.ts`, bulk lane) and the request thread
 * keeps answering. Plain data in, plain data out (the matrix's typed arrays travel by structured clone).
 */
import crypto from 'node:crypto';
import { applyCutoff, DEFAULT_MARGIN_MIN, type TravelMatrix } from '../model/travel-matrix';
import { readMatrixCsv, readMatrixOsrm, MAX_PROBLEMS, type MatrixProblem, type MatrixTargets, type ReadPairs } from './travel-matrix-read';

export type MatrixFormat = 'csv' | 'osrm';

/** What the heavy half needs: the file's bytes and what to check them against. */
export interface MatrixPrepareJob {
  bytes: Uint8Array;
  fileName: string;
  /** Default: from the file name (`.json` → osrm, `.csv` → csv) or the content (`{` → osrm), else csv. */
  format?: MatrixFormat;
  points: MatrixTargets;
  /** Targets before this index are sites, the rest stations. */
  nSites: number;
}

export interface MatrixSummary { rowsInFile: number; demandPoints: number; targets: number; pairsRead: number; pairsKept: number }

/** The outcome: the problems (nothing to store), or the cut-off matrix with its summary and the file's hash. */
export type MatrixPrepared =
  | { status: 'rejected'; format: MatrixFormat; problems: MatrixProblem[]; moreProblems: number }
  | { status: 'ready'; format: MatrixFormat; matrix: TravelMatrix; summary: MatrixSummary; fileSha256: string };

function detectFormat(fileName: string, text: string): MatrixFormat {
  if (/\.json$/i.test(fileName)) return 'osrm';
  if (/\.csv$/i.test(fileName)) return 'csv';
  return text.trimStart().startsWith('{') ? 'osrm' : 'csv';
}

/** Completeness against the data: each demand point reaches a station, each target has a time. */
function completeness(pairs: ReadPairs, t: MatrixTargets, nSites: number, file: string): MatrixProblem[] {
  const reachesStation = new Uint8Array(t.demand.length);
  const hasTime = new Uint8Array(t.targets.length);
  for (let i = 0; i < pairs.row.length; i++) {
    hasTime[pairs.col[i]] = 1;
    if (pairs.col[i] >= nSites) reachesStation[pairs.row[i]] = 1;
  }
  const out: MatrixProblem[] = [];
  t.demand.forEach((d, i) => { if (!reachesStation[i]) out.push({ file, row: '(all)', column: 'from_id', code: 'noStationTime', params: { id: d.id } }); });
  t.targets.forEach((x, k) => { if (!hasTime[k]) out.push({ file, row: '(all)', column: 'to_id', code: k < nSites ? 'siteNoTime' : 'stationNoTime', params: { id: x.id } }); });
  return out;
}

/**
 * The pairs in compressed rows, minutes to 0.1 (the built-in matrix's precision), each row's columns in order;
 * then the cut-off rule. Counting sort by row: no per-pair objects.
 */
function cutMatrix(pairs: ReadPairs, t: MatrixTargets, nSites: number): TravelMatrix {
  const nRows = t.demand.length;
  const rowStart = new Int32Array(nRows + 1);
  for (let i = 0; i < pairs.row.length; i++) rowStart[pairs.row[i] + 1]++;
  for (let r = 0; r < nRows; r++) rowStart[r + 1] += rowStart[r];
  const fill = rowStart.slice(0, nRows);
  const order = new Int32Array(pairs.row.length);
  for (let i = 0; i < pairs.row.length; i++) order[fill[pairs.row[i]]++] = i;
  const cols = new Int32Array(pairs.row.length);
  const minutes = new Float32Array(pairs.row.length);
  for (let r = 0; r < nRows; r++) {
    const slice = Array.from(order.subarray(rowStart[r], rowStart[r + 1])).sort((a, b) => pairs.col[a] - pairs.col[b]);
    slice.forEach((i, n) => {
      cols[rowStart[r] + n] = pairs.col[i];
      minutes[rowStart[r] + n] = Math.round(pairs.minutes[i] * 10) / 10;
    });
  }
  const full: TravelMatrix = { rowIds: t.demand.map((d) => d.id), colIds: t.targets.map((x) => x.id), rowStart, cols, minutes };
  return applyCutoff(full, (c) => c >= nSites, DEFAULT_MARGIN_MIN).matrix;
}

/** Reads, checks and cuts a matrix file (see the file comment). */
export function prepareMatrix(job: MatrixPrepareJob): MatrixPrepared {
  const text = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength).toString('utf8');
  const format = job.format ?? detectFormat(job.fileName, text);
  const read = format === 'osrm' ? readMatrixOsrm(text, job.fileName, job.points) : readMatrixCsv(text, job.fileName, job.points);
  if ('problems' in read) return { status: 'rejected', format, problems: read.problems, moreProblems: read.more };
  const missing = completeness(read.pairs, job.points, job.nSites, job.fileName);
  if (missing.length) return { status: 'rejected', format, problems: missing.slice(0, MAX_PROBLEMS), moreProblems: Math.max(0, missing.length - MAX_PROBLEMS) };
  const matrix = cutMatrix(read.pairs, job.points, job.nSites);
  return {
    status: 'ready', format, matrix, fileSha256: crypto.createHash('sha256').update(job.bytes).digest('hex'),
    summary: { rowsInFile: read.pairs.rowsInFile, demandPoints: job.points.demand.length, targets: job.points.targets.length, pairsRead: read.pairs.row.length, pairsKept: matrix.cols.length },
  };
}
