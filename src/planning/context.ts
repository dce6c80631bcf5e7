/**
 * Builds the engine's inputs from the database (the I/O shell around the pure engine) and caches them until the
 * data, the answers, the district assessments or the chosen travel model change. Converting once keeps
 * re-ranking and greedy selection inside the interactive budget.
 *
 * Minutes come from a travel-time matrix, never from km: the built-in land/sea model (`data/travel-times.txt`)
 * or an imported router matrix (`travel-models.ts`). Offered premises are not in any matrix (they arrive with the
 * answers); a premises site reads the minutes of the populated places of its municipality plus the straight
 * leg from that place at the built-in model's land rate, and takes the best of them (data/SOURCES.md).
 */
import type { Kommunenummer } from '../common/kommunenummer';
import type { Db } from '../db/connection';
import { getMeta } from '../db/load-dataset';
import { listDemandPoints, listMunicipalities, listSites, listStations, type Municipality, type Site } from '../db/municipalities-repo';
import { answersStatus, engineAnswers, listResponses, type EngineAnswer } from '../db/responses-repo';
import { answersRevision } from '../db/revisions';
import { assessmentsRevision, districtAdviceByMunicipality } from '../db/advice';
import { buildLocationProblem, type LocationProblem } from '../engine/location';
import type { MunicipalityInput } from '../engine/criteria';
import { haversineKm } from '../engine/sphere';
import { resolveTravelModel, type TravelModelInfo, type TravelModelRef } from './travel-models';
import { denseCosts, nearestOf, type CandidateColumns, type TravelMatrix } from '../model/travel-matrix';
import { ValidationError } from '../common/errors';

/** A candidate site: a populated place (from data/sites.csv) or offered premises (from the answers). */
export interface CandidateSite {
  id: string;
  kommunenummer: string;
  lon: number;
  lat: number;
  kind: 'place' | 'premises';
  /** e.g. "Hansnes (9130)" or the premises' address. */
  label: string;
  /** Residents of the place's merged postcodes (places only). */
  population: number | null;
  /** Set on the municipality's main populated place. */
  centrePlace: Site['centrePlace'];
}

/** The one site per municipality the engine uses today: the offered premises, else the main populated place. */
export interface MunicipalitySite {
  kommunenummer: string;
  id: string;
  lon: number;
  lat: number;
  kind: 'premises' | 'centre';
  label: string;
}

/** Access of one municipality under the context's travel model. */
export interface MunicipalityAccess {
  driveMinMean: number;
  residentsBeyond45: number;
  nearestStationId: string | null;
  nearestStationMin: number | null;
  /** Demand points (populated postcodes) of the municipality. */
  demandPoints: number;
}

export interface PlanningContext {
  /** Cache key: data hash + answers revision + district assessments revision + travel model. */
  revision: string;
  municipalities: Municipality[];
  inputs: MunicipalityInput[];
  /** One candidate site per municipality (same order as `inputs`). */
  sites: MunicipalitySite[];
  /** Every candidate site: all populated places, then offered premises (see `CandidateSite`). */
  allSites: CandidateSite[];
  location: LocationProblem;
  answers: { loaded: boolean; sample: boolean; count: number };
  travelModel: TravelModelInfo;
  access: Map<string, MunicipalityAccess>;
  stationCount: number;
  /** The `count` nearest stations from a municipality's main populated place, by the context's model. */
  nearestStations: (kommunenummer: string, count?: number) => NearbyStation[];
  /**
   * Dense minutes for any list of candidate sites (e.g. `allSites`), demand-major in the order of
   * `location`'s demand points, and to every existing station in the order of its fixed sites; Infinity = beyond the
   * matrix's cut-off. For the engine's several-sites-per-municipality problem:
   * `buildLocationProblem({ demand, candidates: allSites, fixed, costs: context.costsFor(allSites) })`.
   */
  costsFor: (sites: readonly Pick<CandidateSite, 'id' | 'kommunenummer' | 'lon' | 'lat' | 'kind'>[]) => { candidate: Float64Array; fixed: Float64Array };
}

/** A station near a municipality's main populated place. */
export interface NearbyStation {
  id: string;
  name: string;
  place: string;
  lon: number;
  lat: number;
  /** Straight-line km from the main populated place. */
  distanceKm: number;
  driveMin: number;
}

