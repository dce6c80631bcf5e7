/**
 * Candidate sites for a new station: the populated places of each kommune, i.e. its populated postcode points
 * (#6) merged where they lie close together, each moved onto land inside the kommune's polygon.
 *
 * Merging (per kommune, greedy): the kommune's main populated place (`places.ts`) first, then the other points in
 * order of residents (ties: lower postnummer); each point not yet taken becomes a site and takes every untaken
 * point of the same kommune within `mergeKm` (default 5 km) of it. The site stands at its own postcode point and
 * carries the residents of the points it took. 5 km is well inside the 45-minute coverage radius and keeps the
 * engine's candidate count near 1,500 (3,022 postcode points otherwise).
 *
 * A point whose island is missing from the simplified polygons (#1 caveat: e.g. Myken, Selvær, Givær) would have
 * to move more than `maxMoveKm` (default 2 km) to reach its kommune's land, i.e. onto another island: it does not
 * become a site; its residents join the nearest site of its kommune and it is listed in that site's
 * `farPostcodes`. The kommune's main place always becomes a site.
 */
import { haversineKm } from '../../src/engine';
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
  /** Postcodes in `postcodes` farther than `mergeKm`: points on islands missing from the polygons (see above). */
  farPostcodes: string[];
  /** Set on the kommune's main populated place: how it was chosen. */
  centrePlace: CentrePlaceRule | '';
}

/**
 * Builds the sites of every kommune.
 * @param points all demand points; @param areaOf the kommune's polygon; @param centres main place per kommune
 */
export function buildSites(
  points: readonly DemandPoint[], areaOf: (kommunenummer: string) => Polygon | MultiPolygon,
  centres: ReadonlyMap<string, CentrePlace>, mergeKm = 5, maxMoveKm = 2,
): CandidateSite[] {
  const byKommune = new Map<string, DemandPoint[]>();
  for (const p of points) byKommune.set(p.kommunenummer, [...(byKommune.get(p.kommunenummer) ?? []), p]);
  const sites: CandidateSite[] = [];
  for (const knr of [...byKommune.keys()].sort()) {
    const centre = centres.get(knr);
    const order = [...byKommune.get(knr)!].sort((a, b) =>
      Number(b.id === centre?.demandPointId) - Number(a.id === centre?.demandPointId) || b.population - a.population || a.id.localeCompare(b.id));
    const taken = new Set<string>();
    const own: CandidateSite[] = [];
    const stranded: DemandPoint[] = [];
    for (const p of order) {
      if (taken.has(p.id)) continue;
      const members = order.filter((q) => !taken.has(q.id) && haversineKm([p.lon, p.lat], [q.lon, q.lat]) <= mergeKm);
      members.forEach((q) => taken.add(q.id));
      const snapped = snapIntoArea([p.lon, p.lat], areaOf(knr));
      const isCentre = p.id === centre?.demandPointId;
      if (snapped.movedKm > maxMoveKm && !isCentre) { stranded.push(...members); continue; }
      own.push({
        id: `s${p.id}`, kommunenummer: knr, place: p.place, postnummer: p.postnummer,
        lon: snapped.lonLat[0], lat: snapped.lonLat[1], sourceLon: p.lon, sourceLat: p.lat, movedKm: snapped.movedKm,
        population: members.reduce((s, q) => s + q.population, 0), postcodes: members.map((q) => q.postnummer),
        farPostcodes: [], centrePlace: isCentre ? centre.rule : '',
      });
    }
    for (const q of stranded) {
      const to = own.reduce((best, s) => (haversineKm([q.lon, q.lat], [s.sourceLon, s.sourceLat]) < haversineKm([q.lon, q.lat], [best.sourceLon, best.sourceLat]) ? s : best));
      to.population += q.population;
      to.postcodes.push(q.postnummer);
      if (haversineKm([q.lon, q.lat], [to.sourceLon, to.sourceLat]) > mergeKm) to.farPostcodes.push(q.postnummer);
    }
    for (const s of own) { s.postcodes.sort(); s.farPostcodes.sort(); }
    sites.push(...own);
  }
  return sites.sort((a, b) => a.kommunenummer.localeCompare(b.kommunenummer) || a.id.localeCompare(b.id));
}
