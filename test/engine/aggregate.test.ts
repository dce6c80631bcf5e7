import { aggregate, rankMatrix, type DecisionMatrix } from '../../src/engine';

describe('weighted sum', () => {
  test('When weights are 3:1, then scores and contributions are the hand-computed points', () => {
    const agg = aggregate(Float64Array.from([1, 0, 0.5, 0.5, 0, 1]), 3, 2, [3, 1], 'wsm');
    expect(Array.from(agg.scores)).toEqual([75, 50, 25]);
    expect(Array.from(agg.contributions!)).toEqual([75, 0, 37.5, 12.5, 0, 25]);
    expect(agg.baseline).toBe(0);
  });
  test('When a value is missing, then the other weights are renormalised and the contributions still sum to the score', () => {
    const agg = aggregate(Float64Array.from([NaN, 0.5]), 1, 2, [3, 1], 'wsm');
    expect(agg.scores[0]).toBeCloseTo(50, 9);
    expect(agg.contributions![0]).toBe(0);
    expect(agg.contributions![1]).toBeCloseTo(50, 9);
  });
});

describe('TOPSIS', () => {
  const matrix: DecisionMatrix = {
    ids: ['A', 'B', 'C'],
    criteria: [{ id: 'c1', direction: 'benefit' }, { id: 'c2', direction: 'benefit' }],
    values: Float64Array.from([3, 4, 4, 3, 0, 0]),
  };
  test('When A = (3, 4), B = (4, 3), C = (0, 0) with equal weights, then closeness is 5/6, 5/6, 0 (hand-computed)', () => {
    // vector norms 5 and 5; v(A) = (0.3, 0.4); ideal (0.4, 0.4); D+ = 0.1, D- = 0.5 → 0.5 / 0.6
    const { items } = rankMatrix(matrix, [1, 1], { method: 'topsis', normalization: 'vector' });
    expect(items.map((i) => i.id)).toEqual(['A', 'B', 'C']);
    expect(items[0].score).toBeCloseTo(100 * (5 / 6), 9);
    expect(items[1].score).toBeCloseTo(100 * (5 / 6), 9);
    expect(items[2].score).toBeCloseTo(0, 9);
  });
  test('When TOPSIS contributions are added to the baseline 50, then they give the score (A: 11.11 + 22.22)', () => {
    const { items, baseline } = rankMatrix(matrix, [1, 1], { method: 'topsis', normalization: 'vector' });
    const a = items[0];
    expect(baseline).toBe(50);
    expect(a.contributions.c1).toBeCloseTo((100 * (0.09 - 0.01)) / 0.72, 9);
    expect(a.contributions.c2).toBeCloseTo((100 * 0.16) / 0.72, 9);
    for (const item of items) expect(baseline + item.contributions.c1 + item.contributions.c2).toBeCloseTo(item.score, 9);
  });
  test('When a criterion is a cost, then the closeness equals classical TOPSIS with ideal = column minimum', () => {
    const raw = [[250, 16, 12], [200, 16, 8], [300, 32, 16], [275, 32, 8]];
    const dirs = ['cost', 'benefit', 'benefit'] as const;
    const w = [0.5, 0.3, 0.2];
    const norms = [0, 1, 2].map((c) => Math.sqrt(raw.reduce((s, r) => s + r[c] ** 2, 0)));
    const v = raw.map((r) => r.map((x, c) => (w[c] * x) / norms[c]));
    const best = [0, 1, 2].map((c) => (dirs[c] === 'cost' ? Math.min : Math.max)(...v.map((r) => r[c])));
    const worst = [0, 1, 2].map((c) => (dirs[c] === 'cost' ? Math.max : Math.min)(...v.map((r) => r[c])));
    const reference = v.map((r) => {
      const dp = Math.hypot(...r.map((x, c) => x - best[c]));
      const dm = Math.hypot(...r.map((x, c) => x - worst[c]));
      return (100 * dm) / (dp + dm);
    });
    const { items } = rankMatrix(
      { ids: ['p', 'q', 'r', 's'], criteria: dirs.map((d, c) => ({ id: `c${c}`, direction: d })), values: Float64Array.from(raw.flat()) },
      w, { method: 'topsis', normalization: 'vector' },
    );
    for (const item of items) expect(item.score).toBeCloseTo(reference[['p', 'q', 'r', 's'].indexOf(item.id)], 9);
  });
});
