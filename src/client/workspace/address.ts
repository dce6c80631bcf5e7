/**
 * The address bar's side of the workspace state (`url-state.ts` is the pure format): reads the
 * view settings from the page and puts them back, writes the state as a new history entry when it
 * changed (so Back steps through the planner's changes, and reload, bookmarks and shared links
 * restore them), and reports when Back or Forward brings an older entry.
 */
import { byId } from '../core/dom';
import type { ScenarioParams } from '../page-types';
import { DEFAULT_VIEW, workspaceFromQuery, workspaceQuery, type WorkspaceUrlState, type WorkspaceView } from './url-state';

/** The view settings as the page shows them. */
export function readView(area: string): WorkspaceView {
  return {
    area,
    colour: byId('indicator', HTMLSelectElement).value,
    filter: byId('ranking-filter', HTMLInputElement).value,
    onlyEligible: byId('only-eligible', HTMLInputElement).checked,
  };
}

const hasOption = (select: HTMLSelectElement, value: string): boolean => [...select.options].some((o) => o.value === value);

/** Puts view settings into the page; an area or colour the page does not offer falls back to the default. Returns the area used. */
export function applyView(view: WorkspaceView): string {
  const area = byId('area-filter', HTMLSelectElement);
  const colour = byId('indicator', HTMLSelectElement);
  area.value = hasOption(area, view.area) ? view.area : DEFAULT_VIEW.area;
  colour.value = hasOption(colour, view.colour) ? view.colour : DEFAULT_VIEW.colour;
  byId('ranking-filter', HTMLInputElement).value = view.filter;
  byId('only-eligible', HTMLInputElement).checked = view.onlyEligible;
  return area.value;
}

export class AddressBar {
  constructor(private readonly base: ScenarioParams) {}

  /** The state the address holds now. */
  read(): WorkspaceUrlState {
    return workspaceFromQuery(window.location.search, this.base);
  }

  /** Adds a history entry for `state` unless the address already says it. */
  write(state: WorkspaceUrlState): void {
    const q = workspaceQuery(state, this.base);
    const next = `${window.location.pathname}${q ? `?${q}` : ''}`;
    if (next !== `${window.location.pathname}${window.location.search}`) window.history.pushState(null, '', next + window.location.hash);
  }

  /** Calls `restore` with the entry's state when Back or Forward is used. */
  onHistory(restore: (state: WorkspaceUrlState) => void): void {
    window.addEventListener('popstate', () => restore(this.read()));
  }
}
