/**
 * Bench instances as `stedsvalg locate` input files (demand, sites, distances CSV), written once into
 * os.tmpdir() and reused. Every instance is seeded or published, so all tools read the same numbers:
 * - `box`: 20,000 demand points (weights 1–100) and 400 candidate sites uniform in a 500 × 500 km box,
 *   straight-line km (seed 400; the issue-15 instance, also the 8-million-row file of engine-read.ts);
 * - `sf`: PySAL spopt's San Francisco test data (205 tracts × 16 stores, network metres);
 * - `pmedN`: J. E. Beasley's OR-Library p-median instances (test/fixtures/orlib), every node a
 *   demand point (weight 1) and a site, shortest-path distances.
 */
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '../src/engine';
import { loadOrLib } from '../test/helpers/orlib';
import { sfLocateFiles } from '../test/helpers/spopt';

/** The three files of one instance. */
export interface LocateFiles {
  demand: string;
  sites: string;
  distances: string;
  rows: number;
}

const DIR = join(tmpdir(), 'stedsvalg-bench-instances');

/** Writes lines through a stream in blocks (backpressure respected). */
export async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  let buf: string[] = [];
  for (const line of lines) {
    buf.push(line);
    if (buf.length >= 10000) {
      if (!out.write(buf.join('\n') + '\n')) await new Promise<void>((r) => out.once('drain', () => r()));
      buf = [];
    }
  }
  out.write(buf.join('\n') + (buf.length ? '\n' : ''));
  await new Promise<void>((r) => out.end(() => r()));
}

/** The seeded box: points in km, demand weights 1–100 (same draws as engine-read.ts). */
export function boxPoints(nDemand = 20000, nSites = 400, seed = 400): { demand: number[][]; sites: number[][]; weights: number[] } {
  const rng = createRng(seed);
  const point = (): number[] => [rng.next() * 500, rng.next() * 500];
  const demand = Array.from({ length: nDemand }, point);
  const sites = Array.from({ length: nSites }, point);
  const weights = demand.map(() => 1 + Math.floor(rng.next() * 100));
  return { demand, sites, weights };
}

/** The box instance's files (straight-line km; 8,000,000 distance rows). */
export async function boxFiles(nDemand = 20000, nSites = 400): Promise<LocateFiles> {
  mkdirSync(DIR, { recursive: true });
  const tag = `box-${nDemand}x${nSites}`;
  const files = { demand: join(DIR, `${tag}-demand.csv`), sites: join(DIR, `${tag}-sites.csv`), distances: join(DIR, `${tag}-distances.csv`), rows: nDemand * nSites };
  if (existsSync(files.distances)) return files;
  const { demand, sites, weights } = boxPoints(nDemand, nSites);
  await writeLines(files.demand, ['id,weight,lon,lat', ...weights.map((w, i) => `d${i},${w},,`)]);
  await writeLines(files.sites, ['id,lon,lat,fixed', ...sites.map((_, j) => `s${j},,,0`)]);
  await writeLines(files.distances, (function* () {
    yield 'demand_id,site_id,distance';
    for (let i = 0; i < demand.length; i++) for (let j = 0; j < sites.length; j++) yield `d${i},s${j},${Math.hypot(demand[i][0] - sites[j][0], demand[i][1] - sites[j][1])}`;
  })());
  return files;
}

/** spopt's San Francisco case as locate files. */
export function sfFiles(): LocateFiles {
  return { ...sfLocateFiles(), rows: 205 * 16 };
}

/** An OR-Library instance as locate files (n² rows of shortest-path distances). */
export async function orLibFiles(name: string): Promise<LocateFiles & { n: number; p: number }> {
  mkdirSync(DIR, { recursive: true });
  const inst = loadOrLib(name);
  const { n, p, dist } = inst;
  const files = { demand: join(DIR, `${name}-demand.csv`), sites: join(DIR, `${name}-sites.csv`), distances: join(DIR, `${name}-distances.csv`), rows: n * n, n, p };
  if (existsSync(files.distances)) return files;
  await writeLines(files.demand, ['id,weight,lon,lat', ...Array.from({ length: n }, (_, i) => `${i + 1},1,,`)]);
  await writeLines(files.sites, ['id,lon,lat,fixed', ...Array.from({ length: n }, (_, j) => `${j + 1},,,0`)]);
  await writeLines(files.distances, (function* () {
    yield 'demand_id,site_id,distance';
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) yield `${i + 1},${j + 1},${dist[i * n + j]}`;
  })());
  return files;
}
