/**
 * Residents beyond a limit under the travel model's error (`beyond-error.ts`), on hand-computed cases.
 */
import { beyondUnderError, relativeResidual } from '../../src/engine/beyond-error';

describe('residents beyond a limit under the model error', () => {
  it('When one point is just inside the limit and a smaller one just outside, then the expected count moves more residents out than in', () => {
    // 40 min × (0.8, 1, 1.2) = 32, 40, 48: one of three beyond; 50 min × the same = 40, 50, 60: two of three.
    const r = beyondUnderError([40, 50], [100, 10], [-0.2, 0, 0.2], 45, 4000, 3);
    expect(r.point).toBe(10);
    expect(r.expected).toBe(Math.round(100 / 3 + 20 / 3));
    expect(r.p05).toBeLessThanOrEqual(r.expected);
    expect(r.p95).toBeGreaterThanOrEqual(r.expected);
    expect([0, 10, 100, 110]).toEqual(expect.arrayContaining([r.p05, r.p95]));
  });

  it('When the residuals are all zero, then the expected count and every draw equal the point count', () => {
    expect(beyondUnderError([10, 46, 90], [5, 7, 11], [0, 0], 45)).toMatchObject({ point: 18, expected: 18, p05: 18, p95: 18 });
  });

  it('When the inputs do not match, then it says which', () => {
    expect(() => beyondUnderError([1, 2], [1], [0], 45)).toThrow('nearestMin has 2 points, population 1');
    expect(() => beyondUnderError([1], [1], [], 45)).toThrow('relative residuals must not be empty');
  });

  it('When a relative residual is made, then it is observed / estimate − 1 to four decimals', () => {
    expect(relativeResidual(50, 40)).toBe(0.25);
    expect(relativeResidual(89, 54.37)).toBe(0.6369);
  });
});
