/**
 * Residents beyond a travel-time limit when the travel model's minutes are uncertain.
 *
 * Counting the residents whose modelled minutes exceed the limit (the point count) is biased whenever the model
 * has error and the residents are not spread evenly around the limit: for a threshold count,
 * E[Σ pop · 1{T > L}] ≠ Σ pop · 1{E[T] > L} (the expectation of an indicator is a probability, not the indicator
 * of an expectation; e.g. Carroll, Ruppert, Stefanski & Crainiceanu, "Measurement Error in Nonlinear Models", 2nd
 * ed. 2006, ch. 1). In Norway far more people live just inside 45 minutes of a station than just outside, so a
 * symmetric error moves more of them out than in.
 *
 * The error model is the one robustness samples (`perturb.ts`): per demand point one relative residual r of the
 * model's cross-validated calibration (TØI / estimate − 1), multiplying all of that point's minutes, so its nearest
 * station stays its nearest. The expected count is exact: Σ_i pop_i · #{r : t_i · (1 + r) > L} / n. The interval
 * comes from seeded draws with the residual drawn independently per point; errors of neighbouring points are in
 * truth correlated (same roads and ferries), so the interval is too narrow and is labelled as such.
 */
import { createRng } from './random';

/** A calibration pair's relative residual as stored and sampled: TØI / estimate − 1, four decimals. */
export function relativeResidual(observedMin: number, estimatedMin: number): number {
  return Math.round((observedMin / estimatedMin - 1) * 10000) / 10000;
}

/** Residents beyond the limit: the point count, the expectation under the model's error and a 90 % interval of draws. */
export interface BeyondUnderError {
  point: number;
  expected: number;
  p05: number;
  p95: number;
  draws: number;
}

/**
 * @param nearestMin per demand point, the modelled minutes to its nearest station
 * @param population per demand point, its residents
 * @param relative the relative residuals (at least one)
 * @param limitMin the limit (a point is beyond when its minutes are > the limit)
 * @throws Error when the lengths differ or `relative` is empty
 */
export function beyondUnderError(
  nearestMin: ArrayLike<number>, population: ArrayLike<number>, relative: readonly number[], limitMin: number, draws = 2000, seed = 1,
): BeyondUnderError {
  if (nearestMin.length !== population.length) throw new Error(`nearestMin has ${nearestMin.length} points, population ${population.length}`);
  if (relative.length === 0) throw new Error('relative residuals must not be empty');
  const n = nearestMin.length;
  let point = 0;
  let expected = 0;
  for (let i = 0; i < n; i++) {
    if (nearestMin[i] > limitMin) point += population[i];
    let over = 0;
    for (const r of relative) if (nearestMin[i] * (1 + r) > limitMin) over++;
    expected += (population[i] * over) / relative.length;
  }
  const rng = createRng(seed);
  const totals = new Float64Array(draws);
  for (let d = 0; d < draws; d++) {
    let beyond = 0;
    for (let i = 0; i < n; i++) {
      const r = relative[Math.floor(rng.next() * relative.length)];
      if (nearestMin[i] * (1 + r) > limitMin) beyond += population[i];
    }
    totals[d] = beyond;
  }
  totals.sort();
  const at = (q: number) => totals[Math.min(draws - 1, Math.max(0, Math.ceil(q * draws) - 1))];
  return { point, expected: Math.round(expected), p05: at(0.05), p95: at(0.95), draws };
}
