/**
 * The main populated place of a kommune: the populated postcode point (#6) that stands for its centre, used as the
 * kommune's end of the TØI calibration pairs, as the point its drive times to stations are read from, and as its
 * default candidate site.
 *
 * Rule: among the kommune's demand points, those whose postcode place equals the administrative centre's name
 * (#3 `adm_center`, case-insensitive, also "Bogen i Ofoten" for "Bogen"); else those whose place equals the
 * kommune's name (first part of a combined Sami/Kven name); else all of them. Among the candidates, the one
 * nearest the population-weighted centre (ties: lower postnummer). `how` records which rule applied, so a label
 * never claims a place is the administrative centre when only the kommune name matched.
 */
import { haversineKm } from '../../src/engine';
import type { DemandPoint } from './demand';

/** How the place was chosen. */
export type CentrePlaceRule = 'admin_centre' | 'kommune_name' | 'nearest_weighted_centre';

/** The chosen place of one kommune. */
export interface CentrePlace {
  kommunenummer: string;
  demandPointId: string;
  rule: CentrePlaceRule;
}

const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Picks the main populated place of a kommune.
 * @param points the kommune's demand points (at least one)
 * @param adminCentre the administrative centre's name; @param kommuneName the kommune's name
 * @param weightedCentre `[lon, lat]` of the population-weighted centre
 * @throws Error when `points` is empty
 */
export function centrePlace(
  kommunenummer: string, points: readonly DemandPoint[], adminCentre: string, kommuneName: string, weightedCentre: readonly [number, number],
): CentrePlace {
  if (points.length === 0) throw new Error(`centrePlace: kommune ${kommunenummer} has no demand points`);
  const matches = (name: string) => {
    const n = norm(name);
    return n === '' ? [] : points.filter((p) => norm(p.place) === n || norm(p.place).startsWith(`${n} `));
  };
  const byAdmin = matches(adminCentre);
  const byName = byAdmin.length ? [] : matches(kommuneName.split(' - ')[0]);
  const rule: CentrePlaceRule = byAdmin.length ? 'admin_centre' : byName.length ? 'kommune_name' : 'nearest_weighted_centre';
  const pool = byAdmin.length ? byAdmin : byName.length ? byName : points;
  const best = [...pool].sort((a, b) => haversineKm([a.lon, a.lat], weightedCentre) - haversineKm([b.lon, b.lat], weightedCentre) || a.id.localeCompare(b.id))[0];
  return { kommunenummer, demandPointId: best.id, rule };
}
