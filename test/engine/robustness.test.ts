import { robustness } from '../../src/engine';
import { smallMunicipalities } from './helpers';

describe('robustness', () => {
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
});

describe('robustness base ranks', () => {
  test('When compared with rankMunicipalities, then rankBase is the same rank', async () => {
    const { rankMunicipalities } = await import('../../src/engine');
    const ms = smallMunicipalities(30, 8, false);
    const ranks = new Map(rankMunicipalities(ms).items.map((i) => [i.kommunenummer, i.rank]));
    for (const it of robustness(ms, {}, { samples: 10, k: 5 }).items) expect(it.rankBase).toBe(ranks.get(it.kommunenummer));
  });
});
