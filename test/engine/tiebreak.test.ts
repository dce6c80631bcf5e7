/**
 * One tie-break everywhere: objective, then Σ score, then id. Checked against brute-force enumeration
 * of the lexicographic optimum, and with seeded invariants (input order, weight scaling, exact ≥ greedy).
 */
import {
  buildLocationProblem, checkSelection, standaloneSavings, createRng, defaultSelectionOptions, evaluateSet, selectSites, selectSitesGreedy,
  type SelectionObjective, type SelectionOptions, type SelectionProblem,
} from '../../src/engine';

function* subsets(n: number, k: number, start = 0, acc: number[] = []): Generator<number[]> {
  if (acc.length === k) { yield [...acc]; return; }
  for (let j = start; j < n; j++) yield* subsets(n, k, j + 1, [...acc, j]);
}

/**
 * A seeded instance with many ties: few demand points, integer weights and coarse integer costs, so
 * that many sets cover the same residents; scores are coarse too (ties in score).
 */
function tiedInstance(seed: number, nCand = 9, nDemand = 12): SelectionProblem {
  const rng = createRng(seed);
  const cost = Float64Array.from({ length: nDemand * nCand }, () => Math.floor(rng.next() * 6) * 10);
  const location = buildLocationProblem({
    demand: Array.from({ length: nDemand }, () => ({ lon: 0, lat: 0, weight: 1 + Math.floor(rng.next() * 3) })),
    candidates: Array.from({ length: nCand }, (_, j) => ({ id: `c${j}`, lon: 0, lat: 0 })),
    fixed: [{ id: 'f', lon: 0, lat: 0 }],
    costs: { candidate: cost, fixed: Float64Array.from({ length: nDemand }, () => Math.floor(rng.next() * 8) * 10) },
  });
  return { candidates: Array.from({ length: nCand }, (_, j) => ({ id: `c${j}`, score: 10 * Math.floor(rng.next() * 5) })), location };
}

/** The lexicographic optimum by brute force: best objective, then highest Σ score, then smallest sorted ids. */
function bruteForce(p: SelectionProblem, o: SelectionOptions): string[] {
  const n = p.candidates.length;
  let best: { key: number[]; ids: string[] } | null = null;
  for (const s of subsets(n, o.k)) {
    const ids = s.map((j) => p.candidates[j].id).sort();
    if (checkSelection(p, o, ids).length > 0) continue;
    const ev = evaluateSet(p.location!, s, o.radius);
    const f = o.objective === 'coverage' ? ev.newlyCovered : o.objective === 'access' ? -ev.accessCost : -ev.beyondCost;
    const key = [f, s.reduce((a, j) => a + (p.candidates[j].score ?? 0), 0)];
    const better = !best || key[0] > best.key[0] + 1e-9 || (Math.abs(key[0] - best.key[0]) <= 1e-9 && (key[1] > best.key[1] + 1e-9 || (Math.abs(key[1] - best.key[1]) <= 1e-9 && ids.join() < best.ids.join())));
    if (better) best = { key, ids };
  }
  return best!.ids;
}

const opts = (o: Partial<SelectionOptions>): SelectionOptions => ({ ...defaultSelectionOptions, radius: 25, ...o });
const sorted = (ids: string[]) => [...ids].sort();