const cache = new Map<string, { db: Db; context: PlanningContext }>();

function revisionOf(db: Db, travelModel: TravelModelRef, adviceDistrict: string | null = null): string {
  return `${getMeta(db, 'data_hash')}|${answersRevision(db)}|${assessmentsRevision(db, adviceDistrict)}|${travelModel}`;
}

/**
 * The revision of the planning inputs as a viewer sees them (a cache key part, e.g. the ranking's ETag): the
 * context's revision, but for a district leader (`adviceDistrict`) with only their own district's assessments.
 */
export function viewRevision(db: Db, travelModel: TravelModelRef, adviceDistrict: string | null | undefined): string {
  return revisionOf(db, travelModel, adviceDistrict || null);
}

/**
 * The planning context for the database's current data and answers under a travel model (cached per revision).
 * @throws NotFoundError when `travelModel` names no imported matrix; ValidationError when that matrix lacks a
 * demand point, site or station of the current data
 */
export function planningContext(db: Db, travelModel: TravelModelRef = 'builtin'): PlanningContext {
  const revision = revisionOf(db, travelModel);
  const hit = cache.get(travelModel);
  if (hit && hit.db === db && hit.context.revision === revision) return hit.context;
  if (cache.size > 4 || (hit && hit.db !== db)) cache.clear();
  const context = buildContext(db, revision, travelModel);
  cache.set(travelModel, { db, context });
  return context;
}

function buildContext(db: Db, revision: string, travelModelRef: TravelModelRef): PlanningContext {
  const { info: travelModel, matrix } = resolveTravelModel(db, travelModelRef);
  const fromDb = listMunicipalities(db);
  const answers = engineAnswers(db);
  const premises = premisesOf(db);
  const stations = listStations(db);
  const places = listSites(db);
  const demand = listDemandPoints(db);
  const columns = columnIndex(matrix, travelModel, [...places.map((p) => p.id), ...stations.map((s) => s.id)]);
  const rows = rowIndex(matrix, travelModel, demand.map((d) => d.id));
  const stationCols = stations.map((s) => columns.get(s.id)!);
  const access = accessOf(matrix, demand, rows, new Set(stationCols), places, fromDb);
  // Every figure of the context is under its travel model: the drive indicators are read from its matrix.
  const municipalities = fromDb.map((m) => {
    const a = access.get(m.kommunenummer)!;
    return { ...m, driveMinMean: a.driveMinMean, residentsBeyond45: a.residentsBeyond45, shareBeyond45: m.population > 0 ? Math.round((a.residentsBeyond45 / m.population) * 1e4) / 1e4 : 0, nearestStationId: a.nearestStationId, nearestStationMin: a.nearestStationMin };
  });
  const allSites = candidateSites(places, premises);
  const sites = municipalities.map((m) => defaultSite(m, allSites));
  const demandRows = demand.map((d) => rows.get(d.id)!);
  const costsFor: PlanningContext['costsFor'] = (list) =>
    denseCosts(matrix, demandRows, list.map((s) => columnsOf(s, allSites, columns, travelModel.landMinPerKm)), stationCols);
  const costs = costsFor(sites.map((s) => ({ ...s, kind: s.kind === 'premises' ? 'premises' : 'place' })));
  const location = buildLocationProblem({
    demand: demand.map((d) => ({ id: d.id, lon: d.lon, lat: d.lat, weight: d.population })),
    candidates: sites.map((s) => ({ id: s.kommunenummer, lon: s.lon, lat: s.lat })),
    fixed: stations.map((s) => ({ id: s.id, lon: s.lon, lat: s.lat })),
    costs,
  });
  const inputs = engineInputs(db, municipalities, answers, access);
  const stationById = new Map(stations.map((s) => [s.id, s]));
  const mainPlace = new Map<string, Site>(places.filter((p) => p.centrePlace).map((p) => [p.kommunenummer, p]));
  const nearestStations = (kommunenummer: string, count = 3): NearbyStation[] => {
    const place = mainPlace.get(kommunenummer);
    const r = place ? rows.get(place.postnummer) : undefined;
    if (!place || r === undefined) return [];
    const list: NearbyStation[] = [];
    for (let k = matrix.rowStart[r]; k < matrix.rowStart[r + 1]; k++) {
      const s = stationById.get(matrix.colIds[matrix.cols[k]]);
      if (s) list.push({ id: s.id, name: s.name, place: s.place, lon: s.lon, lat: s.lat, distanceKm: haversineKm([place.lon, place.lat], [s.lon, s.lat]), driveMin: matrix.minutes[k] });
    }
    return list.sort((a, b) => a.driveMin - b.driveMin || a.id.localeCompare(b.id)).slice(0, count);
  };
  return { revision, municipalities, inputs, sites, allSites, location, answers: answersStatus(db), travelModel, access, stationCount: stations.length, nearestStations, costsFor };
}

