/**
 * What each page's route renders into `#page-data` (or `#resp-data`) for its script, and what the
 * JSON API sends back: the browser's side of the contract. Types only; shared types come from the
 * model and engine (type imports, so nothing of the server is bundled).
 */
import type { Geometry } from 'geojson';
import type { CriterionId } from '../engine/criteria';
import type { IneligibleReason, RankedItem, RankingResult } from '../engine/rank';
import type { Proposal, ProposalRobustness } from '../model/proposal';
import type { Municipality } from '../model/municipality';
import type { ScenarioParams } from '../model/scenario';
import type { Dictionary } from './core/i18n';
import type { Locale } from './core/format';

export type { Municipality, RankedItem, ScenarioParams, CriterionId };

/** Every page script gets the locale and its texts. */
export interface BasePageData {
  locale: Locale;
  dictionary: Dictionary;
}

/** A criterion as the weights form shows it. */
export interface CriterionView {
  id: CriterionId;
  label: string;
  unit: string;
  source: string;
  defaultWeight: number;
}

/** Whether the municipalities' answers are loaded, and whether they are the sample answers. */
export interface AnswersStatus {
  loaded: boolean;
  sample: boolean;
  count: number;
}

/** A saved scenario as the workspace shows it (times already formatted for the locale). */
export interface SavedScenarioView {
  id: string;
  name: string;
  description: string;
  params: ScenarioParams;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  dataVintage: string;
  staleData: boolean;
}

/** `/` and `/scenarios/:id`. */
export interface WorkspacePageData extends BasePageData {
  mayPlan: boolean;
  /** Exports are for planners, administrators and viewers (not district leaders). */
  mayExport: boolean;
  criteria: CriterionView[];
  defaults: ScenarioParams;
  districts: string[];
  counties: string[];
  answers: AnswersStatus;
  tileUrl: string | null;
  tileAttribution: string;
  scenario: SavedScenarioView | null;
  ineligibleReasons: Record<IneligibleReason, string>;
  /** The objectives the scenario may choose (`model/scenario-limits.ts`). */
  objectives: string[];
  /** The built-in model and every imported matrix, with their labels. */
  travelModels: { ref: string; label: string }[];
  /** The one robustness setting (samples, seed, mode). */
  robustness: { samples: number; seed: number; mode: 'around' | 'simplex' };
}

/** `/municipalities/:kommunenummer`. */
export interface ProfilePageData extends BasePageData {
  boundary: Geometry | null;
  /** `[lon, lat]` of the population-weighted centre. */
  centre: [number, number];
  tileUrl: string | null;
  tileAttribution: string;
  stations: { name: string; lon: number; lat: number; driveMin: number }[];
  premises: { address: string; lon: number; lat: number }[];
  /** The site the stored proposal chose in this municipality, if it is in the proposal. */
  chosenSite: { label: string; kind: 'place' | 'premises'; lon: number; lat: number } | null;
}

/** `/responses/:kommunenummer` (in `#resp-data`). */
export interface ResponsePageData {
  kommunenummer: string;
  name: string;
  /** The map's zoom buttons' titles in the page's language (`map.zoomIn`, `map.zoomOut`). */
  zoomTitles: { zoomIn: string; zoomOut: string };
  mapData: {
    boundary: Geometry | null;
    premises: { n: number; address: string; lon: number; lat: number }[];
  };
}

// ---------------------------------------------------------------- JSON API responses

/** `GET /api/ranking`. */
export type RankingResponse = RankingResult & { answers: AnswersStatus; scenario: ScenarioParams };
/** `POST /api/proposals` and `POST /api/selection`: the proposal (stored, `id` set; or a greedy preview, `id` null). */
export type SelectionResponse = Omit<Proposal, 'travelModel'> & { travelModel: { ref: string; label: string }; fromStore?: boolean };
export type ProposalSiteView = SelectionResponse['sites'][number];
/** `GET /api/proposals/:id/robustness`. */
export type RobustnessResponse = ProposalRobustness;

/** `GET /api/workspace/sites`: where each municipality's station would stand. */
export interface SitesResponse {
  sites: { kommunenummer: string; lon: number; lat: number; kind: 'centre' | 'premises' }[];
}

/** `GET /api/coverage`: demand points `[lon, lat, residents]` and their state per point (0 none, 1 existing, 2 proposed). */
export interface CoverageResponse {
  minutes: number;
  points: [number, number, number][];
  states: string;
}

export interface FeatureCollectionOf<P, G extends Geometry = Geometry> {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: P; geometry: G }[];
}

/** `GET /api/municipalities.geojson`. */
export type MunicipalitiesGeoJson = FeatureCollectionOf<Municipality>;
/** `GET /api/stations`. */
export type StationsGeoJson = FeatureCollectionOf<{ name: string; type: string }, import('geojson').Point>;
/** `GET /api/workspace/premises`. */
export type PremisesGeoJson = FeatureCollectionOf<{ kommunenummer: string; address: string }, import('geojson').Point>;
