import {
  buildSelectionProblem, DEFAULT_WEIGHTS, mergeRobustnessCounts, rankMunicipalities, robustness, robustnessCounts, selectSites, summarizeRobustness,
  type MunicipalityInput, type RobustnessOptions,
} from '../../src/engine';
import { smallMunicipalities } from './helpers';

describe('robustness of the ranking', () => {
  const ms = smallMunicipalities(30, 5, true);

  test('When run twice with the same seed, then the results are identical; another seed differs', () => {
    const a = robustness(ms, {}, { samples: 300, seed: 42, k: 5 });
    const b = robustness(ms, {}, { samples: 300, seed: 42, k: 5 });
    const c = robustness(ms, {}, { samples: 300, seed: 43, k: 5, mode: 'simplex' });
    expect(a).toEqual(b);
    expect(c.items).not.toEqual(a.items);
  });

  test('When sampling, then probabilities lie in [0, 1] and rank percentiles are ordered', () => {
    for (const mode of ['around', 'simplex'] as const) {
      const r = robustness(ms, { method: 'topsis' }, { samples: 200, seed: 1, k: 5, mode });
      for (const it of r.items) {
        expect(it.pTopK).toBeGreaterThanOrEqual(0);
        expect(it.pInSet).toBeLessThanOrEqual(1);
        expect(it.rankP05).toBeLessThanOrEqual(it.rankMedian);
        expect(it.rankMedian).toBeLessThanOrEqual(it.rankP95);
        if (!it.eligible) expect(it.pInSet + it.pTopK).toBe(0);
      }
      const inSet = r.items.reduce((s, it) => s + it.pInSet, 0);
      expect(inSet).toBeCloseTo(5, 9);
    }
  });

  test('When samples are concentrated tightly around the weights, then every rank stays at its base rank', () => {
    const r = robustness(ms, {}, { samples: 100, seed: 2, k: 5, concentration: 1e9 });
    for (const it of r.items) {
      expect(it.rankP05).toBe(it.rankBase);
      expect(it.rankP95).toBe(it.rankBase);
    }
  });

  test('When compared with rankMunicipalities, then rankBase is the same rank', () => {
    const ms2 = smallMunicipalities(30, 8, false);
    const ranks = new Map(rankMunicipalities(ms2).items.map((i) => [i.kommunenummer, i.rank]));
    for (const it of robustness(ms2, {}, { samples: 10, k: 5 }).items) expect(it.rankBase).toBe(ranks.get(it.kommunenummer));
  });

  test('When all criteria weights are scaled by 4, then nothing changes', () => {
    const weights = Object.fromEntries(Object.entries(DEFAULT_WEIGHTS).map(([id, w]) => [id, w + 1]));
    const scaled = Object.fromEntries(Object.entries(weights).map(([id, w]) => [id, 4 * w]));
    expect(robustness(ms, { weights: scaled }, { samples: 150, seed: 4, k: 5 })).toEqual(robustness(ms, { weights }, { samples: 150, seed: 4, k: 5 }));
  });
});

