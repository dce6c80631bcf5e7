/**
 * Remote land: LAND cells farther than a distance from every settlement. Roads follow settlements through
 * valleys and along coasts; the land between them (mountains, plateaus, glaciers) is crossed by few or no roads,
 * so the travel model can charge it a higher rate. Settlements are the populated postcode points (data/SOURCES.md
 * #6); the distance is the least straight-line km over land and sea cells (Dijkstra on the 8-neighbour grid,
 * `cost-distance.ts`), so a settlement across a fjord still counts.
 */
import { CostDistance } from './cost-distance';
import { LAND, type LandGrid } from './land-grid';

/**
 * Marks `grid.remote` (mutates it): 1 on every LAND cell more than `distanceKm` from all `settlementCells`.
 * @param settlementCells LAND or SEA cells of the settlements (at least one)
 * @param distanceKm the distance beyond which land counts as remote, km (> 0)
 * @returns the number of remote cells
 * @throws Error when `distanceKm` is not > 0 or no settlement is given
 */
export function markRemoteLand(grid: LandGrid, settlementCells: readonly number[], distanceKm: number): number {
  if (!(distanceKm > 0)) throw new Error('distanceKm must be > 0');
  if (settlementCells.length === 0) throw new Error('settlementCells must not be empty');
  const search = new CostDistance(grid, { landPerKm: 1, seaPerKm: 1, ferryPenalty: 0 });
  search.run([...new Set(settlementCells)].sort((a, b) => a - b).map((cell) => ({ cell, cost: 0 })), { maxCost: distanceKm });
  let n = 0;
  for (let cell = 0; cell < grid.kind.length; cell++) {
    const remote = grid.kind[cell] === LAND && !(search.cost(cell) <= distanceKm);
    grid.remote[cell] = remote ? 1 : 0;
    if (remote) n++;
  }
  return n;
}
