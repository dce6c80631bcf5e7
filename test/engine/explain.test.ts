/** Per-site figures: marginal gain in the set's order, loss if removed, newly covered, within the model's error. */
import { buildLocationProblem, createRng, evaluateSet, selectSites, type SelectionProblem } from '../../src/engine';

function instance(seed: number, nCand = 12, nDemand = 150): SelectionProblem {
  const rng = createRng(seed);
  const pts = (n: number) => Array.from({ length: n }, () => [rng.next() * 100, rng.next() * 100]);
  const d = pts(nDemand);
  const c = pts(nCand);
  const f = pts(2);
  const dist = (a: number[], b: number[]) => Math.hypot(a[0] - b[0], a[1] - b[1]);
  return {
    candidates: c.map((_, j) => ({ id: `c${j}`, score: Math.round(rng.next() * 100) })),
    location: buildLocationProblem({
      demand: d.map(() => ({ lon: 0, lat: 0, weight: 1 + Math.floor(rng.next() * 500) })), candidates: c.map((_, j) => ({ id: `c${j}`, lon: 0, lat: 0 })),
      fixed: f.map((_, j) => ({ id: `f${j}`, lon: 0, lat: 0 })),
      costs: { candidate: Float64Array.from(d.flatMap((p) => c.map((q) => dist(p, q)))), fixed: Float64Array.from(d.flatMap((p) => f.map((q) => dist(p, q)))) },
    }),
  };
}

const indexOf = (p: SelectionProblem, ids: string[]) => ids.map((id) => p.candidates.findIndex((c) => c.id === id));

describe('per-site figures', () => {
  test('When coverage is chosen, then the marginal gains and the newly covered column both sum exactly to the set total', async () => {
    const p = instance(1);
    const r = await selectSites(p, { k: 5, objective: 'coverage', radius: 20 });
    expect(r.sites.reduce((s, x) => s + x.marginalGain, 0)).toBe(r.objective);
    expect(r.sites.reduce((s, x) => s + x.newlyCovered!, 0)).toBe(r.newlyCovered);
  });

  test('When access is chosen, then the gains sum to the cost saved and the newly covered column still sums to the set figure', async () => {
    const p = instance(2);
    const r = await selectSites(p, { k: 4, objective: 'access', radius: 20 });
    const before = evaluateSet(p.location!, [], 20).accessCost;
    expect(r.sites.reduce((s, x) => s + x.marginalGain, 0)).toBeCloseTo(before - r.objective!, 6);
    expect(r.sites.reduce((s, x) => s + x.newlyCovered!, 0)).toBe(r.newlyCovered);
  });

  test('When a site is dropped, then the objective falls by exactly its loss-if-removed', async () => {
    const p = instance(3);
    const r = await selectSites(p, { k: 4, objective: 'coverage', radius: 20 });
    const set = indexOf(p, r.selected);
    for (const [k, site] of r.sites.entries()) {
      const without = evaluateSet(p.location!, set.filter((_, i) => i !== k), 20).newlyCovered;
      expect(site.lossIfRemoved).toBe(r.objective! - without);
    }
  });

  test('When an error margin is given, then sites whose gain only comes from residents near the limit are flagged, and none without a margin', async () => {
    // Demand at 19.5 from the only useful site: covered within 20, but an error of 1 could undo it.
    const location = buildLocationProblem({
      demand: [{ lon: 0, lat: 0, weight: 40 }, { lon: 0, lat: 0, weight: 60 }], candidates: [{ id: 'near', lon: 0, lat: 0 }, { id: 'edge', lon: 0, lat: 0 }],
      costs: { candidate: Float64Array.from([5, 99, 99, 19.5]) },
    });
    const p: SelectionProblem = { candidates: [{ id: 'near', score: 0 }, { id: 'edge', score: 0 }], location };
    const exact = await selectSites(p, { k: 2, objective: 'coverage', radius: 20 });
    expect(exact.sites.map((s) => s.withinError)).toEqual([false, false]);
    const withMargin = await selectSites(p, { k: 2, objective: 'coverage', radius: 20, errorMargin: 1 });
    const edge = withMargin.sites.find((s) => s.id === 'edge')!;
    expect(edge.marginalGain).toBe(60);
    expect(edge.gainAtRisk).toBe(60);
    expect(edge.withinError).toBe(true);
    expect(withMargin.sites.find((s) => s.id === 'near')!.withinError).toBe(false);
  });

  test('When the beyond objective is chosen, then its value is Σ weight × minutes beyond the limit of the chosen set', async () => {
    const p = instance(4);
    const r = await selectSites(p, { k: 3, objective: 'beyond', radius: 15 });
    const set = indexOf(p, r.selected);
    const loc = p.location!;
    let expected = 0;
    for (let i = 0; i < loc.nDemand; i++) {
      const t = Math.min(loc.fixedCost[i], ...set.map((j) => loc.candidateCost[i * loc.nCandidates + j]));
      expected += loc.demandWeight[i] * Math.max(0, t - 15);
    }
    expect(r.objective!).toBeCloseTo(expected, 6);
    expect(r.beyondCost).toBe(r.objective);
  });
});
