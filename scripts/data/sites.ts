/**
 * Candidate sites for a new station: the populated places of each kommune, i.e. its populated postcode points
 * (#6) merged where they lie close together, each moved onto land inside the kommune's polygon.
 *
 * Merging (per kommune, greedy): the kommune's main populated place (`places.ts`) first, then the other points in
 * order of residents (ties: lower postnummer); each point not yet taken becomes a site and takes every untaken
 * point of the same kommune within `mergeKm` (default 5 km) of it. The site stands at its own postcode point and
 * carries the residents of the points it took. 5 km is well inside the 45-minute coverage radius and keeps the
 * engine's candidate count near 1,500 (3,022 postcode points otherwise).
 */
import { haversineKm } from '../../src/geo';
import { snapIntoArea } from '../../src/geo/snap';
import type { MultiPolygon, Polygon } from 'geojson';
import type { DemandPoint } from './demand';
import type { CentrePlace, CentrePlaceRule } from './places';

/** One candidate site. */
export interface CandidateSite {
  id: string;
  kommunenummer: string;
  place: string;
  postnummer: string;
  /** On land, inside the kommune polygon. */
  lon: number;
  lat: number;
  /** The postcode point before snapping. */
  sourceLon: number;
  sourceLat: number;
  movedKm: number;
  /** Residents of the postcode points merged into the site. */
  population: number;
  postcodes: string[];
  /** Set on the kommune's main populated place: how it was chosen. */
  centrePlace: CentrePlaceRule | '';
}

/**
 * Builds the sites of every kommune.
 * @param points all demand points; @param areaOf the kommune's polygon; @param centres main place per kommune
 */
export function buildSites(
  points: readonly DemandPoint[], areaOf: (kommunenummer: string) => Polygon | MultiPolygon,
  centres: ReadonlyMap<string, CentrePlace>, mergeKm = 5,
): CandidateSite[] {
  const byKommune = new Map<string, DemandPoint[]>();
  for (const p of points) byKommune.set(p.kommunenummer, [...(byKommune.get(p.kommunenummer) ?? []), p]);
  const sites: CandidateSite[] = [];
  for (const knr of [...byKommune.keys()].sort()) {
    const centre = centres.get(knr);
    const order = [...byKommune.get(knr)!].sort((a, b) =>
      Number(b.id === centre?.demandPointId) - Number(a.id === centre?.demandPointId) || b.population - a.population || a.id.localeCompare(b.id));
    const taken = new Set<string>();
    for (const p of order) {
      if (taken.has(p.id)) continue;
      const members = order.filter((q) => !taken.has(q.id) && haversineKm([p.lon, p.lat], [q.lon, q.lat]) <= mergeKm);
      members.forEach((q) => taken.add(q.id));
      const snapped = snapIntoArea([p.lon, p.lat], areaOf(knr));
      sites.push({
        id: `s${p.id}`, kommunenummer: knr, place: p.place, postnummer: p.postnummer,
        lon: snapped.lonLat[0], lat: snapped.lonLat[1], sourceLon: p.lon, sourceLat: p.lat, movedKm: snapped.movedKm,
        population: members.reduce((s, q) => s + q.population, 0), postcodes: members.map((q) => q.postnummer).sort(),
        centrePlace: p.id === centre?.demandPointId ? centre.rule : '',
      });
    }
  }
  return sites.sort((a, b) => a.kommunenummer.localeCompare(b.kommunenummer) || a.id.localeCompare(b.id));
}
