/**
 * The workspace's state: one object, every field declared here with its starting value. Data only
 * (what the server said and what the planner chose); the map's Leaflet layers live in
 * `map-layers.ts`, the page's elements in the DOM.
 */
import type {
  CoverageResponse, Municipality, RankedItem, RankingResponse, RobustnessResponse, ScenarioParams, SelectionResponse,
  WorkspacePageData,
} from '../page-types';
import { DEFAULT_SORT, type AreaFilter, type RankingSort } from './ranking';

export type RobustnessItem = RobustnessResponse['items'][number];

export interface WorkspaceState {
  /** The scenario as the form shows it; sent with every request. */
  params: ScenarioParams;
  /** The saved scenario's parameters as JSON, to tell unsaved changes; `null` when no scenario is open. */
  savedParams: string | null;
  /** The latest ranking, and its items by kommunenummer. */
  ranking: RankingResponse | null;
  rankingByKnr: Map<string, RankedItem>;
  /** The latest proposal (a greedy preview, `id` null, until the stored exact one arrives), and each member's 1-based position in it. */
  selection: SelectionResponse | null;
  setPosition: Map<string, number>;
  /** The stored proposal's robustness by kommunenummer (arrives after the proposal; empty until then). */
  robustness: Map<string, RobustnessItem>;
  /** The whole robustness result of the stored proposal shown (samples, what was sampled). */
  robustnessResult: RobustnessResponse | null;
  /** Municipalities with their indicators, from the boundary file. */
  municipalities: Map<string, Municipality>;
  /** The latest coverage layer, when it is shown. */
  coverage: CoverageResponse | null;
  /** The municipality open in the detail panel. */
  selected: string | null;
  /** The area the map and table are narrowed to. */
  area: AreaFilter;
  sort: RankingSort;
  /** Municipalities picked for the side-by-side comparison (2–4), kept for the browser session. */
  compare: string[];
  /** Request counters: a response whose number is no longer the latest is dropped. */
  seq: number;
  proposalSeq: number;
  robustSeq: number;
}

const COMPARE_KEY = 'stedsvalg.compare';
/** At most this many municipalities are compared side by side. */
export const COMPARE_MAX = 4;

function loadCompare(): string[] {
  try {
    const v: unknown = JSON.parse(sessionStorage.getItem(COMPARE_KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Keeps the comparison list for the browser session (cleared when empty). */
export function saveCompare(list: readonly string[]): void {
  if (list.length) sessionStorage.setItem(COMPARE_KEY, JSON.stringify(list));
  else sessionStorage.removeItem(COMPARE_KEY);
}

/** A deep copy of scenario parameters (plain JSON data). */
export function cloneParams(p: ScenarioParams): ScenarioParams {
  return JSON.parse(JSON.stringify(p)) as ScenarioParams;
}

/** The parameters the page starts from: the saved scenario's, or the defaults. */
export function initialParams(page: WorkspacePageData): ScenarioParams {
  return cloneParams(page.scenario ? page.scenario.params : page.defaults);
}

export function createState(page: WorkspacePageData): WorkspaceState {
  return {
    params: initialParams(page),
    savedParams: page.scenario ? JSON.stringify(page.scenario.params) : null,
    ranking: null,
    rankingByKnr: new Map(),
    selection: null,
    setPosition: new Map(),
    robustness: new Map(),
    robustnessResult: null,
    municipalities: new Map(),
    coverage: null,
    selected: null,
    area: '',
    sort: DEFAULT_SORT,
    compare: loadCompare(),
    seq: 0,
    proposalSeq: 0,
    robustSeq: 0,
  };
}

/** True when a saved scenario is open and the form differs from it. */
export function isDirty(state: Pick<WorkspaceState, 'savedParams' | 'params'>): boolean {
  return state.savedParams !== null && state.savedParams !== JSON.stringify(state.params);
}

/** Takes a new ranking into the state. */
export function setRanking(state: WorkspaceState, r: RankingResponse): void {
  state.ranking = r;
  state.rankingByKnr = new Map(r.items.map((it) => [it.kommunenummer, it]));
}

/** Takes a new proposal into the state (robustness of another proposal is dropped). */
export function setSelection(state: WorkspaceState, sel: SelectionResponse): void {
  state.selection = sel;
  state.setPosition = new Map(sel.selected.map((knr, i) => [knr, i + 1]));
  if (!sel.id || state.robustnessResult?.proposalId !== sel.id) {
    state.robustness = new Map();
    state.robustnessResult = null;
  }
}

/** Takes the robustness of the stored proposal shown into the state (ignored when another proposal is shown by now). */
export function setRobustness(state: WorkspaceState, r: RobustnessResponse): boolean {
  if (r.proposalId !== state.selection?.id) return false;
  state.robustnessResult = r;
  state.robustness = new Map(r.items.map((it) => [it.kommunenummer, it]));
  return true;
}

/** Adds a municipality to the comparison (the oldest drops out beyond `COMPARE_MAX`). */
export function addCompare(state: WorkspaceState, knr: string): void {
  if (!state.compare.includes(knr)) state.compare.push(knr);
  while (state.compare.length > COMPARE_MAX) state.compare.shift();
  saveCompare(state.compare);
}

/** A municipality's name: from the ranking (there from the first figures) or the map's data, else its number. */
export function municipalityName(state: Pick<WorkspaceState, 'rankingByKnr' | 'municipalities'>, knr: string): string {
  return state.rankingByKnr.get(knr)?.name ?? state.municipalities.get(knr)?.name ?? knr;
}
