/**
 * The side panels: the summary of the proposed set, the detail panel of the selected municipality,
 * and the comparison tray (2–4 municipalities side by side). Built from elements and text.
 */
import { ANY_SITE_KIND_LABEL, GAIN_LABEL, INDICATOR_LABEL, SELECTION_STATUS_LABEL, SOLVER_LABEL } from '../../model/labels';
import { violationMessage } from '../../model/violations';
import { byId, h, joined, replace, type Child } from '../core/dom';
import type { NumberFormat } from '../core/format';
import type { Translate } from '../core/i18n';
import type { WorkspacePageData } from '../page-types';
import type { Kommunenummer } from '../../common/kommunenummer';
import { ruleOf, type ForceRule } from './forced-rules';
import { scenarioQuery } from './query';
import { isDirty, municipalityName, type WorkspaceState } from './state';

export interface PanelDeps {
  page: WorkspacePageData;
  state: WorkspaceState;
  t: Translate;
  fmt: NumberFormat;
}

/** Indicators the detail panel lists. */
const DETAIL_INDICATORS = ['population', 'driveMinMean', 'residentsBeyond45', 'shareBeyond45', 'crimePer1000', 'violencePer1000'] as const;

/** A definition row: the term, its description, and an id for the description when something looks it up. */
type Definition = readonly [term: string, description: Child, id?: string];

/** A definition list (`null` rows are left out). */
function definitions(className: string | null, rows: readonly (Definition | null)[]): HTMLDListElement {
  const items = rows.flatMap((r) => (r ? [h('dt', null, r[0]), h('dd', r[2] ? { id: r[2] } : null, r[1])] : []));
  return h('dl', className ? { className } : null, ...items);
}

/** The scenario part of a link: the saved scenario when unchanged, else the parameters themselves. */
export function scenarioLinkQuery(deps: Pick<PanelDeps, 'page' | 'state'>, omitK = false): string {
  const { page, state } = deps;
  if (page.scenario && !isDirty(state)) return `scenario=${encodeURIComponent(page.scenario.id)}`;
  return scenarioQuery(state.params, omitK ? ['k'] : []);
}

/** Link to a municipality's profile under the current scenario. */
export function profileHref(deps: Pick<PanelDeps, 'page' | 'state'>, knr: string): string {
  return `/municipalities/${knr}?${scenarioLinkQuery(deps)}`;
}

/** The proposed set in figures: solver and status, coverage, newly covered residents, mean access. */
export function renderSummary(deps: PanelDeps): void {
  const { state, t, fmt } = deps;
  const s = state.selection;
  if (!s) return;
  const dl = definitions('kv', [
    [t('ws.solver'), `${t(SOLVER_LABEL[s.solver])} · ${t(SELECTION_STATUS_LABEL[s.status])}` + (s.gap !== null ? ` · ${t('ws.gap')} ${fmt.gap(s.gap)}` : ''), 'solver-status'],
    s.coveredShare !== null ? [t('ws.coveredShare', { min: state.params.minutes }), fmt.pct(s.coveredShare, 2)] : null,
    s.newlyCovered !== null ? [t('ws.newlyCovered'), fmt.num(s.newlyCovered)] : null,
    s.meanAccess !== null ? [t('ws.meanAccess'), `${fmt.num(s.meanAccess, 1)} min`] : null,
    s.beyondCost !== null && s.objectiveName === 'beyond' ? [t('ws.obj.beyond'), fmt.num(s.beyondCost)] : null,
    [t('prop.travelModel'), s.travelModel.label, 'summary-travel-model'],
  ]);
  replace(byId('summary', HTMLDivElement),
    h('h2', null, t('prop.heading', { k: state.params.k }), ' ',
      h('a', { className: 'help-link', attrs: { href: '/help#gyldig', target: '_blank', rel: 'noopener', title: t('ws.help'), 'aria-label': t('ws.help') } }, '?')),
    dl,
    s.status === 'infeasible' ? infeasibleNote(deps) : null);
}

/**
 * Why the rules cannot be met. Too few eligible municipalities is said in words (the eligibility
 * notice above offers the way out); other broken rules are said in the reader's language (`model/violations.ts`).
 */
function infeasibleNote(deps: PanelDeps): HTMLElement | null {
  const { state, t, fmt } = deps;
  const s = state.selection;
  if (!s) return null;
  const eligible = state.ranking ? state.ranking.items.filter((it) => it.eligible).length : null;
  const tooFew = eligible !== null && eligible < state.params.k;
  const why = tooFew ? t('ws.tooFewEligible', { k: fmt.num(state.params.k), n: fmt.num(eligible) }) : s.violated.map((v) => violationMessage(v, {
    t, num: fmt.num, municipality: (id) => municipalityName(state, id),
  })).join('; ');
  return h('p', { className: 'warn', id: 'infeasible' }, `${t('ws.infeasible')}: ${why}`);
}

export interface DetailActions {
  close: () => void;
  addCompare: (knr: string) => void;
  force: (knr: Kommunenummer, rule: ForceRule) => void;
}

/**
 * The panel's frame for one municipality: heading, close button, links and the force buttons.
 * Built once per municipality; later updates (new figures, robustness) change only the figures
 * and attributes, so a button under the mouse is never replaced between press and release.
 */
