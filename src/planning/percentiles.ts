/**
 * Percentile ranks of indicator values, nationally and within a group (police district): where a
 * municipality stands among the others. Pure: values in, values out.
 *
 * Method: the mid-rank percentile (Hazen 1914; "percentile rank" in e.g. Crocker & Algina 1986):
 * P = 100 · (below + 0.5 · equal) / n, where `below` counts values strictly lower and `equal` counts
 * ties including the value itself. Ties share one percentile; a lone value is the 50th percentile.
 * Missing values (null, NaN, ±Infinity) get `null` and do not count in `n`.
 */

/**
 * Percentile rank (0–100) of each value among the finite values of the list.
 * @param values numbers, `null` for missing
 * @returns one percentile per input, `null` where the value is missing
 */
export function percentileRanks(values: readonly (number | null | undefined)[]): (number | null)[] {
  const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  const n = finite.length;
  return values.map((v) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return null;
    const below = lowerBound(finite, v);
    const equal = lowerBound(finite, v, true) - below;
    return (100 * (below + 0.5 * equal)) / n;
  });
}

/** First index whose value is ≥ v (or > v when `strict`), by binary search on a sorted array. */
function lowerBound(sorted: readonly number[], v: number, strict = false): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (strict ? sorted[mid] <= v : sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** National and group percentile of one indicator for one item. */
export interface IndicatorPercentile {
  value: number | null;
  national: number | null;
  group: number | null;
  /** How many items in the group have a value. */
  groupCount: number;
}

/**
 * National and within-group percentiles of the given indicators for one item.
 * @param items all items (e.g. the 357 municipalities)
 * @param id which item to describe
 * @param keys the indicator fields to read (numbers or null)
 * @param idOf item id; @param groupOf item group (e.g. police district)
 * @throws Error when `id` is not among the items
 */
export function indicatorPercentiles<T>(
  items: readonly T[], id: string, keys: readonly (keyof T & string)[], idOf: (item: T) => string, groupOf: (item: T) => string,
): Record<string, IndicatorPercentile> {
  const index = items.findIndex((it) => idOf(it) === id);
  if (index < 0) throw new Error(`id ${id} is not among the items`);
  const group = groupOf(items[index]);
  const members = items.filter((it) => groupOf(it) === group);
  const groupIndex = members.indexOf(items[index]);
  const out: Record<string, IndicatorPercentile> = {};
  for (const key of keys) {
    const read = (it: T): number | null => {
      const v = it[key] as unknown;
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    };
    const groupValues = members.map(read);
    out[key] = {
      value: read(items[index]),
      national: percentileRanks(items.map(read))[index],
      group: percentileRanks(groupValues)[groupIndex],
      groupCount: groupValues.filter((v) => v !== null).length,
    };
  }
  return out;
}
