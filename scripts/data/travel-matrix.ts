/**
 * The built-in travel-time matrix: minutes from every demand point to every candidate site and existing station
 * under the land/sea model, kept sparse by one documented rule.
 *
 * Rule (`marginMin`, default 30): a pair (demand point i, target j) is kept when its minutes are at most
 * F(i) + marginMin, where F(i) is the minutes from i to its nearest existing station; for stations, the three
 * nearest are kept as well. No objective needs the pairs left out: a site matters for i only when it is closer
 * than i's nearest station (coverage within any radius r < F(i), the population-weighted access, the minutes
 * beyond a limit), and the margin leaves room for the model's error when robustness perturbs the minutes.
 *
 * Method: one multi-source search from all stations gives each cell its cost to the nearest station; then one
 * search per target, pruned where (cost from the target) − (cost to the nearest station) exceeds the margin.
 * That difference never decreases along a shortest path from the target (the station costs obey the triangle
 * inequality), so the pruning drops no kept pair.
 */
import { CostDistance } from '../../src/geo/cost-distance';
import type { LandSnap } from '../../src/geo/land-grid';
import type { LandGrid } from '../../src/geo/land-grid';
import { haversineKm } from '../../src/engine';
import { type LonLat } from '../../src/geo';
import { minutesFromCost, searchRates, type LandSeaParams } from '../../src/geo/travel-model';

/** A place on the grid: its position and its snap to a land cell. */
export interface GridPlace {
  id: string;
  at: LonLat;
  snap: LandSnap;
}

/** The sparse matrix: per demand point, the kept (target index, minutes) pairs sorted by target index. */
export interface SparseTravelMatrix {
  targetIds: string[];
  rows: { demandId: string; targets: number[]; minutes: number[] }[];
  /** Minutes from each demand point to its nearest station. */
  nearestStationMin: number[];
  marginMin: number;
}

/** How far beyond a demand point's nearest station the station searches reach (to find its three nearest), minutes. */
const STATION_SEARCH_BEYOND_MIN = 240;

/** Rounds minutes to the stored precision (0.1 min). */
export const roundMinutes = (m: number): number => Math.round(m * 10) / 10;

/**
 * Computes the sparse matrix.
 * @param grid land grid with links and remote land marked; @param params the fitted model
 * @param demand demand points; @param sites candidate sites; @param stations existing stations (≥ 1)
 */
export function buildTravelMatrix(
  grid: LandGrid, params: LandSeaParams, demand: readonly GridPlace[], sites: readonly GridPlace[], stations: readonly GridPlace[], marginMin = 30,
): SparseTravelMatrix {
  if (stations.length === 0) throw new Error('buildTravelMatrix: stations must not be empty');
  const rates = searchRates(params);
  const marginCost = marginMin / params.landMinPerKm;
  const field = new CostDistance(grid, rates);
  field.run(stations.map((s) => ({ cell: s.snap.cell, cost: s.snap.offsetKm })));
  const toStation = Float64Array.from(demand, (d) => field.cost(d.snap.cell));
  const stationField = (cell: number) => field.cost(cell);
  const search = new CostDistance(grid, rates);
  const targets = [...sites, ...stations];
  const cost = (d: GridPlace, t: GridPlace): number =>
    d.snap.cell === t.snap.cell ? haversineKm(d.at, t.at) : search.cost(d.snap.cell) + d.snap.offsetKm;
  const byCell = new Map<number, number[]>();
  demand.forEach((d, i) => byCell.set(d.snap.cell, [...(byCell.get(d.snap.cell) ?? []), i]));
  // Per demand point: every target within the margin; stations are searched 4 hours beyond the nearest, so the
  // three nearest stations of every demand point are found (the profile lists them).
  const found: { target: number; minutes: number }[][] = demand.map(() => []);
  targets.forEach((t, j) => {
    const isStation = j >= sites.length;
    const limit = isStation ? STATION_SEARCH_BEYOND_MIN / params.landMinPerKm : marginCost;
    search.run([{ cell: t.snap.cell, cost: t.snap.offsetKm }], { prune: (cell, c) => c - stationField(cell) > limit });
    for (const [cell, list] of byCell) {
      const c = search.cost(cell);
      if (!(c - stationField(cell) <= limit) && cell !== t.snap.cell) continue;
      for (const i of list) found[i].push({ target: j, minutes: roundMinutes(minutesFromCost(cost(demand[i], t), params)) });
    }
  });
  const rows = demand.map((d, i) => keepRow(d.id, found[i], sites.length, marginMin));
  const nearestStationMin = rows.map((r, i) => {
    const m = Math.min(...r.targets.flatMap((t, k) => (t >= sites.length ? [r.minutes[k]] : [])));
    if (!Number.isFinite(m)) throw new Error(`buildTravelMatrix: demand point ${demand[i].id} reaches no station (field ${toStation[i]})`);
    return m;
  });
  return { targetIds: targets.map((t) => t.id), rows, nearestStationMin, marginMin };
}

function keepRow(demandId: string, found: { target: number; minutes: number }[], nSites: number, marginMin: number) {
  const stations = found.filter((f) => f.target >= nSites).sort((a, b) => a.minutes - b.minutes || a.target - b.target);
  const nearest = stations.length ? stations[0].minutes : Infinity;
  const nearestThree = new Set(stations.slice(0, 3).map((s) => s.target));
  const kept = found
    .filter((f) => f.minutes <= nearest + marginMin || nearestThree.has(f.target))
    .sort((a, b) => a.target - b.target);
  return { demandId, targets: kept.map((k) => k.target), minutes: kept.map((k) => k.minutes) };
}

/**
 * The committed text form: line 1 a JSON header (format, unit, rule, column ids); then one line per demand point,
 * `<demand id> <Δcolumn>:<tenths of a minute> …` with each column index given as the difference from the
 * previous one on the line. Deterministic and compact (repeated small integers compress well).
 */
export function formatTravelMatrix(m: SparseTravelMatrix, header: Record<string, unknown>): string {
  const lines = [JSON.stringify({ ...header, marginMin: m.marginMin, columns: m.targetIds })];
  for (const r of m.rows) {
    let prev = 0;
    const cells = r.targets.map((t, k) => {
      const s = `${t - prev}:${Math.round(r.minutes[k] * 10)}`;
      prev = t;
      return s;
    });
    lines.push([r.demandId, ...cells].join(' '));
  }
  return lines.join('\n') + '\n';
}
