/**
 * Ranking many score vectors fast (robustness samples): a bucket + insertion sort on quantised scores
 * with the static tie-break packed into the low bits, and nearest-rank percentiles from rank histograms.
 * Tie-break as in `rank.ts`: score descending, then population descending, then id ascending.
 */

/** Most items a sorter ranks (the scratch buffers below are this long). */
export const MAX_RANKED = 65536;

// Scratch buffers shared by every sort in this thread (a sort is synchronous and leaves nothing in them
// that the next one reads). Module-level constants, so V8 compiles `sortByScore` with their addresses
// and lengths known: about 25 % faster than the same loops over buffers passed in or held by the sorter.
const KEYS = new Float64Array(MAX_RANKED);
const SORTED_KEYS = new Float64Array(MAX_RANKED);
const START = new Int32Array(MAX_RANKED + 1);
const BUCKET = new Int32Array(MAX_RANKED);

/**
 * A fast sorter: each score is quantised to an unsigned integer q (resolution 100 / 2^(32 − b) points,
 * b = bits for the tie-break position, about 1e-5 points for 357 items) and the key q · 2^b + tie-break
 * position is kept as an exact double, so the keys are distinct and their ascending order is the
 * ranking. The items are spread over n buckets by key between this call's smallest and largest key
 * (one counting pass; buckets are monotone in the key), and an insertion sort then orders what is left
 * inside the buckets, moving the key and the item together: O(n) for scores spread like real rankings,
 * O(n²) only if nearly all scores crowd into one bucket's width. Same keys as any correct sort of them,
 * so the same order.
 * @throws RangeError for more than `MAX_RANKED` items
 */
export function rankSorter(tieRank: Int32Array): RankSorter {
  const n = tieRank.length;
  if (n > MAX_RANKED) throw new RangeError(`a ranking of ${n} items is more than the ${MAX_RANKED} the sorter holds`);
  let tieBits = 1;
  while (1 << tieBits < n) tieBits++;
  return { tie: Float64Array.from(tieRank), qMax: 2 ** (32 - tieBits) - 1, mult: 2 ** tieBits };
}

/** A sorter: the items' tie-break positions and the quantisation. */
export interface RankSorter {
  /** Tie-break position of each item (its length is the number of items), as a double (added to q · mult). */
  readonly tie: Float64Array;
  readonly qMax: number;
  readonly mult: number;
}

/**
 * q = round(((100 − v) / 100) · qMax) clamped to [0, qMax], NaN → qMax (ranks last). Math.round is
 * slow in V8 and floor(x + 0.5) equals it exactly for 0.5 ≤ x < 2^52 (adding 0.5 is exact there or
 * lands in [2^j, 2^j + 0.5)); below 0.5 both give 0 after the clamp.
 */
function quantise(v: number, qMax: number): number {
  if (v !== v) return qMax;
  const x = ((100 - v) / 100) * qMax;
  return x < 0.5 ? 0 : x >= qMax ? qMax : Math.floor(x + 0.5);
}

/**
 * Writes into `order` the items by rank (best first) for `scores` (length n); no allocation. A plain
 * module-level function called directly, not a closure per sorter: V8 then optimises one copy for every
 * caller, and its speed does not depend on which aggregation ran first in the process.
 */
export function sortByScore(st: RankSorter, scores: Float64Array, order: Int32Array): void {
  sortKeys(st.tie.length, st.tie, st.qMax, st.mult, scores, order);
}

function sortKeys(n: number, tie: Float64Array, qMax: number, mult: number, scores: Float64Array, order: Int32Array): void {
  let kLo = Infinity;
  let kHi = -Infinity;
  for (let i = 0; i < n; i++) {
    const key = quantise(scores[i], qMax) * mult + tie[i];
    KEYS[i] = key;
    if (key < kLo) kLo = key;
    if (key > kHi) kHi = key;
  }
  const scale = n / (kHi - kLo + 1);
  for (let b = 0; b <= n; b++) START[b] = 0;
  for (let i = 0; i < n; i++) {
    const b = ((KEYS[i] - kLo) * scale) | 0;
    BUCKET[i] = b;
    START[b + 1]++;
  }
  for (let b = 1; b <= n; b++) START[b] += START[b - 1];
  for (let i = 0; i < n; i++) {
    const at = START[BUCKET[i]]++;
    SORTED_KEYS[at] = KEYS[i];
    order[at] = i;
  }
  for (let r = 1; r < n; r++) {
    const key = SORTED_KEYS[r];
    const item = order[r];
    let at = r - 1;
    while (at >= 0 && SORTED_KEYS[at] > key) {
      SORTED_KEYS[at + 1] = SORTED_KEYS[at];
      order[at + 1] = order[at];
      at--;
    }
    SORTED_KEYS[at + 1] = key;
    order[at + 1] = item;
  }
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

