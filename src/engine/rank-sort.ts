/**
 * Ranking many score vectors fast (robustness samples): a radix sort on quantised scores with the
 * static tie-break packed into the low bits, and nearest-rank percentiles from rank histograms.
 * Tie-break as in `rank.ts`: score descending, then population descending, then id ascending.
 */

/**
 * A fast sorter: each score is quantised to an unsigned integer (resolution 100 / 2^(32 − b) points,
 * b = bits for the tie-break position, about 1e-5 points for 357 items) and packed above the
 * tie-break position; an LSD radix sort (4 passes of 8 bits) then orders the keys in O(n).
 */
export function rankSorter(tieRank: Int32Array, scores: Float64Array, order: Int32Array): () => void {
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
    for (let i = 0; i < n; i++) {
      const q = Math.min(qMax, Math.max(0, Math.round(((100 - scores[i]) / 100) * qMax)));
      keys[i] = (q * (tieMask + 1) + tieRank[i]) >>> 0;
    }
    for (let shift = 0; shift < 32; shift += 8) {
      counts.fill(0);
      for (let i = 0; i < n; i++) counts[(keys[i] >>> shift) & 255]++;
      for (let b = 1; b < 256; b++) counts[b] += counts[b - 1];
      for (let i = n - 1; i >= 0; i--) tmp[--counts[(keys[i] >>> shift) & 255]] = keys[i];
      const swap = keys;
      keys = tmp;
      tmp = swap;
    }
    for (let r = 0; r < n; r++) order[r] = byTie[keys[r] & tieMask];
  };
}

/** Position of each item in the static tie-break order (population desc, id asc). */
export function tieBreakRank(ids: readonly string[], population: Float64Array): Int32Array {
  const idx = Array.from({ length: ids.length }, (_, i) => i).sort(
    (a, b) => population[b] - population[a] || (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0),
  );
  const rank = new Int32Array(ids.length);
  idx.forEach((i, r) => (rank[i] = r));
  return rank;
}

/** Nearest-rank percentile p (0–1) of item i's rank from its row of the n × n rank histogram (1-based rank). */
export function percentileRank(hist: Int32Array, i: number, n: number, samples: number, p: number): number {
  const target = Math.max(1, Math.ceil(p * samples));
  let cum = 0;
  for (let r = 0; r < n; r++) {
    cum += hist[i * n + r];
    if (cum >= target) return r + 1;
  }
  return n;
}

