import type { Polygon } from 'geojson';
import { CostDistance } from '../../src/geo/cost-distance';
import { buildLandGrid, cellAt, LAND } from '../../src/geo/land-grid';
import { markRemoteLand } from '../../src/geo/remote-land';
import { projectKm, unprojectKm } from '../../src/geo/projection';

const o = projectKm([10, 60]);
const rect = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]].map(([x, y]) => unprojectKm({ x: o.x + x, y: o.y + y }))],
});
const at = (grid: ReturnType<typeof buildLandGrid>, x: number, y: number) => cellAt(grid, { x: o.x + x + 0.01, y: o.y + y + 0.01 });

describe('CostDistance', () => {
  // Two islands 10 km apart across open sea (x = 0–10 and 20–30 km), 10 km tall.
  const grid = buildLandGrid([rect(0, 0, 10, 10), rect(20, 0, 30, 10)], { marginKm: 10 });
  const rates = { landPerKm: 1, seaPerKm: 3, ferryPenalty: 20 };

  it('When a trip stays on land, then its cost is its length at the land rate and it takes no ferry', () => {
    const s = new CostDistance(grid, rates);
    s.run([{ cell: at(grid, 1.5, 5.5), cost: 0 }]);
    expect(s.cost(at(grid, 8.5, 5.5))).toBeCloseTo(7, 6);
    expect(s.crossings(at(grid, 8.5, 5.5))).toBe(0);
  });

  it('When a trip crosses the sea, then it pays the sea rate and exactly one ferry penalty', () => {
    const s = new CostDistance(grid, rates);
    s.run([{ cell: at(grid, 9.5, 5.5), cost: 0 }]);
    const c = s.cost(at(grid, 20.5, 5.5));
    // 11 cells: a half-cell of land at each end, ten sea cells in between.
    expect(c).toBeCloseTo(0.5 + 10 * 3 + 0.5 + 20, 6);
    expect(s.crossings(at(grid, 20.5, 5.5))).toBe(1);
  });

  it('When the ferry penalty rises, then the cross-sea cost rises by exactly the difference', () => {
    const a = new CostDistance(grid, rates);
    const b = new CostDistance(grid, { ...rates, ferryPenalty: 35 });
    a.run([{ cell: at(grid, 5.5, 5.5), cost: 0 }]);
    b.run([{ cell: at(grid, 5.5, 5.5), cost: 0 }]);
    expect(b.cost(at(grid, 25.5, 5.5)) - a.cost(at(grid, 25.5, 5.5))).toBeCloseTo(15, 6);
  });

  it('When a search is pruned at a cost, then cells beyond are not reached and one run resets the last', () => {
    const s = new CostDistance(grid, rates);
    s.run([{ cell: at(grid, 1.5, 5.5), cost: 0 }], { maxCost: 3 });
    expect(s.cost(at(grid, 8.5, 5.5))).toBe(Infinity);
    s.run([{ cell: at(grid, 8.5, 5.5), cost: 0 }]);
    expect(s.cost(at(grid, 8.5, 5.5))).toBe(0);
  });

  it('When the rates are negative or a source is not land or sea, then it throws naming them', () => {
    expect(() => new CostDistance(grid, { ...rates, seaPerKm: -1 })).toThrow('rates.seaPerKm');
    const s = new CostDistance(grid, rates);
    expect(() => s.run([{ cell: -1, cost: 0 }])).toThrow('source cell');
  });

  it('When land is far from every settlement, then it is marked remote and costs the remote rate', () => {
    const big = buildLandGrid([rect(0, 0, 40, 4)], { marginKm: 10 });
    const n = markRemoteLand(big, [at(big, 0.5, 1.5)], 10);
    expect(n).toBeGreaterThan(0);
    expect(big.remote[at(big, 30.5, 1.5)]).toBe(1);
    expect(big.remote[at(big, 3.5, 1.5)]).toBe(0);
    const s = new CostDistance(big, { landPerKm: 1, seaPerKm: 3, ferryPenalty: 20, remoteLandPerKm: 2 });
    s.run([{ cell: at(big, 0.5, 1.5), cost: 0 }]);
    // Land to about 10 km from the settlement at rate 1, beyond it at rate 2.
    expect(s.cost(at(big, 30.5, 1.5))).toBeGreaterThan(45);
    expect(big.kind[at(big, 30.5, 1.5)]).toBe(LAND);
  });
});
