/**
 * Ranking many score vectors fast (robustness samples): a bucket + insertion sort on quantised scores
 * with the static tie-break packed into the low bits, and nearest-rank percentiles from rank histograms.
 * Tie-break as in `rank.ts`: score descending, then population descending, then id ascending.
 */

/**
 * A fast sorter: each score is quantised to an unsigned integer (resolution 100 / 2^(32 − b) points,
 * b = bits for the tie-break position, about 1e-5 points for 357 items) and packed above the
 * tie-break position, so the keys are distinct and their ascending order is the ranking. The keys are
 * spread over n buckets by their value between this call's smallest and largest key (one counting
 * pass; buckets are monotone in the key), and an insertion sort then orders what is left inside the
 * buckets: O(n) for scores spread like real rankings, O(n²) only if nearly all scores crowd into one
 * bucket's width. Same keys as before, so the same order as any correct sort of them.
 */
export function rankSorter(tieRank: Int32Array, scores: Float64Array, order: Int32Array): () => void {
  const n = tieRank.length;
  let tieBits = 1;
  while (1 << tieBits < n) tieBits++;
  const byTie = new Int32Array(n);
  tieRank.forEach((r, i) => (byTie[r] = i));
  const st: SortState = {
    n, tieRank, byTie, qMax: 2 ** (32 - tieBits) - 1, tieMask: (1 << tieBits) - 1,
    keys: new Uint32Array(n), sorted: new Uint32Array(n), start: new Int32Array(n + 1), bucket: new Int32Array(n),
  };
  return () => sortInto(st, scores, order);
}

interface SortState {
  n: number;
  tieRank: Int32Array;
  byTie: Int32Array;
  qMax: number;
  tieMask: number;
  keys: Uint32Array;
  sorted: Uint32Array;
  start: Int32Array;
  bucket: Int32Array;
}

/** One sort (module-level, so V8 optimises it once per process; see `rankSorter`). */
function sortInto(st: SortState, scores: Float64Array, order: Int32Array): void {
  const { n, tieRank, qMax, tieMask, keys, sorted, start, bucket } = st;
  let kMin = 0xffffffff;
  let kMax = 0;
  for (let i = 0; i < n; i++) {
    const v = scores[i];
    const q = v === v ? Math.min(qMax, Math.max(0, Math.round(((100 - v) / 100) * qMax))) : qMax; // NaN ranks last
    const key = (q * (tieMask + 1) + tieRank[i]) >>> 0;
    keys[i] = key;
    if (key < kMin) kMin = key;
    if (key > kMax) kMax = key;
  }
  const scale = n / (kMax - kMin + 1);
  start.fill(0);
  for (let i = 0; i < n; i++) {
    const b = Math.min(n - 1, Math.floor((keys[i] - kMin) * scale));
    bucket[i] = b;
    start[b + 1]++;
  }
  for (let b = 1; b <= n; b++) start[b] += start[b - 1];
  for (let i = 0; i < n; i++) sorted[start[bucket[i]]++] = keys[i];
  for (let r = 1; r < n; r++) {
    const key = sorted[r];
    let at = r - 1;
    while (at >= 0 && sorted[at] > key) {
      sorted[at + 1] = sorted[at];
      at--;
    }
    sorted[at + 1] = key;
  }
  for (let r = 0; r < n; r++) order[r] = st.byTie[sorted[r] & tieMask];
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

