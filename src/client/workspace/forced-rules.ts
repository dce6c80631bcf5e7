/**
 * Forced-in and forced-out municipalities (`include` / `exclude` of the scenario): the two lists
 * with a remove button per entry, and the name field with "Force in" / "Keep out". A municipality
 * is in at most one list (forcing it in takes it out of the other). `forceRule` is pure.
 */
import type { Kommunenummer } from '../../common/kommunenummer';
import { byId, h, replace } from '../core/dom';
import type { Translate } from '../core/i18n';
import type { ScenarioParams } from '../page-types';
import { searchMunicipality } from './ranking';
import { municipalityName, type WorkspaceState } from './state';

export type ForceRule = 'include' | 'exclude' | 'none';

/** `params` with `knr` forced in, kept out, or under no rule. */
export function forceRule(params: ScenarioParams, knr: Kommunenummer, rule: ForceRule): ScenarioParams {
  const include = params.include.filter((x) => x !== knr);
  const exclude = params.exclude.filter((x) => x !== knr);
  if (rule === 'include') include.push(knr);
  if (rule === 'exclude') exclude.push(knr);
  return { ...params, include, exclude };
}

/** Which rule applies to `knr` now. */
export function ruleOf(params: Pick<ScenarioParams, 'include' | 'exclude'>, knr: string): ForceRule {
  return params.include.some((x) => x === knr) ? 'include' : params.exclude.some((x) => x === knr) ? 'exclude' : 'none';
}

export interface ForcedRulesDeps {
  state: WorkspaceState;
  t: Translate;
  /** Applies a rule (the workspace recomputes and records the change). */
  apply: (knr: Kommunenummer, rule: ForceRule) => void;
}

/** Draws both lists from the state. */
export function renderForcedRules({ state, t, apply }: ForcedRulesDeps): void {
  const item = (knr: Kommunenummer): HTMLLIElement => {
    const name = municipalityName(state, knr);
    const remove = h('button', { className: 'linkish', attrs: { type: 'button', 'aria-label': t('ws.removeForced', { name }) } }, '×');
    remove.addEventListener('click', () => apply(knr, 'none'));
    return h('li', { data: { k: knr } }, `${name} (${knr})`, remove);
  };
  const fill = (id: string, list: readonly Kommunenummer[]): void =>
    replace(byId(id, HTMLUListElement), ...(list.length ? list.map(item) : [h('li', { className: 'muted' }, t('ws.noneForced'))]));
  fill('include-list', state.params.include);
  fill('exclude-list', state.params.exclude);
  const box = byId('forced-rules', HTMLDetailsElement);
  if (state.params.include.length || state.params.exclude.length) box.open = true;
}

/** Wires the name field and its two buttons. */
export function wireForcedRules(deps: ForcedRulesDeps): void {
  const { state, t } = deps;
  const input = byId('forced-name', HTMLInputElement);
  const status = byId('forced-status', HTMLParagraphElement);
  const add = (rule: ForceRule): void => {
    const names = new Map([...state.municipalities].map(([knr, m]) => [knr, m.name]));
    const hit = searchMunicipality(names, input.value);
    if (!hit) {
      status.textContent = t('ws.unknownMunicipality', { name: input.value.trim() });
      return;
    }
    status.textContent = '';
    input.value = '';
    deps.apply(hit as Kommunenummer, rule);
  };
  byId('forced-include', HTMLButtonElement).addEventListener('click', () => add('include'));
  byId('forced-exclude', HTMLButtonElement).addEventListener('click', () => add('exclude'));
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      add('include');
    }
  });
}
