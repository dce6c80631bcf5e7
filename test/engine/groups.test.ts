/** Several candidate sites per municipality (groups): at most maxPerGroup each, rules on groups, K counts sites. */
import {
  buildLocationProblem, buildSelectionProblem, checkSelection, createRng, defaultSelectionOptions, rankMunicipalities, selectSites, selectSitesGreedy,
  type SelectionOptions, type SelectionProblem,
} from '../../src/engine';
import { smallMunicipalities } from './helpers';

/** 6 municipalities (3 districts) with 3 sites each, on a 100 × 100 plane; scores per municipality. */
function groupedInstance(seed: number): SelectionProblem {
  const rng = createRng(seed);
  const groups = Array.from({ length: 6 }, (_, g) => ({ id: `M${g}`, district: `D${g % 3}`, score: Math.round(rng.next() * 100), x: rng.next() * 100, y: rng.next() * 100 }));
  const sites = groups.flatMap((g) => [0, 1, 2].map((s) => ({ id: `${g.id}-${s}`, group: g, x: g.x + (rng.next() - 0.5) * 30, y: g.y + (rng.next() - 0.5) * 30 })));
  const demand = Array.from({ length: 80 }, () => ({ x: rng.next() * 100, y: rng.next() * 100, w: 1 + Math.floor(rng.next() * 50) }));
  const location = buildLocationProblem({
    demand: demand.map((d) => ({ lon: 0, lat: 0, weight: d.w })), candidates: sites.map((s) => ({ id: s.id, lon: 0, lat: 0 })),
    costs: { candidate: Float64Array.from(demand.flatMap((d) => sites.map((s) => Math.hypot(d.x - s.x, d.y - s.y)))) },
  });
  return { candidates: sites.map((s) => ({ id: s.id, group: s.group.id, district: s.group.district, score: s.group.score })), location };
}

const opts = (o: Partial<SelectionOptions>): SelectionOptions => ({ ...defaultSelectionOptions, radius: 25, ...o });
const groupsOf = (p: SelectionProblem, ids: string[]) => ids.map((id) => p.candidates.find((c) => c.id === id)!.group);

