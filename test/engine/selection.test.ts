import {
  buildLocationProblem, checkSelection, createRng, defaultSelectionOptions, evaluateSet, selectSites, selectSitesGreedy,
  violationText, type SelectionObjective, type SelectionOptions, type SelectionProblem,
} from '../../src/engine';

/** A small seeded instance: demand and sites on a 100 × 100 plane, cost = planar distance. */
function instance(seed: number, nCand = 8, nDemand = 30, nFixed = 2): SelectionProblem {
  const rng = createRng(seed);
  const pt = () => [rng.next() * 100, rng.next() * 100];
  const demand = Array.from({ length: nDemand }, () => ({ xy: pt(), w: 1 + Math.floor(rng.next() * 100) }));
  const cands = Array.from({ length: nCand }, pt);
  const fixed = Array.from({ length: nFixed }, pt);
  const d = (a: number[], b: number[]) => Math.hypot(a[0] - b[0], a[1] - b[1]);
  const location = buildLocationProblem({
    demand: demand.map((p) => ({ lon: 0, lat: 0, weight: p.w })),
    candidates: cands.map((_, j) => ({ id: `c${j}`, lon: 0, lat: 0 })),
    fixed: fixed.map((_, f) => ({ id: `f${f}`, lon: 0, lat: 0 })),
    costs: {
      candidate: Float64Array.from(demand.flatMap((p) => cands.map((c) => d(p.xy, c)))),
      fixed: Float64Array.from(demand.flatMap((p) => fixed.map((f) => d(p.xy, f)))),
    },
  });
  return {
    candidates: cands.map((_, j) => ({ id: `c${j}`, district: `D${j % 3}`, score: Math.round(rng.next() * 100) })),
    location,
  };
}

function* subsets(n: number, k: number, start = 0, acc: number[] = []): Generator<number[]> {
  if (acc.length === k) { yield [...acc]; return; }
  for (let j = start; j < n; j++) yield* subsets(n, k, j + 1, [...acc, j]);
}

const opts = (o: Partial<SelectionOptions>): SelectionOptions => ({ ...defaultSelectionOptions, radius: 30, ...o });

describe('exact selection against enumeration', () => {
  test.each([1, 2, 3, 4, 5])('When the coverage instance (seed %i) is enumerated, then exact finds the best set', async (seed) => {
    const p = instance(seed);
    const best = Math.max(...[...subsets(8, 3)].map((s) => evaluateSet(p.location!, s, 30).newlyCovered));
    const r = await selectSites(p, opts({ k: 3, objective: 'coverage' }));
    expect(r.status).toBe('optimal');
    expect(r.objective).toBeCloseTo(best, 6);
    expect(r.newlyCovered).toBeCloseTo(best, 6);
  });

  test.each([1, 2, 3, 4, 5])('When the access instance (seed %i) is enumerated, then exact finds the least weighted distance', async (seed) => {
    const p = instance(seed);
    const best = Math.min(...[...subsets(8, 3)].map((s) => evaluateSet(p.location!, s, 30).accessCost));
    const r = await selectSites(p, opts({ k: 3, objective: 'access' }));
    expect(r.status).toBe('optimal');
    expect(r.objective! / best).toBeCloseTo(1, 6);
  });

  test('When there are no fixed sites, then access is the plain p-median optimum', async () => {
    const p = instance(9, 7, 25, 0);
    const best = Math.min(...[...subsets(7, 2)].map((s) => evaluateSet(p.location!, s, 30).accessCost));
    const r = await selectSites(p, opts({ k: 2, objective: 'access' }));
    expect(r.objective! / best).toBeCloseTo(1, 6);
  });
});