function detailFrame(deps: PanelDeps, actions: DetailActions, knr: string, name: string): HTMLElement[] {
  const { t } = deps;
  const close = h('button', { className: 'close', id: 'detail-close', attrs: { type: 'button', 'aria-label': t('ws.close') } }, '×');
  const compare = h('button', { className: 'linkish', id: 'add-compare', attrs: { type: 'button' } }, t('ws.addCompare'));
  close.addEventListener('click', actions.close);
  compare.addEventListener('click', () => actions.addCompare(knr));
  const forceButton = (id: string, rule: ForceRule, label: string): HTMLButtonElement => {
    const b = h('button', { id, attrs: { type: 'button', 'aria-pressed': 'false' } }, label);
    b.addEventListener('click', () => actions.force(knr as Kommunenummer, b.getAttribute('aria-pressed') === 'true' ? 'none' : rule));
    return b;
  };
  return [
    h('div', { className: 'detail-head' }, h('h3', { id: 'detail-title' }, `${name} `, h('small', null, knr)), close),
    h('div', { className: 'detail-figures' }),
    h('p', { className: 'detail-links' }, ...joined([
      h('a', { id: 'profile-link', attrs: { href: profileHref(deps, knr) } }, t('ws.openProfile')),
      h('a', { attrs: { href: `/responses/${knr}` } }, t('ws.answers')),
      compare,
    ], ' · ')),
    h('div', { className: 'detail-actions' }, forceButton('force-in', 'include', t('ws.include')), forceButton('force-out', 'exclude', t('ws.exclude'))),
  ];
}

/** The selected municipality's panel: its place in the ranking and the proposal, and key figures. */
export function renderDetail(deps: PanelDeps, actions: DetailActions): void {
  const { state, t, fmt, page } = deps;
  const box = byId('detail', HTMLDivElement);
  const knr = state.selected;
  const m = knr ? state.municipalities.get(knr) : undefined;
  if (!knr || !m) {
    box.hidden = true;
    delete box.dataset.k;
    return;
  }
  if (box.dataset.k !== knr) {
    replace(box, ...detailFrame(deps, actions, knr, m.name));
    box.dataset.k = knr;
  }
  const it = state.rankingByKnr.get(knr);
  const r = state.robustness.get(knr);
  const pos = state.setPosition.get(knr);
  const site = state.selection?.sites.find((x) => x.kommunenummer === knr) ?? null;
  const eligible = it ? (it.eligible ? t('ws.yes') : t('ws.no') + (it.reason ? ` (${page.ineligibleReasons[it.reason]})` : '')) : '';
  const rule = ruleOf(state.params, knr);
  box.querySelector('#force-in')?.setAttribute('aria-pressed', String(rule === 'include'));
  box.querySelector('#force-out')?.setAttribute('aria-pressed', String(rule === 'exclude'));
  box.querySelector('#profile-link')?.setAttribute('href', profileHref(deps, knr));
  replace(box.querySelector<HTMLElement>('.detail-figures')!,
    definitions(null, [
      [t('muni.district'), m.policeDistrict],
      [t('muni.county'), m.county],
      it ? [t('ws.rank'), fmt.num(it.rank)] : null,
      it ? [t('ws.score'), fmt.score(it.score)] : null,
      it ? [t('ws.col.eligible'), eligible] : null,
      [t('ws.col.proposed'), pos ? t('ws.inSet', { n: pos }) : t('ws.no')],
      site ? [t('prop.prof.site'), `${site.siteLabel} (${t(ANY_SITE_KIND_LABEL[site.siteKind])})`, 'detail-site'] : null,
      site && state.selection ? [t(GAIN_LABEL[state.selection.objectiveName]), `${fmt.num(site.marginalGain, state.selection.objectiveName === 'blend' ? 4 : 0)}${site.withinError ? ` ⚠ ${t('prop.withinErrorMark')}` : ''}`] : null,
      r ? [t('ws.stability'), `${fmt.sampleShare(r.pInSetWeights)} / ${fmt.sampleShare(r.pInSetTravel)} / ${fmt.sampleShare(r.pInSet)} (${t('prop.col.stability')})`] : null,
      ...DETAIL_INDICATORS.map((key) => [t(INDICATOR_LABEL[key]), fmt.indicator(m[key], key)] as const),
      rule !== 'none' ? [t('ws.forced'), rule === 'include' ? t('ws.included') : t('ws.excluded')] : null,
    ]),
    driveModelNote(deps));
  box.hidden = false;
}

/**
 * Which travel model the listed drive-time indicators come from: they are the municipality's stored figures
 * (the built-in model), not recomputed for the scenario's model as the proposal and the profile page are.
 */
function driveModelNote({ t, page }: PanelDeps): HTMLElement {
  const builtin = page.travelModels.find((m) => m.ref === 'builtin')?.label ?? 'builtin';
  return h('p', { className: 'note', id: 'detail-travel-model' }, t('ws.detailDriveModel', { model: builtin }));
}

/** The comparison tray: the municipalities picked, a link once there are two, and a way to clear. */
export function renderTray(deps: PanelDeps, clear: () => void): void {
  const { state, t } = deps;
  const tray = byId('compare-tray', HTMLDivElement);
  if (!state.compare.length) {
    tray.hidden = true;
    return;
  }
  const names = state.compare.map((knr) => state.municipalities.get(knr)?.name ?? knr).join(', ');
  // The scenario travels along; its K is left out, since `k` names the municipalities on that page.
  const href = `/compare/municipalities?kommunenummer=${state.compare.join(',')}&${scenarioLinkQuery(deps, true)}`;
  const clearButton = h('button', { className: 'linkish', id: 'compare-clear', attrs: { type: 'button' } }, t('ws.compareClear'));
  clearButton.addEventListener('click', clear);
  replace(tray, `${t('ws.compareTray')}: ${names}`, ...joined([
    '',
    state.compare.length >= 2 ? h('a', { attrs: { href } }, t('ws.compareGo')) : t('ws.compareNeedTwo'),
    clearButton,
  ], ' · '));
  tray.hidden = false;
}
