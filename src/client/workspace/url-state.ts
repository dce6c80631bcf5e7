/**
 * The workspace's unsaved state in the address bar, and back. The scenario (weights, rules,
 * objective, include/exclude, …) is written in the format of `query.ts` (the one the server reads);
 * the view (area filter, what the map is coloured by, the table's text filter and its "only
 * eligible" box) travels beside it. Only what differs from `base` (the saved scenario or the
 * defaults) is written, so an untouched workspace keeps a clean address. Pure: no DOM, no history.
 */
import type { ScenarioParams } from '../page-types';
import { scenarioFromQueryString, scenarioQuery } from './query';

/** The view settings kept in the address beside the scenario. */
export interface WorkspaceView {
  /** `''` (all of Norway), `d:<district>` or `c:<county>`. */
  area: string;
  /** What the map is coloured by (`score`, `rank` or an indicator key). */
  colour: string;
  /** The ranking table's text filter. */
  filter: string;
  /** The ranking table shows only eligible municipalities. */
  onlyEligible: boolean;
}

export const DEFAULT_VIEW: WorkspaceView = { area: '', colour: 'score', filter: '', onlyEligible: false };

export interface WorkspaceUrlState {
  params: ScenarioParams;
  view: WorkspaceView;
}

const VIEW_KEYS = { area: 'area', colour: 'colour', filter: 'filter', onlyEligible: 'onlyEligible' } as const;
/** Longest text kept from the address for a view field (a colour key or a district name is far shorter). */
const MAX_VIEW_TEXT = 120;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The query (without `?`) that restores `state` over `base`: empty when nothing differs. Rule
 * fields (district minimums and maximums, include, exclude) are always written out when the
 * scenario differs, so that emptying a rule the base has is kept too.
 */
export function workspaceQuery(state: WorkspaceUrlState, base: ScenarioParams): string {
  const parts: string[] = [];
  if (!same(state.params, base)) {
    parts.push(scenarioQuery(state.params));
    const p = state.params;
    if (!Object.keys(p.districtMin).length) parts.push('districtMin=%7B%7D');
    if (!Object.keys(p.districtMax).length) parts.push('districtMax=%7B%7D');
    if (!p.include.length) parts.push('include=');
    if (!p.exclude.length) parts.push('exclude=');
  }
  const v = state.view;
  if (v.area !== DEFAULT_VIEW.area) parts.push(`${VIEW_KEYS.area}=${encodeURIComponent(v.area)}`);
  if (v.colour !== DEFAULT_VIEW.colour) parts.push(`${VIEW_KEYS.colour}=${encodeURIComponent(v.colour)}`);
  if (v.filter !== DEFAULT_VIEW.filter) parts.push(`${VIEW_KEYS.filter}=${encodeURIComponent(v.filter)}`);
  if (v.onlyEligible) parts.push(`${VIEW_KEYS.onlyEligible}=1`);
  return parts.join('&');
}

const text = (value: string | null): string | undefined => (value === null ? undefined : value.slice(0, MAX_VIEW_TEXT));

/**
 * Reads the state from a query over `base`: scenario fields through `scenarioFromQueryString`
 * (values out of range or unknown keep the base's), view fields as text. Whether the area and the
 * colour key exist is for the page to check (it knows the districts and indicators).
 */
export function workspaceFromQuery(query: string | URLSearchParams, base: ScenarioParams): WorkspaceUrlState {
  const q = typeof query === 'string' ? new URLSearchParams(query.replace(/^\?/, '')) : query;
  return {
    params: scenarioFromQueryString(q, base),
    view: {
      area: text(q.get(VIEW_KEYS.area)) ?? DEFAULT_VIEW.area,
      colour: text(q.get(VIEW_KEYS.colour)) ?? DEFAULT_VIEW.colour,
      filter: text(q.get(VIEW_KEYS.filter)) ?? DEFAULT_VIEW.filter,
      onlyEligible: q.get(VIEW_KEYS.onlyEligible) === '1',
    },
  };
}
