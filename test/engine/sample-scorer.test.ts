/**
 * The robustness hot loop's parts against straightforward reference implementations on seeded
 * inputs: the sample scorer against `weightedSumInto` / `topsisInto` (bit for bit), the bucket sorter
 * against a comparator sort of the same quantised keys, and the reseeded generator against a fresh one
 * and against the mulberry32 closure the engine used before.
 */
import { columnRanges, topsisInto, weightedSumInto } from '../../src/engine/aggregate';
import { createRng } from '../../src/engine/random';
import { rankSorter, sortByScore, tieBreakRank } from '../../src/engine/rank-sort';
import { createSampleScorer, scoreSample } from '../../src/engine/sample-scorer';

/** A seeded matrix with missing values (some rows entirely), repeated rows and values at 0 and 1. */
function matrix(n: number, m: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const out = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < m; c++) {
      const u = rng.next();
      out[i * m + c] = u < 0.15 ? NaN : u < 0.2 ? 0 : u < 0.25 ? 1 : rng.next();
    }
    if (i % 17 === 5) for (let c = 0; c < m; c++) out[i * m + c] = NaN;
    if (i % 11 === 3 && i > 0) out.copyWithin(i * m, (i - 1) * m, i * m);
  }
  return out;
}

const sameBits = (a: Float64Array, b: Float64Array): boolean => a.every((v, i) => Object.is(v, b[i]));

describe('sample scorer', () => {
  test('When scoring many seeded weight vectors, then the scores equal the plain weighted sum and TOPSIS bit for bit', () => {
    for (const [n, m, seed] of [[60, 5, 1], [357, 8, 2], [200, 3, 3]] as const) {
      const x = matrix(n, m, seed);
      const { lo, hi } = columnRanges(x, n, m);
      const wsm = createSampleScorer(x, n, m, 'wsm');
      const topsis = createSampleScorer(x, n, m, 'topsis');
      const rng = createRng(seed + 100);
      const w = new Float64Array(m);
      const [fast, plain] = [new Float64Array(n), new Float64Array(n)];
      for (let k = 0; k < 200; k++) {
        rng.dirichlet(Float64Array.from({ length: m }, (_, c) => (c === 0 && k % 5 === 0 ? 0 : 1)), w);
        scoreSample(wsm, w, fast);
        weightedSumInto(x, n, m, w, plain, null);
        expect(sameBits(fast, plain)).toBe(true);
        scoreSample(topsis, w, fast);
        topsisInto(x, n, m, w, lo, hi, plain, null);
        expect(sameBits(fast, plain)).toBe(true);
      }
    }
  });
});

/** The reference ranking: the same quantised keys, ordered by a comparator sort. */
function referenceOrder(scores: Float64Array, tieRank: Int32Array): number[] {
  const n = scores.length;
  let tieBits = 1;
  while (1 << tieBits < n) tieBits++;
  const qMax = 2 ** (32 - tieBits) - 1;
  const q = (i: number) => (Number.isNaN(scores[i]) ? qMax : Math.min(qMax, Math.max(0, Math.round(((100 - scores[i]) / 100) * qMax))));
  return Array.from({ length: n }, (_, i) => i).sort((a, b) => q(a) - q(b) || tieRank[a] - tieRank[b]);
}

describe('rank sorter', () => {
  test('When scores are spread, crowded, tied, out of range or missing, then the order equals a comparator sort (NaN last) of the same keys', () => {
    const rng = createRng(9);
    for (const n of [1, 2, 7, 357, 1000]) {
      const ids = Array.from({ length: n }, (_, i) => `id${(i * 7919) % 10007}`);
      const population = Float64Array.from({ length: n }, () => Math.floor(rng.next() * 50));
      const tieRank = tieBreakRank(ids, population);
      const scores = new Float64Array(n);
      const order = new Int32Array(n);
      const sorter = rankSorter(tieRank);
      let tieBits = 1;
      while (1 << tieBits < n) tieBits++;
      const half = 50 / (2 ** (32 - tieBits) - 1); // the score whose quantised value is exactly 0.5
      const ulp = 2 ** -46; // about one ulp of a score near 100
      const cases: ((i: number) => number)[] = [
        () => rng.next() * 100,
        () => 5 + rng.next() ** 4 * 60,
        () => 42,
        () => 42 + rng.next() * 1e-6,
        (i) => (i % 3 === 0 ? 0 : 99.9999 + rng.next() * 1e-4),
        (i) => (i % 5 === 0 ? NaN : i % 7 === 0 ? -3 : i % 11 === 0 ? 140 : rng.next() * 100),
        (i) => Math.round(rng.next() * 4) * 25 + (i % 2) * 1e-9,
        // Around the quantisation's rounding edges: x just below, at and above 0.5 and k + 0.5.
        (i) => 100 - half + ((i % 5) - 2) * ulp,
        (i) => 100 - half * (2 * (i % 40) + 1) + ((i % 3) - 1) * ulp,
      ];
      for (const f of cases) {
        for (let i = 0; i < n; i++) scores[i] = f(i);
        sortByScore(sorter, scores, order);
        expect(Array.from(order)).toEqual(referenceOrder(scores, tieRank));
      }
    }
  });
});

describe('reseeded generator', () => {
  /** The generator as the engine wrote it before (closure over a uint32), the reference. */
  function previousNext(seed: number): () => number {
    let state = Math.floor(seed) >>> 0;
    return () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  test('When reseeded, then it draws exactly what a fresh generator and the previous implementation draw', () => {
    const reused = createRng(0);
    const alpha = [0.3, 2, 7.5, 0];
    for (const seed of [0, 1, 42, 0x7fffffff, 0x80000000, 0xffffffff, 2 ** 40 + 3]) {
      reused.reseed(seed);
      const fresh = createRng(seed);
      const previous = previousNext(seed);
      for (let k = 0; k < 50; k++) expect(reused.next()).toBe(previous());
      for (let k = 0; k < 50; k++) fresh.next();
      expect(Array.from(reused.dirichlet(alpha, new Float64Array(4)))).toEqual(Array.from(fresh.dirichlet(alpha, new Float64Array(4))));
      expect(reused.normal()).toBe(fresh.normal());
    }
    expect(() => reused.reseed(NaN)).toThrow('seed must be a finite number');
  });
});