describe('groups of sites', () => {
  test.each(['exact', 'greedy'] as const)('When K = 4 with the %s method, then four different municipalities get one site each', async (method) => {
    const p = groupedInstance(1);
    const r = await selectSites(p, opts({ k: 4, objective: 'coverage', method }));
    expect(r.selected).toHaveLength(4);
    expect(new Set(groupsOf(p, r.selected)).size).toBe(4);
    expect(r.selectedGroups).toEqual(groupsOf(p, r.selected));
    expect(checkSelection(p, opts({ k: 4 }), r.selected)).toEqual([]);
  });

  test('When maxPerGroup is 2, then a municipality may hold two sites and exact is never worse than with 1', async () => {
    const p = groupedInstance(2);
    const one = await selectSites(p, opts({ k: 5, objective: 'coverage' }));
    const two = await selectSites(p, opts({ k: 5, objective: 'coverage', maxPerGroup: 2 }));
    const counts = new Map<string, number>();
    for (const g of groupsOf(p, two.selected)) counts.set(g!, (counts.get(g!) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);
    expect(two.objective!).toBeGreaterThanOrEqual(one.objective!);
  });

  test.each(['exact', 'greedy'] as const)('When a municipality is included (%s), then one of its sites is chosen; when excluded, none', async (method) => {
    const p = groupedInstance(3);
    const r = await selectSites(p, opts({ k: 3, objective: 'coverage', method, include: ['M5'], exclude: ['M0', 'M1'] }));
    const groups = groupsOf(p, r.selected);
    expect(groups).toContain('M5');
    expect(groups).not.toContain('M0');
    expect(groups).not.toContain('M1');
    expect(r.sites.find((s) => s.group === 'M5')!.forced).toBe(true);
  });

  test('When district rules apply, then they count sites and both methods obey them', async () => {
    const p = groupedInstance(4);
    const o = opts({ k: 4, objective: 'access', districtMin: { D2: 2 }, districtMax: { D0: 1 } });
    for (const method of ['exact', 'greedy'] as const) {
      const r = await selectSites(p, { ...o, method });
      expect(checkSelection(p, o, r.selected)).toEqual([]);
    }
  });

  test('When K exceeds the number of municipalities at one site each, then the rules are infeasible naming the cap', () => {
    const r = selectSitesGreedy(groupedInstance(5), opts({ k: 7 }));
    expect(r.status).toBe('infeasible');
    expect(r.violated).toEqual([{ rule: 'kOverEligiblePerGroup', k: 7, eligible: 6, maxPerGroup: 1 }]);
  });

  test('When a group has sites in two districts, then the problem is refused naming the group', () => {
    const p = groupedInstance(6);
    const broken = { ...p, candidates: p.candidates.map((c, j) => (j === 0 ? { ...c, district: 'D9' } : c)) };
    expect(() => selectSitesGreedy(broken, opts({ k: 2 }))).toThrow('group M0 has sites in more than one police district');
  });

  test('When buildSelectionProblem gets several sites per municipality, then each inherits its municipality\u2019s score, eligibility and district', () => {
    const ms = smallMunicipalities(5, 3, true);
    const ranking = rankMunicipalities(ms);
    const sites = ms.flatMap((m, i) => [{ id: `${m.kommunenummer}-a`, kommunenummer: m.kommunenummer, lon: 10 + i, lat: 60, kind: 'place' }, { id: `${m.kommunenummer}-b`, kommunenummer: m.kommunenummer, lon: 10.1 + i, lat: 60.1, kind: 'premises' }]);
    const demand = ms.map((m) => ({ lon: m.centre[0], lat: m.centre[1], weight: m.population }));
    const problem = buildSelectionProblem({ municipalities: ms, ranking, sites, demand, travelMinutes: (km) => km });
    expect(problem.candidates).toHaveLength(10);
    expect(problem.location!.nCandidates).toBe(10);
    for (const c of problem.candidates) {
      const item = ranking.items.find((it) => it.kommunenummer === c.group)!;
      expect(c.score).toBe(item.score);
      expect(c.eligible).toBe(item.eligible);
      expect(c.district).toBe(ms.find((m) => m.kommunenummer === c.group)!.policeDistrict);
    }
    expect(() => buildSelectionProblem({ municipalities: ms, ranking, sites: [{ id: 'x', kommunenummer: '9999', lon: 0, lat: 0, kind: 'place' }] })).toThrow('kommunenummer 9999 is not a municipality');
  });
});

describe('rules under random seeds', () => {
  test('When groups, district minimums and maximums, includes and excludes are drawn at random, then greedy and exact obey them or both report infeasible, and exact is never worse', async () => {
    for (let seed = 100; seed < 130; seed++) {
      const rng = createRng(seed);
      const p = groupedInstance(seed);
      const pick = <T,>(xs: T[]): T => xs[Math.floor(rng.next() * xs.length)];
      const o = opts({
        k: 1 + Math.floor(rng.next() * 5), objective: pick(['coverage', 'access', 'beyond', 'score'] as const), maxPerGroup: pick([1, 1, 2]),
        districtMin: rng.next() < 0.5 ? { [pick(['D0', 'D1', 'D2'])]: 1 + Math.floor(rng.next() * 2) } : {},
        districtMax: rng.next() < 0.5 ? { [pick(['D0', 'D1', 'D2'])]: Math.floor(rng.next() * 3) } : {},
        include: rng.next() < 0.4 ? [pick(['M0', 'M1', 'M2', 'M3', 'M4', 'M5'])] : [],
        exclude: rng.next() < 0.4 ? [pick(['M0', 'M1', 'M2', 'M3', 'M4', 'M5'])] : [],
      });
      const g = selectSitesGreedy(p, o);
      const e = await selectSites(p, { ...o, enumerationLimit: 0 });
      expect(e.status === 'infeasible').toBe(g.status === 'infeasible');
      if (g.status === 'infeasible') continue;
      expect(checkSelection(p, o, g.selected)).toEqual([]);
      expect(checkSelection(p, o, e.selected)).toEqual([]);
      const sign = o.objective === 'access' || o.objective === 'beyond' ? -1 : 1;
      expect(sign * (e.objective! - g.objective!)).toBeGreaterThanOrEqual(-1e-9 * Math.max(1, Math.abs(g.objective!)));
    }
  });
});
