import { normalizeColumn, normalizeMatrix } from '../../src/engine';

const close = (actual: ArrayLike<number>, expected: number[]): void => {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, i) => (Number.isNaN(e) ? expect(actual[i]).toBeNaN() : expect(actual[i]).toBeCloseTo(e, 6)));
};

describe('normalizeColumn', () => {
  test('When values are 2, 4, 6 with min-max, then they map to 0, 0.5, 1', () => {
    close(normalizeColumn([2, 4, 6], 'minmax'), [0, 0.5, 1]);
  });
  test('When a value is missing, then it stays missing and is left out of the statistics', () => {
    close(normalizeColumn([2, NaN, 6], 'minmax'), [0, NaN, 1]);
  });
  test('When a min-max column is constant, then every value maps to 0.5', () => {
    close(normalizeColumn([7, 7], 'minmax'), [0.5, 0.5]);
  });
  test('When values tie in percentile rank, then they share the mid-rank percentile', () => {
    // ranks 0, 1.5, 1.5, 3 over n − 1 = 3
    close(normalizeColumn([10, 20, 20, 40], 'percentile'), [0, 0.5, 0.5, 1]);
  });
  test('When z-scores are computed for 1, 2, 3, then they are (z + 3) / 6 with the population sd', () => {
    const z = 1 / Math.sqrt(2 / 3);
    close(normalizeColumn([1, 2, 3], 'z'), [(3 - z) / 6, 0.5, (3 + z) / 6]);
  });
  test('When a z-score exceeds the clip (here 2), then it is clipped and maps to 1', () => {
    const values = [0, 0, 0, 0, 0, 0, 0, 0, 0, 100]; // mean 10, sd 30: z(100) = 3, z(0) = −1/3
    const out = normalizeColumn(values, 'z', 2);
    expect(out[9]).toBeCloseTo(1, 9);
    expect(out[0]).toBeCloseTo((2 - 1 / 3) / 4, 9);
  });
  test('When vector-normalising 3 and 4, then they become 0.6 and 0.8', () => {
    close(normalizeColumn([3, 4], 'vector'), [0.6, 0.8]);
  });
});

describe('normalizeMatrix', () => {
  test('When a criterion is a cost, then its normalised values are turned around (1 − r)', () => {
    const out = normalizeMatrix(
      { ids: ['a', 'b', 'c'], criteria: [{ id: 'x', direction: 'benefit' }, { id: 'y', direction: 'cost' }], values: Float64Array.from([1, 10, 2, 20, 3, 30]) },
      'minmax',
    );
    close(out, [0, 1, 0.5, 0.5, 1, 0]);
  });
});
