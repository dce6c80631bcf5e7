/**
 * OR-Library p-median instances (J. E. Beasley, "A note on solving large p-median problems", EJOR 21
 * (1985) 270–273; http://people.brunel.ac.uk/~mastjjb/jeb/orlib/pmedinfo.html): an undirected graph
 * as "n m p" and m edge lines "i j cost". As OR-Library prescribes, when an edge appears more than
 * once its last occurrence wins; the cost matrix is the all-pairs shortest path (Floyd 1962;
 * Warshall 1962). Every node is both a demand point (weight 1) and a candidate site.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface OrLibInstance {
  name: string;
  n: number;
  p: number;
  /** n × n shortest-path costs, row-major. */
  dist: Float64Array;
}

/** Official optima (Beasley, OR-Library pmedinfo). */
export const PMED_OPTIMA: Readonly<Record<string, number>> = {
  pmed1: 5819, pmed2: 4093, pmed3: 4250, pmed4: 3034, pmed5: 1355, pmed6: 7824, pmed7: 5631, pmed8: 4445, pmed9: 2734, pmed10: 1255,
  pmed11: 7696, pmed12: 6634, pmed13: 4374, pmed14: 2968, pmed15: 1729, pmed16: 8162, pmed17: 6999, pmed18: 4809, pmed19: 2845, pmed20: 1789,
};

/** Parses OR-Library text (last occurrence of an edge wins) and computes all-pairs shortest paths. */
export function parseOrLib(name: string, text: string): OrLibInstance {
  const numbers = text.trim().split(/\s+/).map(Number);
  const [n, m, p] = numbers;
  if (numbers.length < 3 + 3 * m) throw new Error(`${name}: expected ${m} edges`);
  const dist = new Float64Array(n * n).fill(Infinity);
  for (let i = 0; i < n; i++) dist[i * n + i] = 0;
  for (let e = 0; e < m; e++) {
    const [a, b, c] = numbers.slice(3 + 3 * e, 6 + 3 * e);
    dist[(a - 1) * n + (b - 1)] = c;
    dist[(b - 1) * n + (a - 1)] = c;
  }
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      const dik = dist[i * n + k];
      if (dik === Infinity) continue;
      for (let j = 0; j < n; j++) {
        const v = dik + dist[k * n + j];
        if (v < dist[i * n + j]) dist[i * n + j] = v;
      }
    }
  }
  return { name, n, p, dist };
}

/** Loads test/fixtures/orlib/<name>.txt. */
export function loadOrLib(name: string): OrLibInstance {
  return parseOrLib(name, readFileSync(join(__dirname, '..', 'fixtures', 'orlib', `${name}.txt`), 'utf8'));
}