describe('the lexicographic tie-break', () => {
  const objectives: SelectionObjective[] = ['coverage', 'access', 'beyond'];
  test.each(objectives)('When sets tie on %s, then enumeration, the Lagrangean search and the MILP all return the tied set with the highest score, then the smallest ids', async (objective) => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const p = tiedInstance(seed);
      const o = opts({ k: 3, objective });
      const expected = bruteForce(p, o);
      const enumerated = await selectSites(p, o);
      const lagrangean = await selectSites(p, { ...o, enumerationLimit: 0 });
      const milp = await selectSites(p, { ...o, enumerationLimit: 0, lagrangean: false });
      expect(enumerated.solver).toBe('enumeration');
      expect(lagrangean.solver).toBe('lagrangean');
      expect(milp.solver).toBe('highs');
      expect(sorted(enumerated.selected)).toEqual(expected);
      expect(sorted(lagrangean.selected)).toEqual(expected);
      expect(sorted(milp.selected)).toEqual(expected);
    }
  });

  test('When coverage runs out, then greedy gives the remaining (zero-gain) slots to the best-scoring candidates', () => {
    const location = buildLocationProblem({
      demand: [{ lon: 0, lat: 0, weight: 100 }], candidates: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, lon: 0, lat: 0 })),
      costs: { candidate: Float64Array.from([5, 99, 99, 99, 99]) },
    });
    const p: SelectionProblem = { candidates: [{ id: 'a', score: 1 }, { id: 'b', score: 30 }, { id: 'c', score: 90 }, { id: 'd', score: 60 }, { id: 'e', score: 60 }], location };
    const r = selectSitesGreedy(p, opts({ k: 3, objective: 'coverage', radius: 10 }));
    expect(r.selected).toEqual(['a', 'c', 'd']);
    expect(r.sites.map((s) => s.withinError)).toEqual([false, true, true]);
  });

  test('When two candidates tie on the objective and the score, then every method takes the higher priority before the smaller id', async () => {
    // z1 and a1 cover the same people and score the same; z1 carries the higher priority (as the planning layer's
    // minutes saved alone would), so it wins although its id sorts after a1's. Without priorities a1 wins.
    const location = buildLocationProblem({
      demand: [{ lon: 0, lat: 0, weight: 10 }, { lon: 0, lat: 0, weight: 5 }],
      candidates: ['a1', 'z1', 'm'].map((id) => ({ id, lon: 0, lat: 0 })),
      costs: { candidate: Float64Array.from([5, 5, 99, 99, 99, 5]) },
    });
    const withPriority: SelectionProblem = { candidates: [{ id: 'a1', score: 50, priority: 3 }, { id: 'z1', score: 50, priority: 7 }, { id: 'm', score: 50 }], location };
    const without: SelectionProblem = { ...withPriority, candidates: withPriority.candidates.map(({ id, score }) => ({ id, score })) };
    const o = opts({ k: 2, objective: 'coverage', radius: 10 });
    for (const run of [
      (p: SelectionProblem) => Promise.resolve(selectSitesGreedy(p, o)),
      (p: SelectionProblem) => selectSites(p, o),
      (p: SelectionProblem) => selectSites(p, { ...o, enumerationLimit: 0 }),
      (p: SelectionProblem) => selectSites(p, { ...o, enumerationLimit: 0, lagrangean: false }),
    ]) {
      expect(sorted((await run(withPriority)).selected)).toEqual(['m', 'z1']);
      expect(sorted((await run(without)).selected)).toEqual(['a1', 'm']);
    }
  });

  test('When a site is nearer the people than the existing stations, then its minutes saved alone are the population-weighted difference', () => {
    const location = buildLocationProblem({
      demand: [{ lon: 0, lat: 0, weight: 10 }, { lon: 0, lat: 0, weight: 4 }],
      candidates: ['a', 'b'].map((id) => ({ id, lon: 0, lat: 0 })),
      fixed: [{ id: 'f', lon: 0, lat: 0 }],
      costs: { candidate: Float64Array.from([20, 35, 50, 10]), fixed: Float64Array.from([30, 40]) },
    });
    // a: 10 · (30 − 20) + 4 · (40 − 50 → 0) = 100; b: 10 · (30 − 35 → 0) + 4 · (40 − 10) = 120.
    expect(Array.from(standaloneSavings(location))).toEqual([100, 120]);
  });

  test('When the candidates are given in another order, then every method returns the same set', async () => {
    for (const seed of [7, 8, 9]) {
      const p = tiedInstance(seed, 10, 15);
      const rng = createRng(seed);
      const perm = p.candidates.map((_, j) => j).sort(() => rng.next() - 0.5);
      const nD = p.location!.nDemand;
      const nC = p.candidates.length;
      const shuffled: SelectionProblem = {
        candidates: perm.map((j) => p.candidates[j]),
        location: buildLocationProblem({
          demand: Array.from(p.location!.demandWeight, (weight) => ({ lon: 0, lat: 0, weight })), candidates: perm.map((j) => ({ id: p.candidates[j].id, lon: 0, lat: 0 })),
          costs: { candidate: Float64Array.from({ length: nD * nC }, (_, e) => p.location!.candidateCost[Math.floor(e / nC) * nC + perm[e % nC]]), fixedNearest: p.location!.fixedCost },
        }),
      };
      for (const o of [opts({ k: 4, objective: 'coverage' }), opts({ k: 4, objective: 'coverage', enumerationLimit: 0 }), opts({ k: 4, objective: 'coverage', method: 'greedy' })]) {
        expect(sorted((await selectSites(shuffled, o)).selected)).toEqual(sorted((await selectSites(p, o)).selected));
      }
    }
  });
});

describe('seeded invariants', () => {
  test('When all demand weights are multiplied by 3, then the chosen sets do not change and the coverage triples', async () => {
    for (const seed of [21, 22, 23]) {
      const p = tiedInstance(seed, 12, 40);
      const scaled: SelectionProblem = {
        ...p,
        location: buildLocationProblem({
          demand: Array.from(p.location!.demandWeight, (w) => ({ lon: 0, lat: 0, weight: 3 * w })), candidates: p.candidates.map((c) => ({ id: c.id, lon: 0, lat: 0 })),
          costs: { candidate: p.location!.candidateCost, fixedNearest: p.location!.fixedCost },
        }),
      };
      for (const method of ['exact', 'greedy'] as const) {
        const a = await selectSites(p, opts({ k: 4, objective: 'coverage', method, enumerationLimit: 0 }));
        const b = await selectSites(scaled, opts({ k: 4, objective: 'coverage', method, enumerationLimit: 0 }));
        expect(sorted(b.selected)).toEqual(sorted(a.selected));
        expect(b.objective).toBe(3 * a.objective!);
      }
    }
  });

  test.each(['coverage', 'access', 'beyond', 'score', 'blend'] as SelectionObjective[])('When solving %s with rules, then exact (MILP) is never worse than greedy', async (objective) => {
    for (const seed of [31, 32, 33]) {
      const p = tiedInstance(seed, 14, 60);
      const withDistricts = { ...p, candidates: p.candidates.map((c, j) => ({ ...c, district: `D${j % 3}` })) };
      const o = opts({ k: 5, objective, districtMin: { D0: 2 }, districtMax: { D1: 1 } });
      const g = selectSitesGreedy(withDistricts, o);
      const e = await selectSites(withDistricts, { ...o, enumerationLimit: 0 });
      expect(e.status).toBe('optimal');
      if (objective === 'access' || objective === 'beyond') expect(e.objective!).toBeLessThanOrEqual(g.objective! + 1e-9);
      else expect(e.objective!).toBeGreaterThanOrEqual(g.objective! - 1e-9);
    }
  });
});