describe('exact versus greedy, and the rules', () => {
  const objectives: SelectionObjective[] = ['score', 'coverage', 'access', 'blend'];
  const rules: Partial<SelectionOptions> = { districtMin: { D0: 2 }, districtMax: { D1: 1 }, include: ['c4'], exclude: ['c3'] };

  test.each(objectives)('When solving %s on seeded instances, then exact is never worse than greedy and both obey every rule', async (objective) => {
    for (const seed of [11, 12, 13, 14]) {
      const p = instance(seed, 12, 60, 3);
      const o = opts({ k: 5, objective, ...rules });
      const g = selectSitesGreedy(p, o);
      const e = await selectSites(p, o);
      expect(g.status).toBe('feasible');
      expect(e.status).toBe('optimal');
      expect(checkSelection(p, o, g.selected)).toEqual([]);
      expect(checkSelection(p, o, e.selected)).toEqual([]);
      if (objective === 'access') expect(e.objective!).toBeLessThanOrEqual(g.objective! * (1 + 1e-9));
      else expect(e.objective!).toBeGreaterThanOrEqual(g.objective! * (1 - 1e-9));
    }
  });

  test('When a set is chosen, then the per-site gains sum to the objective and every site has a loss-if-removed', async () => {
    const p = instance(21, 10, 50, 2);
    const r = await selectSites(p, opts({ k: 4, objective: 'coverage' }));
    expect(r.sites.reduce((s, x) => s + x.marginalGain, 0)).toBeCloseTo(r.objective!, 6);
    for (const site of r.sites) expect(site.lossIfRemoved).toBeGreaterThanOrEqual(0);
  });

  test('When the score objective has no rules, then greedy and exact pick the K best scores', async () => {
    const p = instance(5);
    const best = [...p.candidates].sort((a, b) => b.score! - a.score!).slice(0, 3).reduce((s, c) => s + c.score!, 0);
    expect(selectSitesGreedy(p, opts({ k: 3, objective: 'score' })).objective).toBe(best);
    expect((await selectSites(p, opts({ k: 3, objective: 'score' }))).objective).toBeCloseTo(best, 6);
  });
});

describe('infeasible rule sets', () => {
  const p = instance(1);
  const cases: [string, Partial<SelectionOptions>, string][] = [
    ['a district minimum exceeds its candidates', { k: 4, districtMin: { D0: 4 } }, 'districtMin D0 = 4 but only 3 eligible candidates in D0'],
    ['district minimums sum above k', { k: 3, districtMin: { D0: 2, D1: 2 } }, 'sum of district minimums 4 exceeds k 3'],
    ['an include is excluded', { k: 3, include: ['c1'], exclude: ['c1'] }, 'include c1 is also excluded'],
    ['an include is unknown', { k: 3, include: ['zz'] }, 'include zz is not a candidate'],
    ['k exceeds the candidates', { k: 9 }, 'k 9 exceeds the 8 eligible candidates'],
    ['district maximums are too tight', { k: 5, districtMax: { D0: 1, D1: 1, D2: 1 } }, 'district maximums allow at most 3 sites but k is 5'],
    ['a minimum exceeds a maximum', { k: 3, districtMin: { D2: 2 }, districtMax: { D2: 1 } }, 'districtMin D2 = 2 exceeds districtMax D2 = 1'],
  ];
  test.each(cases)('When %s, then the status is infeasible and the rule is named', async (_, o, message) => {
    for (const method of ['greedy', 'exact'] as const) {
      const r = await selectSites(p, opts({ objective: 'coverage', method, ...o }));
      expect(r.status).toBe('infeasible');
      expect(r.violated.map(violationText)).toContain(message);
      expect(r.selected).toEqual([]);
    }
  });

  test('When an include is not eligible, then the status is infeasible naming it', () => {
    const q: SelectionProblem = { ...p, candidates: p.candidates.map((c) => (c.id === 'c0' ? { ...c, eligible: false, ineligibleReason: 'wishNo' } : c)) };
    const r = selectSitesGreedy(q, opts({ k: 3, objective: 'coverage', include: ['c0'] }));
    expect(r.status).toBe('infeasible');
    expect(r.violated).toEqual([{ rule: 'includeIneligible', id: 'c0', reason: 'wishNo' }]);
    expect(r.violated.map(violationText)).toEqual(['include c0 is not eligible (wishNo)']);
  });

  test('When k is not a whole number, then selection throws naming k', () => {
    expect(() => selectSitesGreedy(p, opts({ k: 2.5 }))).toThrow('k must be a whole number');
  });
});
