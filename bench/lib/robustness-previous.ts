/**
 * The robustness sampler as it was before issue 15 (commit 8743728, src/engine/robustness.ts,
 * rank-sort.ts, aggregate.ts, random.ts), kept only as the reference the robustness bench times the
 * current engine against and checks it against: a new generator (closures) per sample, a column-major
 * weighted-sum scorer with the missing rows recomputed, the plain TOPSIS, and an LSD radix sort
 * (4 passes of 8 bits). Weights-only, one site per municipality, as `robustness()` runs by default.
 * Not used by the application.
 */
import { prepareRanking, type MunicipalityInput, type RankOptions } from '../../src/engine';
import { columnRanges, topsisInto } from '../../src/engine/aggregate';
import { tieBreakRank } from '../../src/engine/rank-sort';
import { setSampler } from '../../src/engine/robust-sets';

/** Counts comparable with the engine's `robustnessCounts` (rank histogram, top-K and set membership). */
export interface PreviousCounts { hist: Int32Array; inTopK: Int32Array; inSet: Int32Array }

function previousRng(seed: number): { dirichlet(alpha: Float64Array, out: Float64Array): void } {
  let state = Math.floor(seed) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => {
    for (;;) {
      const u = 2 * next() - 1;
      const v = 2 * next() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
    }
  };
  const gamma = (shape: number): number => {
    if (shape <= 0) return 0;
    if (shape < 1) return gamma(shape + 1) * Math.pow(1 - next(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = normal();
      const v0 = 1 + c * x;
      if (v0 <= 0) continue;
      const v = v0 * v0 * v0;
      const u = 1 - next();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  return {
    dirichlet(alpha, out) {
      let sum = 0;
      for (let i = 0; i < alpha.length; i++) sum += out[i] = gamma(alpha[i]);
      for (let i = 0; i < alpha.length; i++) out[i] = sum > 0 ? out[i] / sum : 0;
    },
  };
}

function previousWsmScorer(normalized: Float64Array, n: number, m: number): (weights: Float64Array, scores: Float64Array) => void {
  const columns = new Float64Array(n * m);
  const rowsWithMissing: number[] = [];
  for (let i = 0; i < n; i++) {
    let missing = false;
    for (let c = 0; c < m; c++) {
      const v = normalized[i * m + c];
      if (v !== v) missing = true;
      columns[c * n + i] = v !== v ? 0 : v;
    }
    if (missing) rowsWithMissing.push(i);
  }
  return (weights, scores) => {
    scores.fill(0);
    let total = 0;
    for (let c = 0; c < m; c++) {
      total += weights[c];
      if (weights[c] === 0) continue;
      for (let i = 0; i < n; i++) scores[i] += weights[c] * columns[c * n + i];
    }
    const scale = total > 0 ? 100 / total : 0;
    for (let i = 0; i < n; i++) scores[i] *= scale;
    for (const i of rowsWithMissing) {
      let wSum = 0;
      let s = 0;
      for (let c = 0; c < m; c++) {
        const v = normalized[i * m + c];
        if (v !== v) continue;
        wSum += weights[c];
        s += weights[c] * v;
      }
      scores[i] = wSum > 0 ? (100 * s) / wSum : 0;
    }
  };
}

function previousRadixSorter(tieRank: Int32Array, scores: Float64Array, order: Int32Array): () => void {
  const n = tieRank.length;
  let tieBits = 1;
  while (1 << tieBits < n) tieBits++;
  const qMax = 2 ** (32 - tieBits) - 1;
  const byTie = new Int32Array(n);
  tieRank.forEach((r, i) => (byTie[r] = i));
  let keys = new Uint32Array(n);
  let tmp = new Uint32Array(n);
  const counts = new Int32Array(256);
  const tieMask = (1 << tieBits) - 1;
  return () => {
    for (let i = 0; i < n; i++) keys[i] = (Math.min(qMax, Math.max(0, Math.round(((100 - scores[i]) / 100) * qMax))) * (tieMask + 1) + tieRank[i]) >>> 0;
    for (let shift = 0; shift < 32; shift += 8) {
      counts.fill(0);
      for (let i = 0; i < n; i++) counts[(keys[i] >>> shift) & 255]++;
      for (let b = 1; b < 256; b++) counts[b] += counts[b - 1];
      for (let i = n - 1; i >= 0; i--) tmp[--counts[(keys[i] >>> shift) & 255]] = keys[i];
      [keys, tmp] = [tmp, keys];
    }
    for (let r = 0; r < n; r++) order[r] = byTie[keys[r] & tieMask];
  };
}

/** The previous sampling loop over all samples (κ-around Dirichlet weights, set re-chosen in the first `setSamples`). */
export function previousRobustnessCounts(
  municipalities: readonly MunicipalityInput[], rankOptions: RankOptions, opts: { samples: number; setSamples: number; seed: number; k: number; concentration?: number },
): PreviousCounts {
  const prep = prepareRanking(municipalities, rankOptions);
  const n = municipalities.length;
  const active = prep.criteriaIds.map((_, c) => c).filter((c) => prep.weights[c] > 0);
  const m = active.length;
  const normalized = new Float64Array(n * m);
  for (let i = 0; i < n; i++) active.forEach((c, a) => (normalized[i * m + a] = prep.normalized[i * prep.criteriaIds.length + c]));
  const baseWeights = Float64Array.from(active, (c) => prep.weights[c]);
  const total = baseWeights.reduce((a, b) => a + b, 0);
  const alpha = Float64Array.from(baseWeights, (w) => ((opts.concentration ?? 50) * w) / total);
  const sites = municipalities.map((x, i) => ({ id: x.kommunenummer, kommunenummer: x.kommunenummer, municipality: i }));
  const set = setSampler(sites, prep.eligible, municipalities.map((x) => x.policeDistrict), opts.k, { objective: 'score' }, undefined, null, null);
  const { lo, hi } = columnRanges(normalized, n, m);
  const wsm = previousWsmScorer(normalized, n, m);
  const [w, scores, order] = [new Float64Array(m), new Float64Array(n), new Int32Array(n)];
  const sort = previousRadixSorter(tieBreakRank(prep.matrix.ids, prep.population), scores, order);
  const out: PreviousCounts = { hist: new Int32Array(n * n), inTopK: new Int32Array(n), inSet: new Int32Array(n) };
  for (let k = 0; k < opts.samples; k++) {
    if (k === 0) w.set(baseWeights);
    else previousRng((Math.imul(opts.seed | 0, 0x9e3779b1) ^ Math.imul(k + 1, 0x85ebca77) ^ Math.imul(1, 0xc2b2ae3d)) >>> 0).dirichlet(alpha, w);
    if (prep.options.method === 'topsis') topsisInto(normalized, n, m, w, lo, hi, scores, null);
    else wsm(w, scores);
    sort();
    let seen = 0;
    for (let r = 0; r < n; r++) {
      const i = order[r];
      out.hist[i * n + r]++;
      if (prep.eligible[i] && seen++ < opts.k) out.inTopK[i]++;
    }
    if (k < opts.setSamples) for (const j of set.choose(scores, null, false)) out.inSet[j]++;
  }
  return out;
}