function columnIndex(matrix: TravelMatrix, model: TravelModelInfo, needed: readonly string[]): Map<string, number> {
  const index = new Map(matrix.colIds.map((id, i) => [id, i]));
  const missing = needed.filter((id) => !index.has(id));
  if (missing.length) throw new ValidationError({ key: 'err.matrixColumns', params: { ref: model.ref, n: missing.length, examples: missing.slice(0, 3).join(', ') } });
  return index;
}

function rowIndex(matrix: TravelMatrix, model: TravelModelInfo, needed: readonly string[]): Map<string, number> {
  const index = new Map(matrix.rowIds.map((id, i) => [id, i]));
  const missing = needed.filter((id) => !index.has(id));
  if (missing.length) throw new ValidationError({ key: 'err.matrixRows', params: { ref: model.ref, n: missing.length, examples: missing.slice(0, 3).join(', ') } });
  return index;
}

/** The first offered premises with coordinates per municipality (the engine's `site`), with its address. */
function premisesOf(db: Db): Map<string, { site: { lon: number; lat: number; address: string } | null }> {
  const out = new Map<string, { site: { lon: number; lat: number; address: string } | null }>();
  for (const r of listResponses(db)) {
    const p = r.q5.premises.find((x) => x.lon !== null && x.lat !== null);
    out.set(r.kommunenummer, { site: p ? { lon: p.lon as number, lat: p.lat as number, address: p.address } : null });
  }
  return out;
}

/** Places first (data order), then each municipality's offered premises with coordinates. */
function candidateSites(places: readonly Site[], answers: ReadonlyMap<string, { site: { lon: number; lat: number; address: string } | null }>): CandidateSite[] {
  const out: CandidateSite[] = places.map((p) => ({
    id: p.id, kommunenummer: p.kommunenummer, lon: p.lon, lat: p.lat, kind: 'place', label: `${p.place} (${p.postnummer})`,
    population: p.population, centrePlace: p.centrePlace,
  }));
  for (const [kommunenummer, a] of [...answers.entries()].sort((x, y) => x[0].localeCompare(y[0]))) {
    if (a.site) out.push({ id: `p${kommunenummer}`, kommunenummer, lon: a.site.lon, lat: a.site.lat, kind: 'premises', label: a.site.address, population: null, centrePlace: '' });
  }
  return out;
}

function defaultSite(m: Municipality, all: readonly CandidateSite[]): MunicipalitySite {
  const premises = all.find((s) => s.kind === 'premises' && s.kommunenummer === m.kommunenummer);
  const place = all.find((s) => s.kind === 'place' && s.kommunenummer === m.kommunenummer && s.centrePlace !== '');
  const s = premises ?? place;
  if (!s) throw new Error(`municipality ${m.kommunenummer} has no candidate site`);
  return { kommunenummer: m.kommunenummer, id: s.id, lon: s.lon, lat: s.lat, kind: s.kind === 'premises' ? 'premises' : 'centre', label: s.label };
}

/**
 * How a site reads the matrix: a place its own column; offered premises (not in the matrix) the column of the
 * nearest populated place of their municipality (straight line; ties to the smaller id) plus the straight leg
 * to it at the model's land rate. Premises at a place's point read exactly that place's minutes, so a site's
 * minutes do not depend on its label. Only the nearest place is used: the best over every place plus a
 * straight land leg let premises "reach" islands across water at the land rate.
 */
