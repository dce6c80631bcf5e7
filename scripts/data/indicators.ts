/**
 * Access indicators from the built-in travel-time matrix (`travel-matrix.ts`): per demand point its minutes to the
 * nearest existing station; per kommune the population-weighted mean of those minutes, the residents beyond the
 * limit, and the nearest station from its main populated place (`places.ts`).
 */
import type { SparseTravelMatrix } from './travel-matrix';

/** Access of one kommune. */
export interface KommuneAccess {
  popMinutes: number;
  beyond: number;
  nearestStationId: string;
  nearestStationMin: number;
}

/**
 * Sums the matrix rows per kommune.
 * @param kommuneOf kommunenummer of demand point i; @param populationOf its residents
 * @param placeRow the matrix row of each kommune's main populated place
 * @param nSites number of site columns (station columns follow them)
 */
export function accessByKommune(
  matrix: SparseTravelMatrix, kommuneOf: (i: number) => string, populationOf: (i: number) => number,
  placeRow: ReadonlyMap<string, number>, nSites: number, limitMin = 45,
): Map<string, KommuneAccess> {
  const out = new Map<string, KommuneAccess>();
  matrix.rows.forEach((_, i) => {
    const k = kommuneOf(i);
    const a = out.get(k) ?? { popMinutes: 0, beyond: 0, nearestStationId: '', nearestStationMin: NaN };
    a.popMinutes += populationOf(i) * matrix.nearestStationMin[i];
    if (matrix.nearestStationMin[i] > limitMin) a.beyond += populationOf(i);
    out.set(k, a);
  });
  for (const [k, row] of placeRow) {
    const a = out.get(k);
    if (!a) throw new Error(`accessByKommune: kommune ${k} has no demand points`);
    const r = matrix.rows[row];
    let best = { id: '', min: Infinity };
    r.targets.forEach((t, n) => {
      const id = matrix.targetIds[t];
      if (t >= nSites && (r.minutes[n] < best.min || (r.minutes[n] === best.min && id < best.id))) best = { id, min: r.minutes[n] };
    });
    a.nearestStationId = best.id;
    a.nearestStationMin = best.min;
  }
  return out;
}
