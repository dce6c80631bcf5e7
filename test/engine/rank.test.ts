import { DEFAULT_WEIGHTS, rankMunicipalities, createRng, type MunicipalityInput } from '../../src/engine';
import { smallMunicipalities } from './helpers';

const order = (ms: MunicipalityInput[], opts = {}): string[] => rankMunicipalities(ms, opts).items.map((i) => i.kommunenummer);

describe('rankMunicipalities', () => {
  const ms = smallMunicipalities(40, 7, true);

  test.each(['wsm', 'topsis'] as const)('When all weights are scaled by 3, then the %s order is unchanged', (method) => {
    const weights = { ...DEFAULT_WEIGHTS, driveTime: 2, uncovered: 1, crimeRate: 1.5, population: 0.5 };
    const tripled = Object.fromEntries(Object.entries(weights).map(([k, v]) => [k, v * 3]));
    expect(order(ms, { method, weights: tripled })).toEqual(order(ms, { method, weights }));
  });

  test.each(['minmax', 'percentile', 'z'] as const)('When the input is shuffled, then the ranking (%s) is the same', (normalization) => {
    const rng = createRng(3);
    const shuffled = [...ms];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    expect(order(shuffled, { normalization })).toEqual(order(ms, { normalization }));
  });

  test('When ranking with any method, then scores are finite and within 0–100 and WSM contributions sum to the score', () => {
    for (const method of ['wsm', 'topsis'] as const) {
      for (const item of rankMunicipalities(ms, { method }).items) {
        expect(Number.isFinite(item.score)).toBe(true);
        expect(item.score).toBeGreaterThanOrEqual(0);
        expect(item.score).toBeLessThanOrEqual(100 + 1e-9);
        if (method === 'wsm') expect(Object.values(item.contributions).reduce((a, b) => a + b, 0)).toBeCloseTo(item.score, 9);
      }
    }
  });

  test('When a value is missing, then the criterion is listed as missing and contributes nothing', () => {
    const result = rankMunicipalities(ms);
    const withMissing = result.items.filter((i) => i.values.crimeRate === null);
    expect(withMissing.length).toBeGreaterThan(0);
    for (const item of withMissing) {
      expect(item.missing).toContain('crimeRate');
      expect(item.contributions.crimeRate).toBe(0);
    }
  });

  test('When answers are loaded and the wish gate is on, then only municipalities that said yes are eligible', () => {
    const result = rankMunicipalities(ms);
    expect(result.answersLoaded).toBe(true);
    for (const item of result.items) {
      const said = ms.find((m) => m.kommunenummer === item.kommunenummer)!.answer!.wantsStation;
      expect(item.eligible).toBe(said === 'yes');
      expect(item.reason).toBe(said === 'yes' ? null : 'wishNo');
    }
    expect(rankMunicipalities(ms, { wishGate: false }).items.every((i) => i.eligible)).toBe(true);
  });

  test('When no answers are loaded, then everyone is eligible and the result says answersLoaded false', () => {
    const result = rankMunicipalities(smallMunicipalities(10, 1, false));
    expect(result.answersLoaded).toBe(false);
    expect(result.items.every((i) => i.eligible && i.reason === null)).toBe(true);
  });

  test('When scores tie, then the larger population ranks first, then the lower kommunenummer', () => {
    const base = { name: 'x', policeDistrict: 'D', centre: [10, 60] as const, driveMinMean: 10 };
    const tied: MunicipalityInput[] = [
      { ...base, kommunenummer: '0003', population: 500 },
      { ...base, kommunenummer: '0002', population: 900 },
      { ...base, kommunenummer: '0001', population: 500 },
    ];
    expect(order(tied, { weights: { driveTime: 1, uncovered: 0, crimeRate: 0, violenceRate: 0, crimeTrend: 0, population: 0, premises: 0, dissatisfied: 0 } }))
      .toEqual(['0002', '0001', '0003']);
  });

  test('When a weight is negative or unknown, then ranking throws naming the weight', () => {
    expect(() => rankMunicipalities(ms, { weights: { crimeRate: -1 } })).toThrow('weights.crimeRate');
    expect(() => rankMunicipalities(ms, { weights: { nonsense: 1 } as never })).toThrow('weights.nonsense');
  });
});