export function columnsOf(site: { id: string; kommunenummer: string; lon: number; lat: number; kind: string }, all: readonly CandidateSite[], columns: ReadonlyMap<string, number>, landMinPerKm: number): CandidateColumns {
  const own = columns.get(site.id);
  if (own !== undefined) return { col: own, plusMin: 0 };
  let best: { id: string; col: number; km: number } | null = null;
  for (const p of all) {
    if (p.kind !== 'place' || p.kommunenummer !== site.kommunenummer) continue;
    const col = columns.get(p.id);
    if (col === undefined) continue;
    const km = haversineKm([p.lon, p.lat], [site.lon, site.lat]);
    if (!best || km < best.km || (km === best.km && p.id < best.id)) best = { id: p.id, col, km };
  }
  if (!best) throw new Error(`site ${site.id}: municipality ${site.kommunenummer} has no populated place in the travel-time matrix`);
  return { col: best.col, plusMin: landMinPerKm * best.km };
}

function accessOf(
  matrix: TravelMatrix, demand: readonly { id: string; kommunenummer: Kommunenummer; population: number }[], rows: ReadonlyMap<string, number>,
  stationCols: ReadonlySet<number>, places: readonly Site[], municipalities: readonly Municipality[],
): Map<string, MunicipalityAccess> {
  const out = new Map(municipalities.map((m) => [m.kommunenummer, { driveMinMean: 0, residentsBeyond45: 0, nearestStationId: null as string | null, nearestStationMin: null as number | null, demandPoints: 0, pop: 0 }]));
  const isStation = (c: number) => stationCols.has(c);
  for (const d of demand) {
    const a = out.get(d.kommunenummer)!;
    const n = nearestOf(matrix, rows.get(d.id)!, isStation);
    a.driveMinMean += d.population * n.minutes;
    a.pop += d.population;
    a.demandPoints++;
    if (n.minutes > 45) a.residentsBeyond45 += d.population;
  }
  for (const p of places) {
    if (!p.centrePlace) continue;
    const a = out.get(p.kommunenummer)!;
    // A place stands at the postcode point it is named after (its id is `s` + that demand point's id).
    const n = nearestOf(matrix, rows.get(p.postnummer)!, isStation);
    a.nearestStationId = n.col >= 0 ? matrix.colIds[n.col] : null;
    a.nearestStationMin = Number.isFinite(n.minutes) ? Math.round(n.minutes * 10) / 10 : null;
  }
  return new Map([...out].map(([k, a]) => [k, {
    driveMinMean: a.pop > 0 ? Math.round((a.driveMinMean / a.pop) * 10) / 10 : 0, residentsBeyond45: a.residentsBeyond45,
    nearestStationId: a.nearestStationId, nearestStationMin: a.nearestStationMin, demandPoints: a.demandPoints,
  }]));
}

function engineInputs(db: Db, municipalities: readonly Municipality[], answers: ReadonlyMap<string, EngineAnswer>, access: ReadonlyMap<string, MunicipalityAccess>): MunicipalityInput[] {
  const advice = districtAdviceByMunicipality(db);
  return municipalities.map((m) => {
    const a = answers.get(m.kommunenummer);
    const acc = access.get(m.kommunenummer)!;
    return {
      kommunenummer: m.kommunenummer,
      name: m.name,
      policeDistrict: m.policeDistrict,
      population: m.population,
      centre: [m.centre.lon, m.centre.lat] as const,
      crimePer1000: m.crimePer1000,
      violencePer1000: m.violencePer1000,
      crimeTrendPer1000: m.crimeTrendPer1000,
      driveMinMean: acc.driveMinMean,
      residentsBeyond45: acc.residentsBeyond45,
      answer: a
        ? {
            wantsStation: a.wantsStation === 'not_answered' ? null : a.wantsStation,
            premises: a.premises === 'co_located' ? 'colocated' : a.premises,
            satisfied: a.satisfied === 'not_answered' ? null : a.satisfied,
            premisesLonLat: a.site ? ([a.site.lon, a.site.lat] as const) : null,
          }
        : null,
      districtAdvice: advice.get(m.kommunenummer) ?? null,
    };
  });
}
