/**
 * Seeded pseudo-random numbers for the engine (no `Math.random`, so every result is repeatable).
 *
 * Sources: mulberry32 (Tommy Ettinger, public domain, 2017); normal deviates by the Marsaglia polar
 * method (Marsaglia & Bray 1964); gamma deviates by Marsaglia & Tsang, "A simple method for generating
 * gamma variables", ACM TOMS 26(3), 2000; Dirichlet as normalised gammas (Devroye 1986, ch. XI.4).
 */

/** A seeded generator of uniform, normal, gamma and Dirichlet deviates. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal deviate. */
  normal(): number;
  /** Gamma(shape, 1) deviate; 0 when `shape` is 0. */
  gamma(shape: number): number;
  /** Fills `out` with a Dirichlet(alpha) sample (zero where alpha is 0) and returns it. */
  dirichlet(alpha: ArrayLike<number>, out: Float64Array): Float64Array;
  /** Restarts the sequence as `createRng(seed)` would, without allocating (hot loops). */
  reseed(seed: number): void;
}

/**
 * Creates a seeded generator (mulberry32 core).
 * @param seed any finite number; the same seed gives the same sequence
 * @throws Error when `seed` is not a finite number
 */
export function createRng(seed: number): Rng {
  return new Mulberry32(seed);
}

/**
 * The generator as a class: its methods are module-level code, so V8 optimises them once for the
 * process rather than once per generator (robustness creates one per run and reseeds it per sample).
 * The state is a typed array: a uint32 in a field would be boxed (a heap allocation per draw); the
 * int32 bits are the same, so the sequence is unchanged.
 */
class Mulberry32 implements Rng {
  private readonly state = new Int32Array(1);

  constructor(seed: number) {
    this.reseed(seed);
  }

  reseed(seed: number): void {
    if (!Number.isFinite(seed)) throw new Error('seed must be a finite number');
    this.state[0] = Math.floor(seed) >>> 0;
  }

  next(): number {
    const t0 = (this.state[0] = (this.state[0] + 0x6d2b79f5) | 0);
    let t = Math.imul(t0 ^ (t0 >>> 15), t0 | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  normal(): number {
    for (;;) {
      const u = 2 * this.next() - 1;
      const v = 2 * this.next() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
    }
  }

  gamma(shape: number): number {
    if (shape <= 0) return 0;
    // Boost shapes below 1: Gamma(a) = Gamma(a + 1) * U^(1/a).
    if (shape < 1) return this.gamma(shape + 1) * Math.pow(1 - this.next(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = this.normal();
      const v0 = 1 + c * x;
      if (v0 <= 0) continue;
      const v = v0 * v0 * v0;
      const u = 1 - this.next();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  }

  dirichlet(alpha: ArrayLike<number>, out: Float64Array): Float64Array {
    let sum = 0;
    for (let i = 0; i < alpha.length; i++) {
      out[i] = this.gamma(alpha[i]);
      sum += out[i];
    }
    for (let i = 0; i < alpha.length; i++) out[i] = sum > 0 ? out[i] / sum : 0;
    return out;
  }
}
