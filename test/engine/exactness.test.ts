/** Exact numbers: 64-bit costs, the radius rule, values recomputed from the set, status and bound, limits and failures. */
import {
  buildLocationProblem, createRng, evaluateSet, ExactSolveError, exactSum, selectSites, selectSitesGreedy, type SelectionProblem,
} from '../../src/engine';

const R = 45;

/** Three demand points at R − 1e-6, R and R + 1e-6 from the only candidate; no fixed site. */
function boundaryProblem(): SelectionProblem {
  const location = buildLocationProblem({
    demand: [1, 2, 3].map((i) => ({ id: `d${i}`, lon: 0, lat: 0, weight: 10 * i })),
    candidates: [{ id: 's', lon: 0, lat: 0 }, { id: 't', lon: 0, lat: 0 }],
    costs: { candidate: Float64Array.from([R - 1e-6, 1000, R, 1000, R + 1e-6, 1000]) },
  });
  return { candidates: [{ id: 's' }, { id: 't' }], location };
}

/** A seeded random coverage instance on a 100 × 100 plane with integer weights. */
function randomInstance(seed: number, nCand: number, nDemand: number, nFixed = 0): SelectionProblem {
  const rng = createRng(seed);
  const pts = (n: number) => Array.from({ length: n }, () => [rng.next() * 100, rng.next() * 100]);
  const d = pts(nDemand);
  const c = pts(nCand);
  const f = pts(nFixed);
  const dist = (a: number[], b: number[]) => Math.hypot(a[0] - b[0], a[1] - b[1]);
  const location = buildLocationProblem({
    demand: d.map((_, i) => ({ id: `d${i}`, lon: 0, lat: 0, weight: 1 + Math.floor(rng.next() * 1000) })),
    candidates: c.map((_, j) => ({ id: `c${j}`, lon: 0, lat: 0 })),
    fixed: f.map((_, j) => ({ id: `f${j}`, lon: 0, lat: 0 })),
    costs: { candidate: Float64Array.from(d.flatMap((p) => c.map((q) => dist(p, q)))), fixed: Float64Array.from(d.flatMap((p) => f.map((q) => dist(p, q)))) },
  });
  return { candidates: c.map((_, j) => ({ id: `c${j}`, score: Math.round(rng.next() * 100) })), location };
}

describe('the radius rule and 64-bit costs', () => {
  test('When a cost is R − 1e-6 or exactly R it is within R, and at R + 1e-6 it is not', async () => {
    const p = boundaryProblem();
    const ev = evaluateSet(p.location!, [0], R);
    expect(ev.newlyCovered).toBe(10 + 20);
    for (const method of ['exact', 'greedy'] as const) {
      const r = await selectSites(p, { k: 1, objective: 'coverage', radius: R, method });
      expect(r.selected).toEqual(['s']);
      expect(r.objective).toBe(30);
    }
  });

  test('When the costs are given as 32-bit floats, then the problem is refused naming the matrix', () => {
    expect(() => buildLocationProblem({
      demand: [{ lon: 0, lat: 0, weight: 1 }], candidates: [{ id: 'a', lon: 0, lat: 0 }],
      costs: { candidate: new Float32Array([1]) as unknown as Float64Array },
    })).toThrow('costs.candidate must be a Float64Array');
  });

  test('When a cost is negative or NaN, then the error names the demand point and site', () => {
    expect(() => buildLocationProblem({
      demand: [{ lon: 0, lat: 0, weight: 1 }, { lon: 0, lat: 0, weight: 1 }], candidates: [{ id: 'a', lon: 0, lat: 0 }, { id: 'b', lon: 0, lat: 0 }],
      costs: { candidate: Float64Array.from([1, 2, 3, NaN]) },
    })).toThrow('costs.candidate[demand 1, site 1] must be a number ≥ 0 or Infinity, got NaN');
  });

  test('When a distance of 10,000,000.4 is summed, then it keeps its fraction', () => {
    const location = buildLocationProblem({
      demand: [{ lon: 0, lat: 0, weight: 3 }], candidates: [{ id: 'a', lon: 0, lat: 0 }], costs: { candidate: Float64Array.from([10_000_000.4]) },
    });
    expect(evaluateSet(location, [0], 0).accessCost).toBe(3 * 10_000_000.4);
  });

  test('When many numbers of different size are summed, then the exactly rounded sum does not depend on their order', () => {
    const values = [1e16, 1, -1e16, 0.1, 0.2, 0.3, 1e-3, 123456789.123, -123456789.123];
    const expected = exactSum(values);
    const rng = createRng(3);
    for (let k = 0; k < 20; k++) {
      const shuffled = [...values].sort(() => rng.next() - 0.5);
      expect(exactSum(shuffled)).toBe(expected);
    }
    expect(exactSum([0.1, 0.2, 0.3])).toBe(0.6);
  });
});

describe('values, bounds and status', () => {
  test.each([['the Lagrangean search', true, 'lagrangean'], ['the MILP alone', false, 'highs']] as const)(
    'When weights are whole numbers and %s proves the optimum, then the coverage value and bound are whole numbers and equal the recomputed figure',
    async (_, lagrangean, solver) => {
      const p = randomInstance(7, 40, 400, 2);
      const r = await selectSites(p, { k: 6, objective: 'coverage', radius: 15, enumerationLimit: 0, lagrangean });
      expect(r.solver).toBe(solver);
      expect(r.status).toBe('optimal');
      expect(Number.isInteger(r.objective)).toBe(true);
      expect(Number.isInteger(r.bound)).toBe(true);
      expect(r.objective).toBe(r.newlyCovered);
      const index = new Map(p.candidates.map((c, j) => [c.id, j]));
      expect(r.objective).toBe(evaluateSet(p.location!, r.selected.map((id) => index.get(id)!), 15).newlyCovered);
      expect(r.gap).toBe(0);
    },
  );

  test('When the time limit cuts the solve short, then the set is feasible, not optimal, and says so', async () => {
    const p = randomInstance(11, 60, 1500, 0);
    const r = await selectSites(p, { k: 12, objective: 'access', timeLimitSeconds: 0.001, enumerationLimit: 0 });
    expect(r.selected).toHaveLength(12);
    expect(r.status).toBe('feasible');
    expect(r.stoppedBy).toBe('timeLimit');
    expect(r.notes.join(' ')).toMatch(/time limit of 0.001 s/);
    if (r.bound !== null) expect(r.bound).toBeLessThanOrEqual(r.objective!);
  });

  test('When the model exceeds the nonzero limit, then the error names the instance size and what to do', async () => {
    const p = randomInstance(5, 30, 300, 0);
    const o = { k: 5, objective: 'access', enumerationLimit: 0, maxModelNonzeros: 100, lagrangean: false } as const;
    await expect(selectSites(p, o)).rejects.toThrow(ExactSolveError);
    await expect(selectSites(p, o)).rejects.toThrow(
      /300 demand points × 30 candidate sites.*nonzeros.*greedy/,
    );
  });

  test('When the gap tolerance is not a number in [0, 1), then selection throws naming it', async () => {
    await expect(selectSites(randomInstance(1, 5, 20), { k: 2, gapTolerance: 2 })).rejects.toThrow('gapTolerance must be ≥ 0 and < 1');
  });

  test('When greedy solves, then no bound or gap is claimed', () => {
    const r = selectSitesGreedy(randomInstance(2, 20, 200), { k: 4, objective: 'coverage', radius: 20 });
    expect(r.status).toBe('feasible');
    expect(r.bound).toBeNull();
    expect(r.gap).toBeNull();
  });
});
