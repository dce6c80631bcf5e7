/**
 * Builds the engine's inputs from the database (the I/O shell around the pure engine) and caches
 * them until the data or the answers change. Converting once keeps re-ranking and greedy selection
 * inside the interactive budget: the location problem (≈3,000 demand points × 575 sites) is the
 * expensive part and only depends on the data and the offered premises.
 */
import type { Db } from '../db/connection';
import { getMeta } from '../db/load-dataset';
import { listDemandPoints, listMunicipalities, listStations, type Municipality } from '../db/municipalities-repo';
import { answersStatus, engineAnswers } from '../db/responses-repo';
import { answersRevision } from '../db/revisions';
import { assessmentsRevision, districtAdviceByMunicipality } from '../db/advice';
import { buildLocationProblem, type LocationProblem } from '../engine/location';
import type { MunicipalityInput } from '../engine/criteria';
import { estimateDriveMin, type TravelModel } from '../geo/travel';

export interface PlanningContext {
  /** Cache key: data hash + answers revision + district assessments revision. */
  revision: string;
  municipalities: Municipality[];
  inputs: MunicipalityInput[];
  /** Candidate site per municipality (same order as `inputs`): the offered premises when known, else the centre. */
  sites: { kommunenummer: string; lon: number; lat: number; kind: 'premises' | 'centre' }[];
  location: LocationProblem;
  answers: { loaded: boolean; sample: boolean; count: number };
  travelModel: TravelModel;
  stationCount: number;
}

let cache: { db: Db; context: PlanningContext } | null = null;

function revisionOf(db: Db): string {
  return `${getMeta(db, 'data_hash')}|${answersRevision(db)}|${assessmentsRevision(db)}`;
}

/** The planning context for the database's current data and answers (cached per revision). */
export function planningContext(db: Db): PlanningContext {
  const revision = revisionOf(db);
  if (cache && cache.db === db && cache.context.revision === revision) return cache.context;
  const context = buildContext(db, revision);
  cache = { db, context };
  return context;
}

function buildContext(db: Db, revision: string): PlanningContext {
  const travelModel = JSON.parse(getMeta(db, 'travel_model') ?? 'null') as TravelModel | null;
  if (!travelModel) throw new Error('the travel model is not loaded; start the app once to load data/');
  const municipalities = listMunicipalities(db);
  const answers = engineAnswers(db);
  const advice = districtAdviceByMunicipality(db);
  const inputs: MunicipalityInput[] = municipalities.map((m) => {
    const a = answers.get(m.kommunenummer);
    return {
      kommunenummer: m.kommunenummer,
      name: m.name,
      policeDistrict: m.policeDistrict,
      population: m.population,
      centre: [m.centre.lon, m.centre.lat] as const,
      crimePer1000: m.crimePer1000,
      violencePer1000: m.violencePer1000,
      crimeTrendPer1000: m.crimeTrendPer1000,
      driveMinMean: m.driveMinMean,
      residentsBeyond45: m.residentsBeyond45,
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
  const sites = municipalities.map((m) => {
    const site = answers.get(m.kommunenummer)?.site;
    return site
      ? { kommunenummer: m.kommunenummer, lon: site.lon, lat: site.lat, kind: 'premises' as const }
      : { kommunenummer: m.kommunenummer, lon: m.centre.lon, lat: m.centre.lat, kind: 'centre' as const };
  });
  const stations = listStations(db);
  const location = buildLocationProblem({
    demand: listDemandPoints(db).map((d) => ({ id: d.id, lon: d.lon, lat: d.lat, weight: d.population })),
    candidates: sites.map((s) => ({ id: s.kommunenummer, lon: s.lon, lat: s.lat })),
    fixed: stations.map((s) => ({ id: s.id, lon: s.lon, lat: s.lat })),
    travelMinutes: (km) => estimateDriveMin(km, travelModel),
  });
  return { revision, municipalities, inputs, sites, location, answers: answersStatus(db), travelModel, stationCount: stations.length };
}
