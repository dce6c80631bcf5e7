/**
 * Exactly rounded floating-point summation: the result is the exact sum of the inputs rounded once
 * to the nearest double (ties to even), whatever their order and magnitudes.
 *
 * Method: J. R. Shewchuk, "Adaptive Precision Floating-Point Arithmetic and Fast Robust Geometric
 * Predicates", Discrete & Computational Geometry 18 (1997): the running sum is kept as a list of
 * non-overlapping partials (error-free two-sum, Knuth 1969 §4.2.2), then rounded once from the
 * largest partial down, with the half-way correction R. Hettinger describes for Python's `math.fsum`.
 */

/**
 * Σ values, exactly rounded.
 * @param values any finite numbers (a non-finite value makes the result non-finite)
 */
export function exactSum(values: ArrayLike<number>): number {
  const acc = new ExactSum();
  for (let k = 0; k < values.length; k++) acc.add(values[k]);
  return acc.value();
}

/** A running exactly rounded sum: `add` values one by one, read `value()` at any time. */
export class ExactSum {
  private readonly partials: number[] = [];
  private special = 0;

  add(value: number): void {
    let x = value;
    if (!Number.isFinite(x)) {
      this.special += x;
      return;
    }
    const partials = this.partials;
    let used = 0;
    for (let p = 0; p < partials.length; p++) {
      let y = partials[p];
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[used++] = lo;
      x = hi;
    }
    // Same as truncating to `used` and pushing x, without resizing the array on the common path.
    partials[used++] = x;
    if (used < partials.length) partials.length = used;
  }

  value(): number {
    if (this.special !== 0 || Number.isNaN(this.special)) return this.special;
    return roundPartials([...this.partials]);
  }
}

function roundPartials(partials: number[]): number {
  let n = partials.length;
  if (n === 0) return 0;
  let hi = partials[--n];
  let lo = 0;
  while (n > 0) {
    const x = hi;
    const y = partials[--n];
    hi = x + y;
    lo = y - (hi - x);
    if (lo !== 0) break;
  }
  // Half-way case: the remaining partials decide which way to round.
  if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
    const y = lo * 2;
    const x = hi + y;
    if (y === x - hi) hi = x;
  }
  return hi;
}
