/**
 * Saving the workspace as a scenario: save as new, save changes, duplicate. Only planners and
 * administrators get these controls (the server refuses others' writes with 403 anyway, which is
 * then said in words).
 */
import { failureText, sendJson } from '../core/api';
import { byId, optionalById } from '../core/dom';
import type { Translate } from '../core/i18n';
import type { ScenarioParams, WorkspacePageData } from '../page-types';
import { isDirty, type WorkspaceState } from './state';

interface SavedScenario {
  id: string;
  name: string;
}

export interface ScenarioControlsDeps {
  page: WorkspacePageData;
  state: WorkspaceState;
  t: Translate;
  /** The form's current parameters, read into the state before a save. */
  readForm: () => ScenarioParams;
}

/** Shows or hides the "unsaved changes" mark of an open saved scenario. */
export function markDirty(state: WorkspaceState): void {
  byId('scenario-dirty', HTMLSpanElement).hidden = !isDirty(state);
}

const scenarioUrl = (id: string): string => `/scenarios/${encodeURIComponent(id)}`;

/** Set when a save as new has succeeded and the page moves on to the new scenario: nothing is left unsaved. */
let savedAndLeaving = false;

/**
 * Whether leaving the page would lose work: the open saved scenario's rules or weights changed, or a name or
 * description typed into the save box and not saved (on a new workspace as well). Never right after a save.
 */
export function hasUnsavedWork(state: WorkspaceState): boolean {
  if (savedAndLeaving) return false;
  if (isDirty(state)) return true;
  const name = optionalById('scn-name', HTMLInputElement);
  const description = optionalById('scn-desc', HTMLTextAreaElement);
  return (name !== null && name.value !== name.defaultValue) || (description !== null && description.value !== description.defaultValue);
}

/** After a save the typed name and description are the saved ones. */
function keepTyped(): void {
  const name = byId('scn-name', HTMLInputElement);
  const description = byId('scn-desc', HTMLTextAreaElement);
  name.defaultValue = name.value;
  description.defaultValue = description.value;
}

/** Wires the save box (absent for viewers and district leaders). */
export function wireScenarioControls(deps: ScenarioControlsDeps): void {
  const { page, state, t } = deps;
  const form = optionalById('save-form', HTMLFormElement);
  if (!form) return;
  const status = (text: string): void => {
    byId('save-status', HTMLParagraphElement).textContent = text;
  };
  const body = () => ({
    name: byId('scn-name', HTMLInputElement).value.trim(),
    description: byId('scn-desc', HTMLTextAreaElement).value,
    params: (state.params = deps.readForm()),
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    sendJson<SavedScenario>('/api/scenarios', 'POST', body())
      .then((s) => {
        savedAndLeaving = true;
        window.location.assign(scenarioUrl(s.id));
      })
      .catch((err: unknown) => status(failureText(err, t)));
  });
  const saved = page.scenario;
  if (!saved) return;
  optionalById('scn-update', HTMLButtonElement)?.addEventListener('click', () => {
    sendJson<SavedScenario>(`/api/scenarios/${encodeURIComponent(saved.id)}`, 'PUT', body())
      .then((s) => {
        state.savedParams = JSON.stringify(state.params);
        keepTyped();
        markDirty(state);
        byId('scenario-name', HTMLElement).textContent = s.name;
        status(t('scn.saved'));
      })
      .catch((err: unknown) => status(failureText(err, t)));
  });
  optionalById('scn-duplicate', HTMLButtonElement)?.addEventListener('click', () => {
    sendJson<SavedScenario>(`/api/scenarios/${encodeURIComponent(saved.id)}/duplicate`, 'POST', {})
      .then((s) => window.location.assign(scenarioUrl(s.id)))
      .catch((err: unknown) => status(failureText(err, t)));
  });
}