describe('robustness of the proposed set', () => {
  const ms = smallMunicipalities(24, 9, false);
  const demand = ms.flatMap((m, i) => [0, 1].map((d) => ({ lon: m.centre[0] + 0.05 * d, lat: m.centre[1] + 0.02 * d, weight: 100 + ((i * 37 + d * 11) % 500) })));
  const existing = ms.filter((_, i) => i % 6 === 0).map((m) => ({ id: `S${m.kommunenummer}`, lon: m.centre[0], lat: m.centre[1] }));
  const travelMinutes = (km: number) => 5 + km;
  const problem = buildSelectionProblem({ municipalities: ms, ranking: rankMunicipalities(ms), demand, existing, travelMinutes });
  const residuals = [-12, -6, -2, 0, 0, 1, 3, 8, 15, 25];
  const base: Partial<RobustnessOptions> = { samples: 120, seed: 5, k: 6, selection: { objective: 'coverage', radius: 40 } };

  test('When the proposal is passed as sample 0, then every proposed site has pInSet > 0 in every family', async () => {
    const proposal = await selectSites(problem, { k: 6, objective: 'coverage', radius: 40 });
    const r = robustness(ms, {}, { ...base, proposal: proposal.selected, travelError: { residuals, kind: 'additive' } }, problem.location);
    expect(r.sampled).toEqual({ weights: true, travel: true });
    for (const id of proposal.selected) {
      const it = r.items.find((x) => x.kommunenummer === id)!;
      expect(it.pInSet).toBeGreaterThan(0);
      expect(it.pInSetWeights).toBeGreaterThan(0);
      expect(it.pInSetTravel!).toBeGreaterThan(0);
    }
    expect(r.sites.reduce((s, x) => s + x.pInSet, 0)).toBeCloseTo(6, 9);
    expect(r.method.join(' ')).toMatch(/sample 0 is the proposal itself/);
    expect(r.method.join(' ')).toMatch(/only through the score tie-break/);
  });

  test('When the travel model is unperturbed and weights only break ties, then the greedy sets of the weight family reproduce the proposal', async () => {
    const proposal = await selectSites(problem, { k: 6, objective: 'coverage', radius: 40, method: 'greedy' });
    const r = robustness(ms, {}, { ...base, samples: 40, concentration: 1e9, proposal: proposal.selected }, problem.location);
    for (const it of r.items) expect(it.pInSetWeights).toBe(proposal.selected.includes(it.kommunenummer) ? 1 : 0);
    expect(r.items.filter((it) => it.stableUnderWeights).map((it) => it.kommunenummer).sort()).toEqual([...proposal.selected].sort());
  });

  test('When travel errors are sampled, then the result is seeded: the same seed repeats, stability flags follow the shares', () => {
    const o = { ...base, travelError: { residuals, kind: 'additive' as const } };
    const a = robustness(ms, {}, o, problem.location);
    expect(robustness(ms, {}, o, problem.location)).toEqual(a);
    for (const it of a.items) {
      expect(it.stableUnderTravel).toBe(it.pInSetTravel! >= 0.8);
      expect(it.stableUnderBoth).toBe(it.pInSet >= 0.8);
    }
    const multiplicative = robustness(ms, {}, { ...o, travelError: { residuals: [-0.3, -0.1, 0, 0.1, 0.4], kind: 'multiplicative' } }, problem.location);
    expect(multiplicative.items.map((x) => x.pInSetTravel)).not.toEqual(a.items.map((x) => x.pInSetTravel));
  });

  test('When the samples are counted in chunks and merged, then the result equals one run over all samples', () => {
    const o = { ...base, travelError: { residuals, kind: 'additive' as const } };
    const whole = robustness(ms, {}, o, problem.location);
    const merged = mergeRobustnessCounts(robustnessCounts(ms, {}, o, problem.location, [0, 50]), robustnessCounts(ms, {}, o, problem.location, [50, 120]));
    expect(summarizeRobustness(ms, {}, o, merged, problem.location)).toEqual(whole);
  });

  test.each(['access', 'beyond'] as const)('When the %s objective is sampled with travel error, then every sample holds K sites and the run repeats', (objective) => {
    const o = { ...base, samples: 60, selection: { objective, radius: 30 }, travelError: { residuals: [-0.3, -0.1, 0, 0.2, 0.5], kind: 'multiplicative' as const } };
    const r = robustness(ms, {}, o, problem.location);
    expect(robustness(ms, {}, o, problem.location)).toEqual(r);
    expect(r.sampled.travel).toBe(true);
    for (const family of ['pInSet', 'pInSetWeights', 'pInSetTravel'] as const) {
      expect(r.sites.reduce((sum, x) => sum + (x[family] ?? 0), 0)).toBeCloseTo(6, 9);
    }
  });

  test('When the objective is score, then the travel model is not sampled and the text says so', () => {
    const r = robustness(ms, {}, { ...base, selection: { objective: 'score' }, travelError: { residuals, kind: 'additive' } }, problem.location);
    expect(r.sampled.travel).toBe(false);
    expect(r.items.every((it) => it.pInSetTravel === null)).toBe(true);
    expect(r.method.join(' ')).toMatch(/travel model does not enter/);
  });

  test('When a proposal names an unknown site or the residuals are empty, then robustness throws naming it', () => {
    expect(() => robustness(ms, {}, { ...base, proposal: ['nope'] }, problem.location)).toThrow('proposal site nope is not a candidate');
    expect(() => robustness(ms, {}, { ...base, travelError: { residuals: [], kind: 'additive' } }, problem.location)).toThrow('travelError.residuals must not be empty');
  });

  test('When several sites per municipality are sampled, then municipality shares count a municipality once per sample', () => {
    const sites = ms.flatMap((m) => ['a', 'b'].map((s, k) => ({ id: `${m.kommunenummer}${s}`, kommunenummer: m.kommunenummer, lon: m.centre[0] + 0.03 * k, lat: m.centre[1], kind: 'place' })));
    const twoSites = buildSelectionProblem({ municipalities: ms, ranking: rankMunicipalities(ms), sites, demand, existing, travelMinutes });
    const r = robustness(ms as MunicipalityInput[], {}, { ...base, sites, selection: { objective: 'coverage', radius: 40, maxPerGroup: 2 } }, twoSites.location);
    for (const it of r.items) expect(it.pInSet).toBeLessThanOrEqual(1);
    expect(r.sites).toHaveLength(48);
    expect(r.sites.reduce((s, x) => s + x.pInSet, 0)).toBeCloseTo(6, 9);
  });

  test('When two sites of a municipality are equally good and the proposal chose one by its priority, then the weight samples keep that site', async () => {
    // Both sites stand on the same point (same gain, same score); only the priority, which favours the later id, tells them apart.
    const sites = ms.flatMap((m) => ['a', 'b'].map((s) => ({ id: `${m.kommunenummer}${s}`, kommunenummer: m.kommunenummer, lon: m.centre[0], lat: m.centre[1], kind: 'place', priority: s === 'b' ? 1 : 0 })));
    const twoSites = buildSelectionProblem({ municipalities: ms, ranking: rankMunicipalities(ms), sites, demand, existing, travelMinutes });
    const proposal = await selectSites(twoSites, { k: 6, objective: 'coverage', radius: 40 });
    expect(proposal.selected.every((id) => id.endsWith('b'))).toBe(true);
    const r = robustness(ms as MunicipalityInput[], {}, { ...base, samples: 40, sites, proposal: proposal.selected }, twoSites.location);
    for (const it of r.items) {
      // Whenever the municipality is in a sample's set, it is there with the proposal's choice of site.
      expect(r.sites.find((x) => x.id === `${it.kommunenummer}a`)!.pInSetWeights).toBe(0);
      expect(r.sites.find((x) => x.id === `${it.kommunenummer}b`)!.pInSetWeights).toBe(it.pInSetWeights);
    }
    expect(r.items.some((it) => it.pInSetWeights > 0.5)).toBe(true);
  });
});
