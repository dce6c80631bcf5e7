import { compareOutcomes, type ScenarioOutcome } from '../../src/planning/compare';
import { coverageByGroup, coverageLayer } from '../../src/planning/coverage-layer';
import { buildLocationProblem } from '../../src/engine';
import { indicatorPercentiles, percentileRanks } from '../../src/planning/percentiles';

const item = (k: string, rank: number, score: number) => ({ kommunenummer: k, name: `M${k}`, policeDistrict: rank % 2 ? 'Nord' : 'Sør', rank, score, eligible: true });

describe('percentileRanks', () => {
  it('When values are distinct, then each gets the mid-rank percentile and missing values get null', () => {
    expect(percentileRanks([10, null, 30, 20, NaN])).toEqual([100 / 6, null, 500 / 6, 50, null]);
  });

  it('When values tie, then they share one percentile and a lone value is the 50th', () => {
    expect(percentileRanks([5, 5, 5, 9])).toEqual([37.5, 37.5, 37.5, 87.5]);
    expect(percentileRanks([42])).toEqual([50]);
  });

  it('When the order of the input is shuffled, then each value keeps its percentile', () => {
    const values = [3, 1, 4, 1, 5, 9, 2, 6];
    const p = percentileRanks(values);
    const shuffled = [6, 2, 9, 5, 1, 4, 1, 3];
    const q = percentileRanks(shuffled);
    values.forEach((v, i) => expect(q[shuffled.indexOf(v)]).toBe(p[i]));
  });
});

describe('indicatorPercentiles', () => {
  const items = [
    { id: 'a', d: 'X', crime: 1, drive: null },
    { id: 'b', d: 'X', crime: 3, drive: 20 },
    { id: 'c', d: 'Y', crime: 2, drive: 10 },
    { id: 'd', d: 'Y', crime: 4, drive: 30 },
  ];
  it('When an item is described, then it gets its national and district percentile per indicator', () => {
    const p = indicatorPercentiles(items, 'b', ['crime', 'drive'], (x) => x.id, (x) => x.d);
    expect(p.crime).toEqual({ value: 3, national: 62.5, group: 75, groupCount: 2 });
    expect(p.drive).toEqual({ value: 20, national: 50, group: 50, groupCount: 1 });
  });

  it('When the id is unknown, then it throws naming the id', () => {
    expect(() => indicatorPercentiles(items, 'zz', ['crime'], (x) => x.id, (x) => x.d)).toThrow('zz');
  });
});

describe('compareOutcomes', () => {
  const a: ScenarioOutcome = {
    ranking: [item('0001', 1, 90), item('0002', 2, 80), item('0003', 3, 70), item('0004', 4, 60)],
    selected: ['0001', '0002'], coveredResidents: 1000, coveredShare: 0.5, meanAccessMin: 30,
  };
  const b: ScenarioOutcome = {
    ranking: [item('0003', 1, 95), item('0001', 2, 85), item('0004', 3, 65), item('0002', 4, 50)],
    selected: ['0003', '0001'], coveredResidents: 1200, coveredShare: 0.6, meanAccessMin: 28,
  };

  it('When two outcomes differ, then entering, leaving, staying, rank moves and coverage change are reported', () => {
    const c = compareOutcomes(a, b);
    expect(c.entering.map((m) => m.kommunenummer)).toEqual(['0003']);
    expect(c.leaving.map((m) => m.kommunenummer)).toEqual(['0002']);
    expect(c.staying.map((m) => m.kommunenummer)).toEqual(['0001']);
    expect(c.moves[0]).toMatchObject({ kommunenummer: '0003', rankA: 3, rankB: 1, delta: 2 });
    expect(c.moves.find((m) => m.kommunenummer === '0002')).toMatchObject({ delta: -2, inSetA: true, inSetB: false });
    expect(c.coveredResidents).toEqual({ a: 1000, b: 1200, change: 200 });
    expect(c.meanAccessMin.change).toBe(-2);
    expect(c.rankCorrelation).toBeCloseTo(1 - (6 * (4 + 1 + 1 + 4)) / (4 * 15), 10);
  });

  it('When an outcome is compared with itself, then nothing enters or leaves and the correlation is 1', () => {
    const c = compareOutcomes(a, a);
    expect(c.entering).toEqual([]);
    expect(c.leaving).toEqual([]);
    expect(c.coveredResidents.change).toBe(0);
    expect(c.rankCorrelation).toBe(1);
  });

  it('When coverage is unknown, then the change is null', () => {
    expect(compareOutcomes({ ...a, coveredResidents: null }, b).coveredResidents.change).toBeNull();
  });

  it('When the rankings cover different municipalities, then it throws', () => {
    expect(() => compareOutcomes(a, { ...b, ranking: b.ranking.slice(1) })).toThrow('same municipalities');
  });
});

describe('coverageLayer', () => {
  // Three demand points on a line (km = cost): one near the fixed site, one near candidate B, one far away.
  const problem = buildLocationProblem({
    demand: [{ lon: 10, lat: 60, weight: 100 }, { lon: 11, lat: 60, weight: 50 }, { lon: 14, lat: 60, weight: 10 }],
    candidates: [{ id: 'A', lon: 12.5, lat: 60 }, { id: 'B', lon: 11.01, lat: 60 }],
    fixed: [{ id: 'F', lon: 10.01, lat: 60 }],
  });

  it('When a proposed site reaches an uncovered point, then that point is covered by the proposal only', () => {
    const layer = coverageLayer(problem, ['B'], 5);
    expect(Array.from(layer.states)).toEqual([1, 2, 0]);
    expect(layer.residents).toEqual([10, 100, 50]);
  });

  it('When no site is proposed, then only the fixed sites cover', () => {
    expect(Array.from(coverageLayer(problem, [], 5).states)).toEqual([1, 0, 0]);
  });

  it('When summed per group, then each group gets its covered shares', () => {
    const layer = coverageLayer(problem, ['B'], 5);
    const groups = coverageByGroup(layer, problem.demandWeight, (i) => (i === 0 ? 'x' : 'y'));
    expect(groups.get('x')).toEqual({ residents: 100, shareExisting: 1, shareWithProposed: 1 });
    expect(groups.get('y')).toEqual({ residents: 60, shareExisting: 0, shareWithProposed: 50 / 60 });
  });
});
