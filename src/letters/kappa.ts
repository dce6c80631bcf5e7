/**
 * Agreement between two coders (pure): observed agreement and Cohen's kappa,
 * κ = (p_o − p_e) / (1 − p_e), with p_e from each coder's own marginal distribution
 * (J. Cohen, "A coefficient of agreement for nominal scales", Educ. Psychol. Meas. 20 (1960) 37–46).
 */

export interface Agreement {
  /** Items both coders coded. */
  n: number;
  /** Items on which they agree. */
  agreed: number;
  /** Observed agreement p_o (null when n = 0). */
  observed: number | null;
  /** Agreement expected by chance p_e (null when n = 0). */
  expected: number | null;
  /**
   * Cohen's kappa; null when n = 0, and null when chance agreement is 1 (both coders used one and the same
   * category for every item: kappa is undefined; `observed` then says 1).
   */
  kappa: number | null;
}

/**
 * Cohen's kappa over paired codes.
 * @param pairs one [coder A, coder B] pair of category labels per item
 */
export function cohensKappa(pairs: readonly (readonly [string, string])[]): Agreement {
  const n = pairs.length;
  if (n === 0) return { n: 0, agreed: 0, observed: null, expected: null, kappa: null };
  const a = new Map<string, number>();
  const b = new Map<string, number>();
  let agreed = 0;
  for (const [x, y] of pairs) {
    a.set(x, (a.get(x) ?? 0) + 1);
    b.set(y, (b.get(y) ?? 0) + 1);
    if (x === y) agreed++;
  }
  const observed = agreed / n;
  let expected = 0;
  for (const [label, countA] of a) expected += (countA / n) * ((b.get(label) ?? 0) / n);
  const kappa = expected >= 1 ? null : (observed - expected) / (1 - expected);
  const r = (v: number) => Math.round(v * 10000) / 10000;
  return { n, agreed, observed: r(observed), expected: r(expected), kappa: kappa === null ? null : r(kappa) };
}
